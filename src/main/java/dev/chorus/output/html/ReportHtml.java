package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;

import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.Source;
import dev.chorus.output.ReportData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.html}: one self-contained file a strategist opens offline, the {@link #SECTIONS} in order. The
 * summary in words, then the charts as inline SVG generated here (no script, no external resource): degree
 * distributions on log-log axes ({@code chart-degree}), PageRank against coreness coloured by role
 * ({@code chart-scatter}), on typed input reach against conversation per person ({@code chart-reach-conversation}),
 * drawings of the top choirs ({@code chart-clusters}), cohesion against reach per cluster by kind
 * ({@code chart-cohesion-reach}), the seeding experiment with 95% confidence intervals as error bars ({@code chart-seeding}); plus tables of hubs, clusters
 * and communities and the rules behind the roles. Every id from the input is escaped.
 * <p>
 * It renders a {@link ReportData}, i.e. what a run leaves on disk ({@code report.json}, {@code nodes.csv},
 * {@code clusters.csv}), never an in-memory result: {@code analyze} and {@code chorus report --from DIR} go through
 * this one renderer, for the embedded engine and for Spark.
 */
public final class ReportHtml {
    /** The ids of the chart SVGs, in page order. */
    public static final List<String> CHARTS = List.of("chart-degree", "chart-scatter", "chart-clusters", "chart-cohesion-reach", "chart-seeding");
    /** Charts drawn on typed input only (interaction types read apart), after {@code chart-scatter}. */
    public static final List<String> TYPED_CHARTS = List.of("chart-reach-conversation");

    /** The page, top to bottom. */
    private static final List<Section> SECTIONS = List.of(new TitleSection(), new SummarySection(), new HubsSection(), new DegreeSection(),
            new ScatterSection(), new ReachConversationSection(), new ClustersSection(), new CohesionReachSection(), new RingsSection(), new CommunitiesSection(), new SeedingSection(),
            new BacktestSection(), new RolesSection(), new MethodSection());

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd}table{border-collapse:collapse;font-size:.9em}
            td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}td.l,th.l{text-align:left}th{background:#f4f4f4}
            .summary p{font-size:1.05em}.note{color:#666;font-size:.9em}svg{background:#fff;border:1px solid #eee;margin:.5em 0}
            """;

    private ReportHtml() {
    }

    public static void write(AnalysisResult r, Source source, Path file) {
        write(ReportData.of(r, source), file);
    }

    public static void write(ReportData d, Path file) {
        try {
            Files.writeString(file, html(d), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String html(ReportData d) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Chorus report: ").append(esc(d.report().at("/input/path").asText())).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        for (Section s : SECTIONS) s.write(d, h);
        return h.append("</body>\n</html>\n").toString();
    }
}
