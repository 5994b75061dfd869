package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;
import static dev.chorus.output.html.Html.num;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.output.ReportData;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The largest communities of the {@code community} column, with their cohesion ({@code clusters.csv}). */
final class CommunitiesSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode summary = d.report().path("communities");
        List<ClusterCohesion> communities = d.communities();
        List<ClusterCohesion> largest = communities.stream()
                .sorted(Comparator.comparingInt((ClusterCohesion c) -> -c.size()).thenComparingInt(ClusterCohesion::community))
                .limit(d.report().path("settings").path("top").asInt()).toList();
        h.append("<h2>Communities</h2>\n");
        h.append("<p>The ").append(largest.size()).append(" largest of ").append(String.format(Locale.ROOT, "%,d", communities.size()))
                .append(" communities (").append(esc(Html.algorithmName(summary.path("algorithm").asText()))).append(", modularity ")
                .append(String.format(Locale.ROOT, "%.3f", summary.path("modularity").asDouble()))
                .append("); clusters.csv has the cohesion of every one.</p>\n").append(Html.approximate(d, "communities"));
        if (largest.isEmpty()) return;
        h.append("<table id=\"communities\">\n<tr><th>community</th><th>size</th><th>density</th><th>reciprocity</th><th>conductance</th>"
                + "<th>clustering</th><th>weight/pair</th><th class=\"l\">core</th></tr>\n");
        for (ClusterCohesion c : largest) {
            h.append("<tr><td>").append(c.community()).append("</td><td>").append(c.size()).append("</td><td>").append(num(c.density()))
                    .append("</td><td>").append(num(c.reciprocity())).append("</td><td>").append(num(c.conductance())).append("</td><td>")
                    .append(num(c.averageClustering())).append("</td><td>").append(num(c.weightPerPair())).append("</td><td class=\"l\">")
                    .append(esc(String.join(", ", c.core()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
