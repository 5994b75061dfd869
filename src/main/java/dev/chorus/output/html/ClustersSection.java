package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;
import static dev.chorus.output.html.Html.fmt;
import static dev.chorus.output.html.Html.num;
import static dev.chorus.output.html.Html.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;

/**
 * The passionate clusters: how they were found and scored, the table of the top ones, and their drawings
 * ({@link ClusterDrawing}).
 */
final class ClustersSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode j = d.report();
        JsonNode settings = j.path("settings");
        JsonNode clusterSettings = settings.path("clusters");
        h.append("<h2>Passionate clusters</h2>\n");
        if (clusterSettings.has("resolution")) {
            h.append("<p>Tight clusters (Leiden, constant Potts model at resolution ").append(fmt(clusterSettings.path("resolution").asDouble()))
                    .append(": members interacted with each other more than that per pair)");
        } else {
            h.append("<p>Communities (").append(esc(Html.algorithmName(j.at("/communities/algorithm").asText())))
                    .append("; this engine has no Leiden tight clusters, so the candidates are its communities)");
        }
        h.append(" of ").append(clusterSettings.path("min_size").asInt()).append(" to ").append(clusterSettings.path("max_size").asInt())
                .append(" members, ranked by passion score: the mean of reciprocity, density, "
                        + "clustering, insularity (share of interaction kept inside) and intensity (repeat interaction per pair).</p>\n");
        JsonNode passionate = j.path("passionate_clusters");
        table(h, passionate, settings.path("top").asInt(), clusterSettings.path("min_score").asDouble());
        h.append(ClusterDrawing.svg(passionate, d.nodes(), settings.path("seed").asLong()));
    }

    private static void table(StringBuilder h, JsonNode passionate, int top, double minScore) {
        if (passionate.isEmpty()) {
            h.append("<p>No community passes the filter (passion score &ge; ").append(fmt(minScore)).append(").</p>\n");
            return;
        }
        h.append("<table id=\"clusters\">\n<tr><th>rank</th><th>cluster</th><th>size</th><th>score</th><th>reciprocity</th><th>density</th>"
                + "<th>clustering</th><th>insularity</th><th>weight/pair</th><th class=\"l\">core</th></tr>\n");
        for (int i = 0; i < Math.min(top, passionate.size()); i++) {
            JsonNode p = passionate.get(i);
            JsonNode c = p.path("cohesion");
            h.append("<tr><td>").append(p.path("rank").asInt()).append("</td><td>").append(p.path("cluster").asInt()).append("</td><td>")
                    .append(c.path("size").asInt()).append("</td><td>").append(num(value(p.get("score")))).append("</td><td>")
                    .append(num(value(c.get("reciprocity")))).append("</td><td>").append(num(value(c.get("density")))).append("</td><td>")
                    .append(num(value(c.get("avg_clustering")))).append("</td><td>").append(num(value(p.path("parts").get("insularity"))))
                    .append("</td><td>").append(num(value(c.get("weight_per_pair")))).append("</td><td class=\"l\">")
                    .append(esc(String.join(", ", Html.strings(p.path("core"))))).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">").append(passionate.size()).append(" passionate clusters in all; nodes.csv gives every person's cluster.</p>\n");
    }
}
