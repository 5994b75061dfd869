package dev.chorus.output;

import dev.chorus.analysis.Source;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.backtest.BacktestResult;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.community.ClusterCohesion;
import java.util.List;

/**
 * What {@link dev.chorus.output.html.ReportHtml} renders, as any run leaves it on disk: the {@code report.json} tree, the chart columns of
 * {@code nodes.csv} and the rows of {@code clusters.csv}. The embedded {@code analyze} builds it from its
 * {@link AnalysisResult} ({@link #of}); {@code chorus report --from DIR} reads it back ({@link ReportDir}), so the
 * page has one renderer and a report rendered later equals the one written by the run. Parts a run did not compute
 * are absent from the tree, and the page says so.
 *
 * @param report      the {@code report.json} tree (schema {@code report.schema.json})
 * @param nodes       the per-person columns the charts draw
 * @param communities cohesion of every community, in community order
 */
public record ReportData(JsonNode report, NodeColumns nodes, List<ClusterCohesion> communities) {
    public ReportData {
        communities = List.copyOf(communities);
    }

    public static ReportData of(AnalysisResult r, Source source) {
        return of(r, source, null, null);
    }

    /** With the backtest of {@code analyze --backtest} (or null), see {@link ReportJson#tree(AnalysisResult, Source, BacktestResult, Source)}. */
    public static ReportData of(AnalysisResult r, Source source, BacktestResult backtest, Source backtestSource) {
        return new ReportData(ReportJson.tree(r, source, backtest, backtestSource), NodeColumns.of(r.nodes()), r.cohesion());
    }

    /** The engine that made the run: {@code embedded} (also for reports written before the field existed) or {@code spark}. */
    public String engine() {
        return report.path("engine").asText("embedded");
    }
}
