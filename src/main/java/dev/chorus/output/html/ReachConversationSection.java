package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;
import static dev.chorus.output.html.Html.num;
import static dev.chorus.output.html.Html.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reach vs conversation, on typed input only ({@code report.json}'s {@code reach_vs_conversation}; absent, the
 * section writes nothing): the top people of the spreading layer (retweets, quotes) beside those of the
 * conversation layer (replies, comments, messages), their overlap (Jaccard index of the two top-100 lists), and
 * {@code chart-reach-conversation}: one dot per person of either top-100 list, PageRank on the spreading layer
 * against PageRank on the conversation layer, both log scale, coloured by the list(s) the person is in.
 */
final class ReachConversationSection implements Section {
    static final Map<String, String> COLOURS = new LinkedHashMap<>();

    static {
        COLOURS.put("spread", "#d62728");
        COLOURS.put("talk", "#2ca02c");
        COLOURS.put("both", "#9467bd");
    }

    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode rvc = d.report().path("reach_vs_conversation");
        if (!rvc.isObject()) return;
        h.append("<h2>Reach vs conversation: who is carried onward, who is talked with</h2>\n");
        double jaccard = value(rvc.get("jaccard_top"));
        int n = rvc.path("overlap_n").asInt();
        h.append("<p>Retweets and quotes carry content onward (").append(esc(String.join(", ", Html.strings(rvc.path("spread_types")))))
                .append("); replies, comments and messages are conversation (").append(esc(String.join(", ", Html.strings(rvc.path("talk_types")))))
                .append("). Ranked by PageRank on each layer, the top ").append(n).append(" of the two overlap with a Jaccard index of ")
                .append(Double.isNaN(jaccard) ? "&ndash; (neither layer has anyone)" : String.format(Locale.ROOT, "%.2f", jaccard))
                .append(jaccard < 0.5 ? ": the most retweeted are mostly not the most answered." : ".").append(
                        " Awareness is measured on the first layer, action on the second (see the seeding experiment).</p>\n");
        JsonNode spread = rvc.path("top_spread");
        JsonNode talk = rvc.path("top_talk");
        h.append("<table>\n<tr><th>rank</th><th class=\"l\">spreading layer</th><th>pagerank_spread</th><th>in_spread</th>"
                + "<th class=\"l\">conversation layer</th><th>pagerank_talk</th><th>in_talk</th><th>reciprocity_talk</th></tr>\n");
        for (int i = 0; i < Math.max(spread.size(), talk.size()); i++) {
            h.append("<tr><td>").append(i + 1).append("</td>");
            JsonNode s = spread.get(i);
            if (s == null) h.append("<td class=\"l\"></td><td></td><td></td>");
            else h.append("<td class=\"l\">").append(esc(s.path("node").asText())).append("</td><td>").append(num(value(s.get("pagerank_spread"))))
                    .append("</td><td>").append(num(value(s.get("in_spread")))).append("</td>");
            JsonNode t = talk.get(i);
            if (t == null) h.append("<td class=\"l\"></td><td></td><td></td><td></td>");
            else h.append("<td class=\"l\">").append(esc(t.path("node").asText())).append("</td><td>").append(num(value(t.get("pagerank_talk"))))
                    .append("</td><td>").append(num(value(t.get("in_talk")))).append("</td><td>").append(num(value(t.get("reciprocity_talk"))))
                    .append("</td>");
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        h.append(chart(rvc.path("points")));
    }

    static String chart(JsonNode points) {
        int w = 640;
        int hgt = 420;
        Svg s = new Svg("chart-reach-conversation", w, hgt, "PageRank on the spreading layer against PageRank on the conversation layer");
        double xMin = Double.POSITIVE_INFINITY, xMax = 0, yMin = Double.POSITIVE_INFINITY, yMax = 0;
        for (JsonNode p : points) {
            double x = value(p.get("pagerank_spread"));
            double y = value(p.get("pagerank_talk"));
            if (x > 0) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
            if (y > 0) {
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        Axis x = Axis.log(lo(xMin, xMax), hi(xMin, xMax), 70, w - 130);
        Axis y = Axis.log(lo(yMin, yMax), hi(yMin, yMax), hgt - 50, 20);
        s.frame(x, y, "PageRank, spreading layer (retweets, quotes)", "PageRank, conversation layer");
        for (JsonNode p : points) {
            double px = Math.max(value(p.get("pagerank_spread")), x.min());
            double py = Math.max(value(p.get("pagerank_talk")), y.min());
            String top = p.path("top").asText("spread");
            s.circle(x.at(px), y.at(py), 3.5, COLOURS.getOrDefault(top, "#7f7f7f"), p.path("node").asText() + " (top of " + top + ")");
        }
        int i = 0;
        for (Map.Entry<String, String> e : COLOURS.entrySet()) {
            s.circle(w - 115, 30 + 18 * i, 5, e.getValue(), null).text(w - 105, 34 + 18 * i, "top " + e.getKey(), "start", 12);
            i++;
        }
        return s.end();
    }

    /** A log axis needs 0 < min < max: a decade below the smallest value, or a made-up decade when all are equal or none is positive. */
    private static double lo(double min, double max) {
        return min < max ? min : max > 0 ? max / 10 : 1e-6;
    }

    private static double hi(double min, double max) {
        return min < max ? max : max > 0 ? max * 10 : 1;
    }
}
