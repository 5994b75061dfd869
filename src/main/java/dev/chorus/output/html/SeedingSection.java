package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;
import static dev.chorus.output.html.Html.num;
import static dev.chorus.output.html.Html.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.analysis.Seeding;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.output.ReportData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Influencers or clusters: the seeding experiment as bars of mean spread per strategy, grouped by model, with 95%
 * confidence intervals as error bars ({@code chart-seeding}), and its table. An engine without the experiment, or a
 * run without runs, gets a placeholder chart saying so.
 */
final class SeedingSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode j = d.report();
        String goal = j.path("settings").path("goal").asText("");
        h.append("<h2>").append(switch (goal) {
            case "awareness" -> "Seeding for awareness: which seeds reach the most people?";
            case "action" -> "Seeding for action: which seeds get people to act?";
            default -> "Influencers or clusters? The seeding experiment";
        }).append("</h2>\n");
        if (j.hasNonNull("seeding") || j.path("settings").has("seeding_runs")) {
            h.append(recommendations(j));
            h.append(chart(seeding(j.path("seeding"))));
        } else {
            h.append(Html.notComputed(d)).append("the seeding experiment.</p>\n").append(notRun("Seeding experiment not computed",
                    "The " + d.engine() + " engine does not run the seeding experiment; chorus analyze does."));
        }
    }

    /**
     * The goal's recommendation first, then the other goal's, each with its reason, and on which layer each model ran;
     * nothing for reports without recommendations.
     */
    static String recommendations(JsonNode j) {
        JsonNode all = j.path("recommendations");
        if (!all.isObject()) return "";
        StringBuilder h = new StringBuilder();
        String goal = j.path("settings").path("goal").asText("awareness");
        List<String> order = new ArrayList<>(List.of(goal));
        all.fieldNames().forEachRemaining(g -> {
            if (!order.contains(g)) order.add(g);
        });
        for (String g : order) {
            JsonNode r = all.path(g);
            if (!r.isObject()) continue;
            h.append("<p>").append(g.equals(goal) ? "<b>Recommended for " + esc(g) + "</b> (--goal " + esc(g) + ")" : "For " + esc(g) + " instead")
                    .append(": ").append(esc(String.join(", ", Html.strings(r.path("seeds"))))).append(" (").append(esc(r.path("strategy").asText()))
                    .append("). ").append(esc(r.path("reason").asText())).append("</p>\n");
        }
        JsonNode layers = j.path("seeding").path("layers");
        if (layers.path("ic").asText().equals("spread")) {
            h.append("<p class=\"note\">Simple contagion (ic) ran on the spreading layer (retweets, quotes), complex contagion (threshold) "
                    + "on the conversation layer (replies, comments, messages).</p>\n");
        } else if (layers.isObject()) {
            h.append("<p class=\"note\">The input has no interaction types, or no rows of one of the two layers: both models ran on the whole graph.</p>\n");
        }
        return h.toString();
    }

    /** The seeding experiment of {@code report.json}, or null when it was not run. */
    static Seeding seeding(JsonNode s) {
        if (s == null || s.isNull() || s.isMissingNode()) return null;
        List<SeedingArm> arms = new ArrayList<>();
        for (JsonNode a : s.path("arms")) {
            double[] curve = new double[a.path("curve").size()];
            for (int i = 0; i < curve.length; i++) curve[i] = a.path("curve").get(i).asDouble();
            arms.add(new SeedingArm(a.path("strategy").asText(), a.path("model").asText(), Html.strings(a.path("seeds")), a.path("runs").asInt(),
                    value(a.get("mean")), value(a.get("sd")), value(a.get("ci95_low")), value(a.get("ci95_high")), curve));
        }
        return new Seeding(s.path("k").asInt(), s.path("runs").asInt(), s.path("threshold_k").asInt(), arms, List.of(),
                s.path("layers").path("ic").asText().equals("spread"), List.of(), s.path("runs_used").asInt(s.path("runs").asInt()), null);
    }

    static String chart(Seeding seeding) {
        int w = 760;
        int hgt = 420;
        if (seeding == null || seeding.arms().isEmpty()) {
            return "<p>Not run.</p>\n" + notRun("Seeding experiment not run", "The seeding experiment was not run (use --runs N with N > 0).");
        }
        StringBuilder h = new StringBuilder();
        h.append("<p>Expected number of people reached from ").append(seeding.k()).append(" seeds chosen by each strategy: hubs by degree "
                + "or PageRank, seeds spread over the passionate clusters, and IMM (Tang et al. 2015, near-optimal for the cascade model). "
                + "Bars are means over the runs; whiskers are 95% confidence intervals.</p>\n");
        Svg s = new Svg("chart-seeding", w, hgt, "Seeding experiment: spread per strategy with 95% confidence intervals");
        List<String> models = new ArrayList<>();
        for (SeedingArm a : seeding.arms()) if (!models.contains(a.model())) models.add(a.model());
        double yMax = 1;
        for (SeedingArm a : seeding.arms()) yMax = Math.max(yMax, Double.isFinite(a.ci95High()) ? a.ci95High() : a.mean());
        Axis y = Axis.linear(0, yMax * 1.1, hgt - 60, 30);
        Axis x = Axis.linear(0, 1, 70, w - 20);
        s.frame(x.noTicks(), y, "", "people reached (mean, 95% CI)");
        Map<String, String> colours = Map.of("degree", "#d62728", "pagerank", "#ff7f0e", "clusters", "#2ca02c", "choirs", "#17becf", "voices", "#bcbd22",
                "imm", "#1f77b4");
        double groupWidth = (w - 110.0) / models.size();
        for (int gi = 0; gi < models.size(); gi++) {
            List<SeedingArm> arms = seeding.arms(models.get(gi));
            double gx = 80 + gi * groupWidth;
            double bar = Math.min(60, (groupWidth - 30) / Math.max(1, arms.size()));
            for (int i = 0; i < arms.size(); i++) {
                SeedingArm a = arms.get(i);
                double bx = gx + 10 + i * bar;
                double top = y.at(a.mean());
                s.rect(bx, top, bar - 6, y.at(0) - top, colours.getOrDefault(a.strategy(), "#7f7f7f"), a.strategy() + " / " + a.model()
                        + String.format(Locale.ROOT, ": mean %.2f, 95%% CI %.2f to %.2f, %d runs", a.mean(), a.ci95Low(), a.ci95High(), a.runs()));
                double cx = bx + (bar - 6) / 2;
                if (Double.isFinite(a.ci95Low()) && Double.isFinite(a.ci95High())) {
                    s.line(cx, y.at(a.ci95Low()), cx, y.at(a.ci95High()), "#000", 1.5);
                    s.line(cx - 6, y.at(a.ci95Low()), cx + 6, y.at(a.ci95Low()), "#000", 1.5);
                    s.line(cx - 6, y.at(a.ci95High()), cx + 6, y.at(a.ci95High()), "#000", 1.5);
                }
                s.text(cx, hgt - 44, a.strategy(), "middle", 11);
            }
            String label = models.get(gi).equals("ic") ? "simple contagion (ic)" : models.get(gi).equals("threshold")
                    ? "complex contagion (threshold)" : models.get(gi);
            s.text(gx + groupWidth / 2, hgt - 22, label, "middle", 13);
        }
        h.append(s.end());
        h.append("<table>\n<tr><th class=\"l\">model</th><th class=\"l\">strategy</th><th>runs</th><th>mean</th><th>sd</th><th>95% CI</th>"
                + "<th class=\"l\">seeds</th></tr>\n");
        for (SeedingArm a : seeding.arms()) {
            h.append("<tr><td class=\"l\">").append(esc(a.model())).append("</td><td class=\"l\">").append(esc(a.strategy())).append("</td><td>")
                    .append(a.runs()).append("</td><td>").append(num(a.mean())).append("</td><td>").append(num(a.sd())).append("</td><td>")
                    .append(num(a.ci95Low())).append(" to ").append(num(a.ci95High())).append("</td><td class=\"l\">")
                    .append(esc(String.join(", ", a.seeds()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        return h.toString();
    }

    /** The {@code chart-seeding} placeholder when there is no experiment to draw. */
    private static String notRun(String label, String text) {
        Svg s = new Svg("chart-seeding", 760, 80, label);
        s.text(380, 45, text, "middle", 14);
        return s.end();
    }
}
