package dev.chorus.cli;

import dev.chorus.output.ReportData;
import dev.chorus.output.ReportDir;
import dev.chorus.output.html.ReportHtml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chorus report --from DIR}: renders {@code report.html} from the files a run left in DIR, an embedded
 * {@code analyze} or a {@code spark analyze} output, with the one renderer {@code analyze} uses. Reads no input
 * graph and computes nothing, so a cluster run can be reported on any machine.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Render report.html from the output directory of 'analyze' or 'spark analyze' (report.json, nodes.csv, clusters.csv).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The --out DIR of a chorus analyze or chorus spark analyze run.")
    Path from;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: DIR/report.html).")
    Path out;

    @Override
    public Integer call() {
        ReportData data = ReportDir.read(from);
        Path file = out == null ? from.resolve("report.html") : out;
        ReportHtml.write(data, file);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Report: " + file + " (" + data.engine() + " run in " + from + ")");
        stdout.flush();
        return ExitCode.OK;
    }
}
