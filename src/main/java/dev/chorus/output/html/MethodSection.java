package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The method: graph size, exact or sampled betweenness, the community algorithm and seed, step times, and the data files. */
final class MethodSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode j = d.report();
        JsonNode settings = j.path("settings");
        h.append("<h2>Method</h2>\n<ul class=\"note\">\n");
        JsonNode g = j.path("graph");
        h.append("<li>").append(String.format(Locale.ROOT, "%,d people, %,d interacting pairs, %s.", g.path("nodes").asLong(), g.path("edges").asLong(),
                g.path("directed").asBoolean() ? "directed" : "undirected")).append("</li>\n");
        if (settings.has("betweenness_samples")) {
            int samples = settings.path("betweenness_samples").asInt();
            h.append("<li>Betweenness: ").append(samples == 0 ? "exact (Brandes 2001)"
                    : "estimated from " + samples + " sampled sources (Brandes &amp; Pich 2007), unbiased but approximate").append(".</li>\n");
        } else {
            h.append("<li>Betweenness: not computed by the ").append(esc(d.engine())).append(" engine.</li>\n");
        }
        h.append("<li>Communities: ").append(esc(Html.algorithmName(j.at("/communities/algorithm").asText()))).append(" (modularity ")
                .append(String.format(Locale.ROOT, "%.3f", j.at("/communities/modularity").asDouble()))
                .append("), seed ").append(settings.path("seed").asLong()).append(".</li>\n");
        for (JsonNode a : j.path("approximate")) {
            h.append("<li>Approximate or computed differently (").append(esc(a.path("part").asText())).append("): ")
                    .append(esc(a.path("note").asText())).append(".</li>\n");
        }
        h.append("<li>Step times (s): ");
        List<String> times = new ArrayList<>();
        j.path("timings_seconds").fields().forEachRemaining(e -> times.add(e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue().asDouble())));
        h.append(esc(String.join(", ", times))).append(".</li>\n</ul>\n");
        h.append("<p class=\"note\">Per-person numbers: nodes.csv; per-cluster: clusters.csv; machine-readable: report.json")
                .append(d.engine().equals("embedded") ? "; for Gephi: graph.gexf" : "").append(".</p>\n");
    }
}
