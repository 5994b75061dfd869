package dev.chorus.cli;

import dev.chorus.output.CsvOut;
import dev.chorus.neo4j.CypherFile;
import dev.chorus.neo4j.Neo4jClient;
import dev.chorus.neo4j.QueryRunner;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neo4j.driver.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a .cypher file with parameters; print the last statement's result as CSV or JSON.")
final class Neo4jQueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .cypher file (e.g. cypher/top-hubs.cypher); statements separated by ';'.")
    Path file;

    @Mixin
    Neo4jCommand.Connection connection;

    @Option(names = "--param", paramLabel = "K=V",
            description = "Query parameter $K (repeatable). V is a JSON literal when it reads as one (42, 0.5, true, \"42\", [1,2]), else a string.")
    List<String> params = List.of();

    @Option(names = "--output", defaultValue = "csv", paramLabel = "F", description = "csv or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result here instead of stdout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String fmt = output.toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("json")) throw new IllegalArgumentException("--output: unknown '" + output + "' (use csv or json)");
        Map<String, Object> values = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--param: expected K=V, got '" + p + "'");
            values.put(p.substring(0, eq), QueryRunner.parameter(p.substring(eq + 1)));
        }
        CypherFile cypher = CypherFile.read(file);
        PrintWriter err = spec.commandLine().getErr();
        return Neo4jCommand.backend(err, () -> {
            try (Neo4jClient client = connection.connect()) {
                QueryRunner.Result result = QueryRunner.run(client, cypher, values);
                List<Record> records = result.records();
                List<String> columns = result.columns();
                Writer w = CsvOut.open(out, spec.commandLine().getOut());
                if (fmt.equals("csv")) QueryRunner.writeCsv(records, columns, w);
                else QueryRunner.writeJson(records, columns, w);
                if (out != null) w.close();
                return ExitCode.OK;
            }
        });
    }
}
