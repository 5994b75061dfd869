package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;
import static dev.chorus.output.html.Html.num;
import static dev.chorus.output.html.Html.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;
import java.util.Locale;

/**
 * "What happened next": the backtest of {@code analyze --backtest} ({@code report.json}'s {@code backtest}, the tree
 * of {@code backtest.json}). Per strategy, the people its train-time seeds reached in the future rows beside what the
 * simulation on the train graph predicted, as bars with 95% intervals ({@code chart-backtest}); the random arm's
 * whisker is the spread over its draws. Then the same for each top choir's core ({@code backtest-choirs}). Then how well each ranking of people predicted future attention.
 * Absent when no backtest was run.
 */
final class BacktestSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode b = d.report().path("backtest");
        if (b.isMissingNode() || b.isNull()) return;
        h.append("<h2>What happened next: the backtest</h2>\n<p>Seeds and rankings were chosen on the ")
                .append(b.at("/train/rows").asLong()).append(" rows before ").append(esc(b.path("split_time").asText()))
                .append(" and scored on the ").append(b.at("/future/rows").asLong()).append(" rows after it")
                .append(b.hasNonNull("horizon_end_time") ? " up to " + esc(b.path("horizon_end_time").asText()) : "")
                .append(". Observed reach: people reached through time-ordered chains of interactions starting at the seeds (seeds not "
                        + "counted); engaged: people who acted on a seed directly. Predicted: the cascade simulated on the train graph, "
                        + "people beyond the seeds.");
        JsonNode v = b.path("verdict");
        if (v.has("observed_winner")) {
            h.append(" In what happened next <b>").append(esc(v.path("observed_winner").asText())).append("</b> won; the simulation ")
                    .append(v.path("agreed").asBoolean() ? "agreed." : "ranked <b>" + esc(v.path("predicted_winner").asText()) + "</b> first.");
        }
        h.append("</p>\n").append(chart(b.path("arms")));
        h.append("<table id=\"backtest-arms\">\n<tr><th class=\"l\">strategy</th><th>predicted (95% CI)</th><th>observed reach</th>"
                + "<th>engaged</th><th class=\"l\">seeds</th></tr>\n");
        for (JsonNode a : b.path("arms")) {
            JsonNode p = a.path("predicted");
            JsonNode o = a.path("observed");
            h.append("<tr><td class=\"l\">").append(esc(a.path("strategy").asText())).append("</td><td>").append(num(value(p.get("mean"))))
                    .append(" (").append(num(value(p.get("ci95_low")))).append(" to ").append(num(value(p.get("ci95_high")))).append(")</td><td>")
                    .append(o.path("reach").asLong()).append(draws(a, "reach")).append("</td><td>").append(o.path("engagers").asLong())
                    .append(draws(a, "engagers")).append("</td><td class=\"l\">").append(esc(String.join(", ", Html.strings(a.path("seeds")))))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        choirs(b.path("choirs"), h);
        h.append("<p>Rankings against future attention (distinct people who acted on a person after the split), over the "
                + "people present before it: Spearman correlation with its bootstrap 95% interval, and the share of the top 100 "
                + "who are among the 100 most acted on.</p>\n<table id=\"backtest-rankings\">\n<tr><th class=\"l\">ranking</th>"
                + "<th>Spearman</th><th>95% CI</th><th>precision@100</th></tr>\n");
        for (JsonNode r : b.path("rankings")) {
            JsonNode ci = r.path("spearman_ci95");
            h.append("<tr><td class=\"l\">").append(esc(r.path("ranking").asText())).append("</td><td>").append(num(value(r.get("spearman"))))
                    .append("</td><td>").append(num(value(ci.get(0)))).append(" to ").append(num(value(ci.get(1)))).append("</td><td>")
                    .append(num(value(r.get("precision_at_100")))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** "Choirs: what their cores reached": each top train-time choir's core as the seed set, predicted beside observed. */
    private static void choirs(JsonNode choirs, StringBuilder h) {
        if (choirs.isEmpty()) return;
        h.append("<h3>Choirs: what their cores reached</h3>\n<p>Each top choir of the train graph, its core taken as the seed set: "
                + "its outside audience before the split, the cascade simulated from its core, and what the core reached and engaged "
                + "after the split (counted as for the strategies).</p>\n<table id=\"backtest-choirs\">\n<tr><th>rank</th><th>cluster</th>"
                + "<th>size</th><th>audience before</th><th>predicted (95% CI)</th><th>observed reach</th><th>engaged</th>"
                + "<th class=\"l\">core</th></tr>\n");
        for (JsonNode c : choirs) {
            JsonNode p = c.path("predicted");
            h.append("<tr><td>").append(c.path("rank").asInt()).append("</td><td>").append(c.path("cluster").asInt()).append("</td><td>")
                    .append(c.path("size").asInt()).append("</td><td>").append(c.hasNonNull("reach") ? c.path("reach").asText() : "")
                    .append("</td><td>").append(p.isObject() ? num(value(p.get("mean"))) + " (" + num(value(p.get("ci95_low"))) + " to "
                            + num(value(p.get("ci95_high"))) + ")" : "")
                    .append("</td><td>").append(c.at("/observed/reach").asLong()).append("</td><td>").append(c.at("/observed/engagers").asLong())
                    .append("</td><td class=\"l\">").append(esc(String.join(", ", Html.strings(c.path("core"))))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** The random arm's spread over its draws: " (95% of draws: lo to hi)". */
    private static String draws(JsonNode arm, String field) {
        JsonNode d = arm.path("observed_draws").path(field);
        if (d.isMissingNode()) return "";
        return " <span class=\"note\">(mean " + num(value(d.get("mean"))) + " over " + arm.at("/observed_draws/draws").asInt()
                + " draws, 95% of them " + num(value(d.get("low"))) + " to " + num(value(d.get("high"))) + ")</span>";
    }

    static String chart(JsonNode arms) {
        int w = 760;
        int hgt = 400;
        Svg s = new Svg("chart-backtest", w, hgt, "Backtest: observed reach beside the simulation's prediction per strategy");
        double yMax = 1;
        for (JsonNode a : arms) {
            yMax = Math.max(yMax, a.at("/observed/reach").asDouble());
            yMax = Math.max(yMax, finite(value(a.at("/predicted/ci95_high")), value(a.at("/predicted/mean"))));
            yMax = Math.max(yMax, finite(value(a.at("/observed_draws/reach/high")), 0));
        }
        Axis y = Axis.linear(0, yMax * 1.1, hgt - 60, 30);
        Axis x = Axis.linear(0, 1, 70, w - 20);
        s.frame(x.noTicks(), y, "", "people reached");
        double group = (w - 110.0) / Math.max(1, arms.size());
        double bar = Math.min(34, (group - 14) / 2);
        int i = 0;
        for (JsonNode a : arms) {
            double gx = 80 + i++ * group;
            String name = a.path("strategy").asText();
            double observed = a.at("/observed/reach").asDouble();
            bar(s, y, gx, bar, observed, value(a.at("/observed_draws/reach/low")), value(a.at("/observed_draws/reach/high")), "#1f77b4",
                    String.format(Locale.ROOT, "%s: observed reach %.0f", name, observed));
            double mean = value(a.at("/predicted/mean"));
            if (Double.isFinite(mean)) {
                bar(s, y, gx + bar + 4, bar, mean, value(a.at("/predicted/ci95_low")), value(a.at("/predicted/ci95_high")), "#aec7e8",
                        String.format(Locale.ROOT, "%s: predicted %.1f", name, mean));
            }
            s.text(gx + bar + 2, hgt - 40, name, "middle", 11);
        }
        s.rect(w - 250, 8, 12, 12, "#1f77b4", null).text(w - 234, 18, "observed", "start", 12);
        s.rect(w - 160, 8, 12, 12, "#aec7e8", null).text(w - 144, 18, "predicted", "start", 12);
        return s.end();
    }

    private static void bar(Svg s, Axis y, double x, double width, double v, double lo, double hi, String fill, String title) {
        double top = y.at(v);
        s.rect(x, top, width, y.at(0) - top, fill, title);
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            double cx = x + width / 2;
            s.line(cx, y.at(lo), cx, y.at(hi), "#000", 1.5);
            s.line(cx - 5, y.at(lo), cx + 5, y.at(lo), "#000", 1.5);
            s.line(cx - 5, y.at(hi), cx + 5, y.at(hi), "#000", 1.5);
        }
    }

    private static double finite(double v, double fallback) {
        return Double.isFinite(v) ? v : Double.isFinite(fallback) ? fallback : 0;
    }
}
