package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;
import static dev.chorus.output.html.Html.fmt;
import static dev.chorus.output.html.Html.num;
import static dev.chorus.output.html.Html.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;

/**
 * "Possible gamed engagement": the rings of {@code report.json} (cohesive, reciprocal clusters that almost nobody
 * outside acts on), with the evidence a reader needs to judge them, apart from the choirs and never ranked with them.
 */
final class RingsSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode j = d.report();
        h.append("<h2>Possible gamed engagement</h2>\n");
        if (!j.hasNonNull("rings")) {
            h.append(Html.notComputed(d)).append("the clusters' reach, so rings cannot be told apart.</p>\n");
            return;
        }
        JsonNode t = j.path("cluster_kinds").path("thresholds");
        JsonNode rings = j.path("rings");
        h.append("<p>Rings are tight clusters whose members answer each other (internal reciprocity at least ")
                .append(fmt(value(t.get("ring_min_reciprocity")))).append(") but are acted on by almost nobody outside (at most ")
                .append(fmt(value(t.get("ring_max_reach_per_member")))).append(" outsiders per member, a tenth of the typical audience of ")
                .append(fmt(value(t.get("typical_audience")))).append(" people). That is what bought or traded engagement looks like, "
                        + "and also what a closed team or family looks like: treat a ring as a lead to check, not a verdict.");
        if (!j.path("graph").path("directed").asBoolean(true)) h.append(" This graph is undirected, so who answers whom is unknown and no cluster is called a ring.");
        h.append("</p>\n");
        if (rings.isEmpty()) {
            h.append("<p>No cluster matches the ring pattern here.</p>\n");
            return;
        }
        h.append("<table id=\"rings\">\n<tr><th>cluster</th><th>size</th><th>reach</th><th>reach/member</th><th>reciprocity</th>"
                + "<th>intensity</th><th>weight/pair</th><th>activity span</th><th class=\"l\">core</th></tr>\n");
        int top = j.path("settings").path("top").asInt(10);
        for (int i = 0; i < Math.min(top, rings.size()); i++) {
            JsonNode r = rings.get(i);
            JsonNode e = r.path("evidence");
            h.append("<tr><td>").append(r.path("cluster").asInt()).append("</td><td>").append(r.path("size").asInt()).append("</td><td>")
                    .append(r.path("reach").asLong()).append("</td><td>").append(num(value(e.get("reach_per_member")))).append("</td><td>")
                    .append(num(value(e.get("reciprocity")))).append("</td><td>").append(num(value(e.get("intensity")))).append("</td><td>")
                    .append(num(value(r.path("cohesion").get("weight_per_pair")))).append("</td><td>")
                    .append(e.hasNonNull("activity_span_share") ? num(value(e.get("activity_span_share"))) : "").append("</td><td class=\"l\">")
                    .append(esc(String.join(", ", Html.strings(r.path("core"))))).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">").append(rings.size()).append(" rings in all. Activity span: the time span of the "
                + "ring's internal interactions over the data's (near 0 for a burst), where the input has times. Ring members hold "
                + "the role ring_member in nodes.csv.</p>\n");
    }
}
