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
        h.append("<h2>Choirs: cohesive clusters that are heard</h2>\n");
        if (clusterSettings.has("resolution")) {
            h.append("<p>Tight clusters (Leiden, constant Potts model at resolution ").append(fmt(clusterSettings.path("resolution").asDouble()))
                    .append(": members interacted with each other more than that per pair)");
        } else {
            h.append("<p>Communities (").append(esc(Html.algorithmName(j.at("/communities/algorithm").asText())))
                    .append("; this engine has no Leiden tight clusters, so the candidates are its communities)");
        }
        h.append(" of ").append(clusterSettings.path("min_size").asInt()).append(" to ").append(clusterSettings.path("max_size").asInt())
                .append(" members. A choir is cohesive (the mean of reciprocity, density, clustering and intensity, i.e. repeat "
                        + "interaction per pair) and heard: people outside act on its members. Choirs are ranked by "
                        + "sqrt(cohesion &times; reach), reach on a log scale against the best-heard cluster's; a group nobody outside "
                        + "hears scores 0 however tight it is.</p>\n");
        JsonNode passionate = j.path("passionate_clusters");
        table(h, passionate, settings.path("top").asInt(), clusterSettings.path("min_score").asDouble());
        h.append(ClusterDrawing.svg(passionate, d.nodes(), settings.path("seed").asLong()));
    }

    private static void table(StringBuilder h, JsonNode passionate, int top, double minScore) {
        if (passionate.isEmpty()) {
            h.append("<p>No cohesive cluster (cohesion &ge; ").append(fmt(minScore)).append(") is heard outside.</p>\n");
            return;
        }
        h.append("<table id=\"clusters\">\n<tr><th>rank</th><th>cluster</th><th>size</th><th>score</th><th>cohesion</th><th>reach</th>"
                + "<th>reciprocity</th><th>density</th><th>clustering</th><th>weight/pair</th><th class=\"l\">core</th></tr>\n");
        for (int i = 0; i < Math.min(top, passionate.size()); i++) {
            JsonNode p = passionate.get(i);
            JsonNode c = p.path("cohesion");
            h.append("<tr><td>").append(p.path("rank").asInt()).append("</td><td>").append(p.path("cluster").asInt()).append("</td><td>")
                    .append(c.path("size").asInt()).append("</td><td>").append(num(value(p.get("score")))).append("</td><td>")
                    .append(num(value(p.path("axes").get("cohesion")))).append("</td><td>").append(p.hasNonNull("reach") ? p.path("reach").asLong() + "" : "")
                    .append("</td><td>").append(num(value(c.get("reciprocity")))).append("</td><td>").append(num(value(c.get("density")))).append("</td><td>")
                    .append(num(value(c.get("avg_clustering")))).append("</td><td>").append(num(value(c.get("weight_per_pair")))).append("</td><td class=\"l\">")
                    .append(esc(String.join(", ", Html.strings(p.path("core"))))).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">").append(passionate.size()).append(" choirs in all; nodes.csv gives every person's cluster.</p>\n");
    }
}
