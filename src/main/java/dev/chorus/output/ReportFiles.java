package dev.chorus.output;

import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.Source;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.output.html.ReportHtml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every file of {@code chorus analyze} into one directory, as the command and {@code chorus bench analyze} write
 * them: {@code report.json}, {@code nodes.csv}, {@code clusters.csv}, {@code report.html}, and {@code graph.gexf}
 * (or {@code graph.gexf.gz}, or none) as {@link Gexf.Scope} says.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** Writes the files into {@code dir} (which exists) and returns the seconds each took, by the name of each file written. */
    public static Map<String, Double> write(AnalysisResult r, Source source, Path dir, Gexf.Scope gexf) {
        return write(r, source, null, null, dir, gexf);
    }

    /**
     * @param backtest the backtest of {@code analyze --backtest}, or null
     * @param btSource where the backtest's rows came from (null without a backtest)
     */
    public static Map<String, Double> write(AnalysisResult r, Source source, BacktestResult backtest, Source btSource, Path dir,
                                            Gexf.Scope gexf) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        ReportData[] data = new ReportData[1];
        timed(seconds, "report.json", () -> {
            data[0] = ReportData.of(r, source, backtest, btSource);
            ReportJson.write(data[0].report(), dir.resolve("report.json"));
        });
        timed(seconds, "nodes.csv", () -> NodesCsv.write(dir.resolve("nodes.csv"), r.nodes()));
        timed(seconds, "clusters.csv", () -> ClusterCsv.write(dir.resolve("clusters.csv"), r.cohesion(), r.communityKinds()));
        timed(seconds, "report.html", () -> ReportHtml.write(data[0], dir.resolve("report.html")));
        long start = System.nanoTime();
        Path graph = Gexf.write(r, dir, gexf);
        if (graph != null) seconds.put(graph.getFileName().toString(), (System.nanoTime() - start) / 1e9);
        return seconds;
    }

    private static void timed(Map<String, Double> seconds, String file, Runnable write) {
        long start = System.nanoTime();
        write.run();
        seconds.put(file, (System.nanoTime() - start) / 1e9);
    }
}
