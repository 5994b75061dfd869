package dev.chorus.cli;

import dev.chorus.output.Json;
import dev.chorus.output.CsvOut;
import dev.chorus.community.CommunityAlgorithm;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.neo4j.EmbeddedAnalysis;
import dev.chorus.neo4j.GdsAnalysis;
import dev.chorus.neo4j.GraphModel;
import dev.chorus.neo4j.Neo4jClient;
import dev.chorus.neo4j.Neo4jGraphReader;
import dev.chorus.neo4j.NodeResults;
import dev.chorus.neo4j.ResultWriter;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Read the graph from Neo4j, run the analysis of 'chorus analyze', write the nodes.csv columns back with --write.",
        description = "Per-user results go to --out as CSV (the nodes.csv columns), or to stdout without --out; "
                + "a JSON summary goes to stdout with --out, to stderr without.")
final class Neo4jAnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Neo4jCommand.Connection connection;

    @Option(names = "--engine", defaultValue = "embedded", paramLabel = "E",
            description = "embedded (read into Chorus's engine) or gds (Graph Data Science procedures inside Neo4j) (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--communities", defaultValue = "leiden", paramLabel = "A", description = "leiden or louvain (default: ${DEFAULT-VALUE}).")
    String communities;

    @Option(names = "--write", description = "Store the results as User properties and (:Cluster) nodes.")
    boolean write;

    @Option(names = "--out", paramLabel = "FILE", description = "Write per-user results as CSV here.")
    Path out;

    @Option(names = "--batch-size", defaultValue = "10000", paramLabel = "N", description = "Users per write transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layer", paramLabel = "TYPE,TYPE",
            description = "Analyze only these interaction types (RT,RE or retweet,reply,...): each pair weighs its count of those types.")
    String layer;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        boolean gds = switch (engine.toLowerCase(Locale.ROOT)) {
            case "embedded" -> false;
            case "gds" -> true;
            default -> throw new IllegalArgumentException("--engine: unknown '" + engine + "' (use embedded or gds)");
        };
        CommunityAlgorithm algorithm = EmbeddedAnalysis.COMMUNITIES.stream().filter(a -> a.name().equalsIgnoreCase(communities)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--communities: unknown '" + communities + "' (use "
                        + String.join(" or ", EmbeddedAnalysis.COMMUNITIES.stream().map(CommunityAlgorithm::name).toList()) + ")"));
        java.util.Set<dev.chorus.ingest.InteractionType> layers = dev.chorus.ingest.RowFilter.parse(layer, null).layers();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = CliProgress.create(err, quiet);
        return Neo4jCommand.backend(err, () -> {
            try (Neo4jClient client = connection.connect()) {
                long t0 = System.nanoTime();
                InteractionGraph g = Neo4jGraphReader.read(client, null, layers);
                double read = (System.nanoTime() - t0) / 1e9;
                NodeResults r = gds ? GdsAnalysis.run(client, g, algorithm, seed) : EmbeddedAnalysis.run(g, algorithm, seed, progress);
                double computed = (System.nanoTime() - t0) / 1e9 - read;
                double writeSeconds = 0;
                if (write) {
                    long t1 = System.nanoTime();
                    GraphModel.applySchema(client); // where missing: a store from neo4j import has none after its first start
                    ResultWriter.writeNodes(client, r, batchSize, progress);
                    ResultWriter.writeClusters(client, r, batchSize, progress);
                    writeSeconds = (System.nanoTime() - t1) / 1e9;
                }
                writeCsv(r, spec.commandLine().getOut());
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("engine", gds ? "gds" : "embedded");
                summary.put("communities_algorithm", algorithm.name());
                summary.put("users", g.nodeCount());
                summary.put("interactions", g.edgeCount());
                summary.put("directed", g.isDirected());
                summary.put("communities", r.clusters().size());
                summary.put("modularity", dev.chorus.community.Modularity.of(g, membership(r)));
                summary.put("written", write);
                summary.put("columns", r.columns());
                summary.put("read_seconds", read);
                summary.put("compute_seconds", computed);
                summary.put("write_seconds", writeSeconds);
                PrintWriter json = out == null ? err : spec.commandLine().getOut();
                json.println(Json.pretty(summary));
                json.flush();
                return ExitCode.OK;
            }
        });
    }

    private static int[] membership(NodeResults r) {
        long[] c = (long[]) r.column(CommunityAlgorithms.COLUMN);
        int[] m = new int[c.length];
        for (int i = 0; i < c.length; i++) m[i] = (int) c[i];
        return m;
    }

    private void writeCsv(NodeResults r, PrintWriter stdout) {
        Writer w = CsvOut.open(out, stdout);
        try {
            w.write("node," + String.join(",", r.columns()) + "\n");
            StringBuilder line = new StringBuilder(64);
            for (int u = 0; u < r.ids().size(); u++) {
                line.setLength(0);
                line.append(CsvOut.field(r.ids().id(u)));
                for (int c = 0; c < r.columns().size(); c++) {
                    Object v = r.value(c, u);
                    line.append(',');
                    if (v instanceof Double d) line.append(CsvOut.number(d));
                    else if (v instanceof java.util.List<?> l) line.append(CsvOut.field(String.join(";", l.stream().map(String::valueOf).toList())));
                    else if (v != null) line.append(CsvOut.field(String.valueOf(v)));
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
            if (out != null) w.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + (out == null ? "stdout" : out) + ": " + e.getMessage(), e);
        }
    }
}
