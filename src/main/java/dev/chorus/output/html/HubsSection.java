package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;
import static dev.chorus.output.html.Html.fmt;
import static dev.chorus.output.html.Html.num;
import static dev.chorus.output.html.Html.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;
import java.util.ArrayList;
import java.util.List;

/**
 * The hubs table with the rule that picked them; without roles, the highest PageRank, said to be reach alone. A metric
 * column no hub carries (the run did not compute it) is left out and named.
 */
final class HubsSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode j = d.report();
        JsonNode roleSettings = j.path("settings").path("roles");
        h.append("<h2>Hubs</h2>\n");
        if (j.hasNonNull("roles")) {
            h.append("<p>Top reach (in-weight or PageRank in the top ").append(fmt(100 - roleSettings.path("top_percentile").asDouble()))
                    .append("% and ").append(fmt(roleSettings.path("min_z").asDouble()))
                    .append(" standard deviations above the mean) with mostly one-way ties.</p>\n");
        } else {
            h.append("<p>Highest PageRank.</p>\n").append(Html.notComputed(d)).append("roles, so these are reach alone, not hubs by the role rules.</p>\n");
        }
        JsonNode nodes = j.path("hubs");
        if (nodes.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        List<String> cols = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String c : List.of("pagerank", "in", "out", "reciprocity", "kcore", "betweenness")) (nodes.get(0).has(c) ? cols : absent).add(c);
        h.append("<table>\n<tr><th class=\"l\">person</th>");
        for (String c : cols) h.append("<th>").append(c).append("</th>");
        h.append("<th>community</th><th>cluster</th><th class=\"l\">roles</th></tr>\n");
        for (JsonNode n : nodes) {
            h.append("<tr><td class=\"l\">").append(esc(n.path("node").asText())).append("</td>");
            for (String c : cols) h.append("<td>").append(num(value(n.get(c)))).append("</td>");
            h.append("<td>").append(n.path("community").asInt()).append("</td><td>").append(n.path("cluster").asInt()).append("</td><td class=\"l\">")
                    .append(esc(String.join(", ", Html.strings(n.path("roles"))))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!absent.isEmpty()) h.append(Html.notComputed(d)).append(String.join(", ", absent)).append(".</p>\n");
    }
}
