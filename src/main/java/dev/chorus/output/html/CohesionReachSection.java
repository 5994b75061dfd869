package dev.chorus.output.html;

import static dev.chorus.output.html.Html.fmt;
import static dev.chorus.output.html.Html.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Heard or only hearing themselves: every choir and ring of {@code report.json} as a point, cohesion against reach
 * per member (log scale), coloured by kind ({@code chart-cohesion-reach}), with the resolved thresholds as lines:
 * choirs sit right of the choir line, rings left of the ring line and above the cohesion line. A report without
 * reach (an older {@code spark analyze}'s) gets a placeholder saying so.
 */
final class CohesionReachSection implements Section {
    static final Map<String, String> KIND_COLOURS = new LinkedHashMap<>();

    static {
        KIND_COLOURS.put("choir", "#2ca02c");
        KIND_COLOURS.put("ring", "#d62728");
    }

    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode j = d.report();
        h.append("<h2>Heard or only hearing themselves: cohesion against reach</h2>\n");
        JsonNode thresholds = j.path("cluster_kinds").path("thresholds");
        if (!j.hasNonNull("rings") || thresholds.isMissingNode()) {
            h.append(Html.notComputed(d)).append("the clusters' reach, so choirs cannot be told from rings.</p>\n");
            Svg s = new Svg("chart-cohesion-reach", 760, 80, "Cohesion against reach not computed");
            s.text(380, 45, "This " + d.engine() + " run measured no reach per cluster; chorus analyze and chorus spark analyze do.", "middle", 14);
            h.append(s.end());
            return;
        }
        h.append("<p>Each cohesive cluster is a point: how tightly its members interact (cohesion) against how many people outside "
                + "act on them, per member. Choirs (green) are cohesive and heard; rings (red) are cohesive, reciprocal and unheard, "
                + "the pattern of bought or traded engagement. Dashed lines are the thresholds resolved from this graph.</p>\n");
        h.append(chart(j.path("passionate_clusters"), j.path("rings"), thresholds));
    }

    static String chart(JsonNode choirs, JsonNode rings, JsonNode thresholds) {
        int w = 760;
        int hgt = 420;
        Svg s = new Svg("chart-cohesion-reach", w, hgt, "Cohesion against reach per member, coloured by kind");
        record Point(String kind, JsonNode c) {
        }
        List<Point> points = new ArrayList<>();
        for (JsonNode c : choirs) points.add(new Point("choir", c));
        for (JsonNode c : rings) points.add(new Point("ring", c));
        double choirLine = value(thresholds.get("choir_min_reach_per_member"));
        double ringLine = value(thresholds.get("ring_max_reach_per_member"));
        double cohesionLine = value(thresholds.get("min_cohesion"));
        // reach per member + 1 on a log axis: 0 (unheard) stays drawable
        double xMax = 10;
        for (Point p : points) xMax = Math.max(xMax, 1 + perMember(p.c()));
        if (Double.isFinite(choirLine)) xMax = Math.max(xMax, 1 + choirLine);
        Axis x = Axis.log(1, xMax, 70, w - 130);
        Axis y = Axis.linear(0, 1, hgt - 50, 20);
        s.frame(x, y, "1 + reach per member (distinct outsiders who acted on a member / size)", "cohesion");
        if (Double.isFinite(choirLine)) dashed(s, x.at(1 + choirLine), y.at(0), x.at(1 + choirLine), y.at(1), "#2ca02c");
        if (Double.isFinite(ringLine)) dashed(s, x.at(1 + ringLine), y.at(0), x.at(1 + ringLine), y.at(1), "#d62728");
        if (Double.isFinite(cohesionLine)) dashed(s, x.at(1), y.at(cohesionLine), x.at(x.max()), y.at(cohesionLine), "#7f7f7f");
        for (Point p : points) {
            JsonNode c = p.c();
            double cohesion = value(c.path("axes").get("cohesion"));
            if (!Double.isFinite(cohesion)) continue;
            double r = 3 + Math.min(6, Math.sqrt(c.path("size").asDouble()) / 2);
            s.circle(x.at(1 + perMember(c)), y.at(cohesion), r, KIND_COLOURS.get(p.kind()), String.format(Locale.ROOT,
                    "%s %d: %d members, reach %d (%s per member), cohesion %s", p.kind(), c.path("cluster").asInt(), c.path("size").asInt(),
                    c.path("reach").asLong(), fmt(perMember(c)), fmt(cohesion)));
        }
        int i = 0;
        for (Map.Entry<String, String> e : KIND_COLOURS.entrySet()) {
            s.circle(w - 115, 30 + 18 * i, 5, e.getValue(), null).text(w - 105, 34 + 18 * i, e.getKey() + "s", "start", 12);
            i++;
        }
        return s.end();
    }

    private static double perMember(JsonNode c) {
        return c.path("reach").asDouble() / Math.max(1, c.path("size").asDouble());
    }

    /** A dashed threshold line: short segments, so the chart stays plain SVG elements. */
    private static void dashed(Svg s, double x1, double y1, double x2, double y2, String colour) {
        double len = Math.hypot(x2 - x1, y2 - y1);
        int dashes = (int) Math.max(1, len / 12);
        for (int k = 0; k < dashes; k++) {
            double a = (double) k / dashes;
            double b = a + 0.5 / dashes;
            s.line(x1 + a * (x2 - x1), y1 + a * (y2 - y1), x1 + b * (x2 - x1), y1 + b * (y2 - y1), colour, 1);
        }
    }
}
