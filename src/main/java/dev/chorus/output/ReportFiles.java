package dev.chorus.output;

import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.Source;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.output.html.ReportHtml;
import dev.chorus.parallel.Futures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Every file of {@code chorus analyze} into one directory, as the command and {@code chorus bench analyze} write
 * them: {@code report.json}, {@code nodes.csv}, {@code clusters.csv}, {@code report.html}, and {@code graph.gexf}
 * (or {@code graph.gexf.gz}, or none) as {@link Gexf.Scope} says.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes the files into {@code dir} (which exists) and returns the seconds each took, by the name of each file
     * written. With more than one thread ({@link dev.chorus.analysis.AnalysisConfig#threads()}) {@code nodes.csv} is
     * written beside the others, so the seconds overlap.
     */
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
        int threads = r.config().threads();
        // nodes.csv is the big file (one row per person) and depends on nothing the others write: write it beside them
        ExecutorService aside = threads > 1 ? Futures.daemonPool(1, "write-nodes") : null;
        try {
            Future<Double> nodes = aside == null ? null
                    : aside.submit(() -> time(() -> NodesCsv.write(dir.resolve("nodes.csv"), r.nodes(), threads)));
            ReportData[] data = new ReportData[1];
            seconds.put("report.json", time(() -> {
                data[0] = ReportData.of(r, source, backtest, btSource);
                ReportJson.write(data[0].report(), dir.resolve("report.json"));
            }));
            seconds.put("nodes.csv", nodes == null ? time(() -> NodesCsv.write(dir.resolve("nodes.csv"), r.nodes(), 1)) : null);
            seconds.put("clusters.csv", time(() -> ClusterCsv.write(dir.resolve("clusters.csv"), r.cohesion(), r.communityKinds())));
            seconds.put("report.html", time(() -> ReportHtml.write(data[0], dir.resolve("report.html"))));
            long start = System.nanoTime();
            Path graph = Gexf.write(r, dir, gexf);
            if (graph != null) seconds.put(graph.getFileName().toString(), (System.nanoTime() - start) / 1e9);
            if (nodes != null) seconds.put("nodes.csv", Futures.join(nodes));
            return seconds;
        } finally {
            if (aside != null) aside.shutdownNow();
        }
    }

    private static double time(Runnable write) {
        long start = System.nanoTime();
        write.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
