package dev.chorus.output;

import dev.chorus.analysis.Source;
import dev.chorus.analysis.Seeding;
import dev.chorus.analysis.AnalysisResult;
import static dev.chorus.output.Svg.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.roles.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained file a strategist opens offline. The summary in words, then the charts
 * as inline SVG generated here (no script, no external resource): degree distributions on log-log axes
 * ({@code chart-degree}), PageRank against coreness coloured by role ({@code chart-scatter}), drawings of the top
 * passionate clusters with a seeded Fruchterman–Reingold layout ({@code chart-clusters}), and the seeding
 * experiment with 95% confidence intervals as error bars ({@code chart-seeding}); plus tables of hubs, clusters
 * and communities and the rules behind the roles. Every id from the input is escaped.
 * <p>
 * It renders a {@link ReportData}, i.e. what a run leaves on disk ({@code report.json}, {@code nodes.csv},
 * {@code clusters.csv}), never an in-memory result: {@code analyze} and {@code chorus report --from DIR} go through
 * this one renderer, for the embedded engine and for Spark. A part the run did not compute (absent from
 * {@code report.json}) gets one line saying which engine did not compute it, never a made-up value.
 */
public final class ReportHtml {
    /** The ids of the chart SVGs, in page order. */
    public static final List<String> CHARTS = List.of("chart-degree", "chart-scatter", "chart-clusters", "chart-seeding");
    /** Passionate clusters drawn; {@code report.json} carries the member ties of these. */
    public static final int DRAWN_CLUSTERS = 6;
    /** Scatter points drawn at most: holders of the rarer roles first, then an even sample of the rest. */
    static final int MAX_POINTS = 4000;
    static final Map<String, String> ROLE_COLOURS = new java.util.LinkedHashMap<>();

    static {
        ROLE_COLOURS.put(Role.HUB.label(), "#d62728");
        ROLE_COLOURS.put(Role.PERIPHERY_HUB.label(), "#ff7f0e");
        ROLE_COLOURS.put(Role.BRIDGE.label(), "#9467bd");
        ROLE_COLOURS.put(Role.BROADCASTER.label(), "#8c564b");
        ROLE_COLOURS.put(Role.CLUSTER_CORE.label(), "#2ca02c");
        ROLE_COLOURS.put(Role.ENGAGER.label(), "#1f77b4");
        ROLE_COLOURS.put("none", "#c7c7c7");
    }

    private ReportHtml() {
    }

    public static void write(AnalysisResult r, Source source, Path file) {
        write(ReportData.of(r, source), file);
    }

    public static void write(ReportData d, Path file) {
        try {
            Files.writeString(file, html(d), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String html(AnalysisResult r, Source source) {
        return html(ReportData.of(r, source));
    }

    public static String html(ReportData d) {
        JsonNode j = d.report();
        JsonNode settings = j.path("settings");
        JsonNode roleSettings = settings.path("roles");
        JsonNode clusterSettings = settings.path("clusters");
        String missing = "<p class=\"note\">Not computed by the " + esc(d.engine()) + " engine: ";
        StringBuilder h = new StringBuilder(1 << 16);
        String input = j.at("/input/path").asText();
        JsonNode rows = j.at("/input/rows");
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Chorus report: ").append(esc(input)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd}table{border-collapse:collapse;font-size:.9em}\n")
                .append("td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}td.l,th.l{text-align:left}th{background:#f4f4f4}\n")
                .append(".summary p{font-size:1.05em}.note{color:#666;font-size:.9em}svg{background:#fff;border:1px solid #eee;margin:.5em 0}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Chorus report</h1>\n<p class=\"note\">Input <code>").append(esc(input)).append("</code> (")
                .append(esc(j.at("/input/format").asText())).append("): ").append(String.format(Locale.ROOT, "%,d rows read = %,d loaded + %,d rejected",
                        rows.path("read").asLong(), rows.path("loaded").asLong(), rows.path("rejected").asLong())).append(".</p>\n");
        if (!d.engine().equals("embedded")) {
            h.append("<p class=\"note\">Computed by the ").append(esc(d.engine())).append(" engine.</p>\n");
        }
        h.append("<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n");
        for (JsonNode sentence : j.path("summary")) h.append("<p>").append(esc(sentence.asText())).append("</p>\n");
        h.append("</section>\n");

        boolean roles = j.hasNonNull("roles");
        h.append("<h2>Hubs</h2>\n");
        if (roles) {
            h.append("<p>Top reach (in-weight or PageRank in the top ").append(fmt(100 - roleSettings.path("top_percentile").asDouble()))
                    .append("% and ").append(fmt(roleSettings.path("min_z").asDouble()))
                    .append(" standard deviations above the mean) with mostly one-way ties.</p>\n");
        } else {
            h.append("<p>Highest PageRank.</p>\n").append(missing).append("roles, so these are reach alone, not hubs by the role rules.</p>\n");
        }
        nodeTable(h, j.path("hubs"), missing);

        h.append("<h2>Who is connected how</h2>\n");
        h.append("<p>Degree distributions: how many people received (in) or gave (out) a given amount of interaction. A straight, "
                + "falling line on these log-log axes is a heavy tail: a few people receive most of the attention.</p>\n");
        h.append(degreeChart(d.nodes()));
        h.append("<p>PageRank (reach through people who are themselves reached) against coreness (how deep in the dense core a person "
                + "sits). Hubs high on the left are reach without a core: Kitsak et al. (2010) found coreness, not degree, predicts spreading.</p>\n");
        if (!roles) h.append(missing).append("roles, so every point is grey.</p>\n");
        h.append(scatterChart(d.nodes()));

        h.append("<h2>Passionate clusters</h2>\n");
        if (clusterSettings.has("resolution")) {
            h.append("<p>Tight clusters (Leiden, constant Potts model at resolution ").append(fmt(clusterSettings.path("resolution").asDouble()))
                    .append(": members interacted with each other more than that per pair)");
        } else {
            h.append("<p>Communities (").append(esc(algorithmName(j.at("/communities/algorithm").asText())))
                    .append("; this engine has no Leiden tight clusters, so the candidates are its communities)");
        }
        h.append(" of ").append(clusterSettings.path("min_size").asInt()).append(" to ").append(clusterSettings.path("max_size").asInt())
                .append(" members, ranked by passion score: the mean of reciprocity, density, "
                        + "clustering, insularity (share of interaction kept inside) and intensity (repeat interaction per pair).</p>\n");
        clusterTable(h, j.path("passionate_clusters"), settings.path("top").asInt(), clusterSettings.path("min_score").asDouble());
        h.append(clusterDrawing(j.path("passionate_clusters"), d.nodes(), settings.path("seed").asLong()));

        h.append("<h2>Communities</h2>\n");
        communityTable(h, d.communities(), settings.path("top").asInt(), j.path("communities"));

        h.append("<h2>Influencers or clusters? The seeding experiment</h2>\n");
        if (j.hasNonNull("seeding") || settings.has("seeding_runs")) {
            h.append(seedingChart(seeding(j.path("seeding"))));
        } else {
            h.append(missing).append("the seeding experiment.</p>\n").append(notRun("Seeding experiment not computed",
                    "The " + d.engine() + " engine does not run the seeding experiment; chorus analyze does."));
        }

        h.append("<h2>Roles and their rules</h2>\n");
        if (roles) {
            rolesTable(h, j.path("roles"), roleSettings, clusterSettings.path("core_size").asInt());
        } else {
            h.append(missing).append("roles.</p>\n");
        }

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
        h.append("<li>Communities: ").append(esc(algorithmName(j.at("/communities/algorithm").asText()))).append(" (modularity ")
                .append(String.format(Locale.ROOT, "%.3f", j.at("/communities/modularity").asDouble()))
                .append("), seed ").append(settings.path("seed").asLong()).append(".</li>\n");
        h.append("<li>Step times (s): ");
        List<String> times = new ArrayList<>();
        j.path("timings_seconds").fields().forEachRemaining(e -> times.add(e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue().asDouble())));
        h.append(esc(String.join(", ", times))).append(".</li>\n</ul>\n");
        h.append("<p class=\"note\">Per-person numbers: nodes.csv; per-cluster: clusters.csv; machine-readable: report.json")
                .append(d.engine().equals("embedded") ? "; for Gephi: graph.gexf" : "").append(".</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** A number of {@code report.json}: null (undefined) and absent read as NaN. */
    static double value(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    private static String algorithmName(String algorithm) {
        return switch (algorithm) {
            case "leiden" -> "Leiden";
            case "louvain" -> "Louvain";
            case "lpa" -> "label propagation";
            default -> algorithm;
        };
    }

    private static void rolesTable(StringBuilder h, JsonNode roles, JsonNode rc, int coreSize) {
        h.append("<table>\n<tr><th class=\"l\">role</th><th>people</th><th class=\"l\">rule</th></tr>\n");
        JsonNode t = roles.path("thresholds");
        String[][] rules = {
                {Role.HUB.label(), "in-weight &ge; " + threshold(t, "in") + " or PageRank &ge; " + threshold(t, "pagerank")
                        + ", and reciprocity &le; " + fmt(rc.path("hub_max_reciprocity").asDouble())},
                {Role.PERIPHERY_HUB.label(), "total degree &ge; " + threshold(t, "total") + " and coreness &le; " + threshold(t, "kcore_max")},
                {Role.BRIDGE.label(), "betweenness &ge; " + threshold(t, "betweenness") + " and participation &ge; "
                        + fmt(rc.path("bridge_min_participation").asDouble())},
                {Role.ENGAGER.label(), "out-weight &ge; " + fmt(rc.path("min_activity").asDouble()) + " and answer rate or reply share &ge; "
                        + fmt(rc.path("engager_min_answer").asDouble())},
                {Role.BROADCASTER.label(), "out-weight &ge; " + threshold(t, "out") + " and &ge; in-weight, and reciprocity, answer rate, reply share &le; "
                        + fmt(rc.path("broadcaster_max_answer").asDouble())},
                {Role.CLUSTER_CORE.label(), "among the " + coreSize + " most internally engaged members of a passionate cluster"}};
        for (String[] rule : rules) {
            h.append("<tr><td class=\"l\"><span style=\"color:").append(ROLE_COLOURS.get(rule[0])).append("\">&#9679;</span> ")
                    .append(rule[0]).append("</td><td>").append(roles.path("counts").path(rule[0]).asInt()).append("</td><td class=\"l\">")
                    .append(rule[1]).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">High means at or above the ").append(fmt(rc.path("top_percentile").asDouble()))
                .append("th percentile and at least ").append(fmt(rc.path("min_z").asDouble())).append(" standard deviations above the mean.</p>\n");
    }

    /** Thresholds are +Infinity when nobody could be high; JSON writes that as null. */
    private static String threshold(JsonNode thresholds, String name) {
        JsonNode v = thresholds.get(name);
        return num(v == null || v.isNull() ? Double.POSITIVE_INFINITY : v.asDouble());
    }

    /** The hub table; a metric column no hub carries (the run did not compute it) is left out and named. */
    private static void nodeTable(StringBuilder h, JsonNode nodes, String missing) {
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
            List<String> labels = new ArrayList<>();
            n.path("roles").forEach(x -> labels.add(x.asText()));
            h.append("<td>").append(n.path("community").asInt()).append("</td><td>").append(n.path("cluster").asInt()).append("</td><td class=\"l\">")
                    .append(esc(String.join(", ", labels))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!absent.isEmpty()) h.append(missing).append(String.join(", ", absent)).append(".</p>\n");
    }

    private static void clusterTable(StringBuilder h, JsonNode passionate, int top, double minScore) {
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
                    .append(esc(String.join(", ", strings(p.path("core"))))).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">").append(passionate.size()).append(" passionate clusters in all; nodes.csv gives every person's cluster.</p>\n");
    }

    /** The largest communities of the {@code community} column, with their cohesion ({@code clusters.csv}). */
    private static void communityTable(StringBuilder h, List<ClusterCohesion> communities, int top, JsonNode summary) {
        List<ClusterCohesion> largest = communities.stream()
                .sorted(java.util.Comparator.comparingInt((ClusterCohesion c) -> -c.size()).thenComparingInt(ClusterCohesion::community))
                .limit(top).toList();
        h.append("<p>The ").append(largest.size()).append(" largest of ").append(String.format(Locale.ROOT, "%,d", communities.size()))
                .append(" communities (").append(esc(algorithmName(summary.path("algorithm").asText()))).append(", modularity ")
                .append(String.format(Locale.ROOT, "%.3f", summary.path("modularity").asDouble()))
                .append("); clusters.csv has the cohesion of every one.</p>\n");
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

    static List<String> strings(JsonNode array) {
        List<String> l = new ArrayList<>(array.size());
        array.forEach(x -> l.add(x.asText()));
        return l;
    }

    /** The seeding experiment of {@code report.json}, or null when it was not run. */
    static Seeding seeding(JsonNode s) {
        if (s == null || s.isNull() || s.isMissingNode()) return null;
        List<SeedingArm> arms = new ArrayList<>();
        for (JsonNode a : s.path("arms")) {
            double[] curve = new double[a.path("curve").size()];
            for (int i = 0; i < curve.length; i++) curve[i] = a.path("curve").get(i).asDouble();
            arms.add(new SeedingArm(a.path("strategy").asText(), a.path("model").asText(), strings(a.path("seeds")), a.path("runs").asInt(),
                    value(a.get("mean")), value(a.get("sd")), value(a.get("ci95_low")), value(a.get("ci95_high")), curve));
        }
        return new Seeding(s.path("k").asInt(), s.path("runs").asInt(), s.path("threshold_k").asInt(), arms);
    }

    /** Log-log distribution of weighted in- and out-degree: fraction of people per value (values >= 1). */
    static String degreeChart(NodeColumns nodes) {
        int w = 640;
        int hgt = 400;
        Svg s = new Svg("chart-degree", w, hgt, "Degree distribution, log-log");
        int n = nodes.size();
        List<TreeMap<Long, Integer>> series = List.of(histogram(nodes.in()), histogram(nodes.out()));
        double xMax = 1;
        double yMin = 1;
        for (TreeMap<Long, Integer> m : series) {
            if (!m.isEmpty()) xMax = Math.max(xMax, m.lastKey());
            for (int c : m.values()) yMin = Math.min(yMin, (double) c / Math.max(1, n));
        }
        Axis x = Axis.log(1, Math.max(10, xMax), 70, w - 20);
        Axis y = Axis.log(Math.min(yMin, 0.1), 1, hgt - 50, 20);
        frame(s, x, y, "interaction weight (received: in, given: out)", "fraction of people");
        String[] colours = {"#d62728", "#1f77b4"};
        String[] names = {"in (received)", "out (given)"};
        for (int i = 0; i < 2; i++) {
            for (Map.Entry<Long, Integer> e : series.get(i).entrySet()) {
                double frac = (double) e.getValue() / n;
                s.circle(x.at(e.getKey()), y.at(frac), 2.5, colours[i], names[i] + ": " + e.getKey() + " -> " + e.getValue() + " people");
            }
            s.circle(w - 150, 30 + 18 * i, 5, colours[i], null).text(w - 140, 34 + 18 * i, names[i], "start", 12);
        }
        return s.end();
    }

    /** Counts of rounded positive values. */
    private static TreeMap<Long, Integer> histogram(double[] values) {
        TreeMap<Long, Integer> m = new TreeMap<>();
        for (double v : values) {
            long k = Math.round(v);
            if (k >= 1) m.merge(k, 1, Integer::sum);
        }
        return m;
    }

    /** PageRank (log) against coreness, one dot per person drawn (at most {@link #MAX_POINTS}). */
    static String scatterChart(NodeColumns nodes) {
        int w = 640;
        int hgt = 420;
        Svg s = new Svg("chart-scatter", w, hgt, "PageRank against coreness, coloured by role");
        double[] pr = nodes.pagerank();
        double[] core = nodes.kcore();
        int[] mask = nodes.roles();
        int n = pr.length;
        // the rarer roles all (up to the budget), then an even sample of engagers and people without a role
        int rare = Role.HUB.bit() | Role.PERIPHERY_HUB.bit() | Role.BRIDGE.bit() | Role.BROADCASTER.bit() | Role.CLUSTER_CORE.bit();
        List<Integer> points = new ArrayList<>();
        for (int u = 0; u < n && points.size() < MAX_POINTS * 3 / 4; u++) if ((mask[u] & rare) != 0) points.add(u);
        int others = 0;
        for (int u = 0; u < n; u++) if ((mask[u] & rare) == 0) others++;
        int room = MAX_POINTS - points.size();
        if (others > 0 && room > 0) {
            int step = Math.max(1, (int) Math.ceil((double) others / room));
            int seen = 0;
            for (int u = 0; u < n; u++) {
                if ((mask[u] & rare) != 0) continue;
                if (seen++ % step == 0) points.add(u);
            }
        }
        double prMin = Double.POSITIVE_INFINITY;
        double prMax = 0;
        double coreMax = 1;
        for (int u = 0; u < n; u++) {
            if (pr[u] > 0) prMin = Math.min(prMin, pr[u]);
            prMax = Math.max(prMax, pr[u]);
            coreMax = Math.max(coreMax, core[u]);
        }
        if (!(prMin < prMax)) {
            prMin = prMax > 0 ? prMax / 10 : 1e-6;
            prMax = prMax > 0 ? prMax * 10 : 1;
        }
        Axis x = Axis.linear(0, coreMax, 70, w - 130);
        Axis y = Axis.log(prMin, prMax, hgt - 50, 20);
        frame(s, x, y, "coreness (k-core)", "PageRank");
        // unlabelled points first, so that role holders are drawn on top
        points.sort(java.util.Comparator.comparingInt(u -> mask[u] == 0 ? 0 : 1));
        for (int u : points) {
            List<String> labels = nodes.labels(u);
            String role = mainRole(labels);
            double px = x.at(core[u]);
            double py = y.at(Math.max(pr[u], prMin));
            s.circle(px, py, role.equals("none") ? 2 : 3.5, ROLE_COLOURS.get(role),
                    nodes.ids()[u] + " (" + (role.equals("none") ? "no role" : String.join(", ", labels)) + ")");
        }
        int i = 0;
        for (Map.Entry<String, String> e : ROLE_COLOURS.entrySet()) {
            s.circle(w - 115, 30 + 18 * i, 5, e.getValue(), null).text(w - 105, 34 + 18 * i, e.getKey(), "start", 12);
            i++;
        }
        return s.end();
    }

    /** The role a dot is coloured by: the first in {@link #ROLE_COLOURS} order. */
    static String mainRole(List<String> labels) {
        for (String role : ROLE_COLOURS.keySet()) if (labels.contains(role)) return role;
        return "none";
    }

    /**
     * The first {@link #DRAWN_CLUSTERS} passionate clusters of {@code report.json}, each in its own panel, laid out
     * by Fruchterman–Reingold from the member ties the report carries ({@code edges}); a cluster without them (a
     * report.json written before they were) is drawn without ties and says so.
     */
    static String clusterDrawing(JsonNode passionate, NodeColumns nodes, long seed) {
        int drawn = Math.min(DRAWN_CLUSTERS, passionate.size());
        int cols = 3;
        int panel = 300;
        int rows = Math.max(1, (drawn + cols - 1) / cols);
        Svg s = new Svg("chart-clusters", cols * panel, rows * panel, "Drawings of the top passionate clusters");
        if (drawn == 0) {
            s.text(cols * panel / 2.0, panel / 2.0, "No passionate clusters to draw", "middle", 14);
            return s.end();
        }
        Map<String, Integer> row = nodes.rows();
        boolean tiesMissing = false;
        for (int i = 0; i < drawn; i++) {
            JsonNode p = passionate.get(i);
            int cluster = p.path("cluster").asInt();
            double ox = (i % cols) * panel;
            double oy = (i / cols) * panel;
            s.rect(ox + 4, oy + 4, panel - 8, panel - 8, "#fafafa", null);
            s.text(ox + panel / 2.0, oy + 22, "#" + p.path("rank").asInt() + ": cluster " + cluster + ", " + p.path("cohesion").path("size").asInt()
                    + " members, score " + num(value(p.get("score"))), "middle", 12);
            List<String> members = strings(p.path("members"));
            int m = members.size();
            List<int[]> edges = new ArrayList<>();
            double[] strength = new double[m];
            tiesMissing |= !p.has("edges");
            for (JsonNode e : p.path("edges")) {
                int a = e.get(0).asInt();
                int b = e.get(1).asInt();
                strength[a] += e.get(2).asDouble();
                strength[b] += e.get(2).asDouble();
                edges.add(new int[] {a, b});
            }
            double[][] pos = layout(m, edges, seed + cluster);
            double inner = panel - 70;
            for (int[] e : edges) {
                s.line(ox + 35 + pos[e[0]][0] * inner, oy + 40 + pos[e[0]][1] * inner, ox + 35 + pos[e[1]][0] * inner,
                        oy + 40 + pos[e[1]][1] * inner, "#999", 0.8);
            }
            double maxStrength = java.util.Arrays.stream(strength).max().orElse(1);
            java.util.Set<String> core = new java.util.HashSet<>(strings(p.path("core")));
            for (int j = 0; j < m; j++) {
                String id = members.get(j);
                double cx = ox + 35 + pos[j][0] * inner;
                double cy = oy + 40 + pos[j][1] * inner;
                Integer u = row.get(id);
                String role = u == null ? "none" : mainRole(nodes.labels(u));
                s.circle(cx, cy, 3 + 5 * (maxStrength > 0 ? strength[j] / maxStrength : 0), ROLE_COLOURS.get(role), id);
                if (core.contains(id) || m <= 12) s.text(cx, cy - 9, shorten(id), "middle", 10);
            }
        }
        String svg = s.end();
        return tiesMissing ? svg + "<p class=\"note\">report.json carries no member ties for these clusters: drawn without ties.</p>\n" : svg;
    }

    private static String shorten(String id) {
        return id.length() <= 16 ? id : id.substring(0, 15) + "\u2026";
    }

    /**
     * Fruchterman &amp; Reingold, "Graph drawing by force-directed placement", Software: Practice and Experience
     * 21(11) (1991), doi:10.1002/spe.4380211102: O(iterations m^2) on a cluster of m &lt;= a few hundred members;
     * seeded start positions, positions scaled into [0, 1]^2.
     */
    static double[][] layout(int m, List<int[]> edges, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] p = new double[m][2];
        for (double[] q : p) {
            q[0] = random.nextDouble();
            q[1] = random.nextDouble();
        }
        if (m == 1) return new double[][] {{0.5, 0.5}};
        double k = Math.sqrt(1.0 / m);
        double temperature = 0.1;
        double[][] d = new double[m][2];
        for (int it = 0; it < 200; it++) {
            for (double[] q : d) q[0] = q[1] = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    double dx = p[a][0] - p[b][0];
                    double dy = p[a][1] - p[b][1];
                    double dist = Math.max(1e-6, Math.hypot(dx, dy));
                    double force = k * k / dist;
                    d[a][0] += dx / dist * force;
                    d[a][1] += dy / dist * force;
                    d[b][0] -= dx / dist * force;
                    d[b][1] -= dy / dist * force;
                }
            }
            for (int[] e : edges) {
                double dx = p[e[0]][0] - p[e[1]][0];
                double dy = p[e[0]][1] - p[e[1]][1];
                double dist = Math.max(1e-6, Math.hypot(dx, dy));
                double force = dist * dist / k;
                d[e[0]][0] -= dx / dist * force;
                d[e[0]][1] -= dy / dist * force;
                d[e[1]][0] += dx / dist * force;
                d[e[1]][1] += dy / dist * force;
            }
            for (int a = 0; a < m; a++) {
                double len = Math.max(1e-9, Math.hypot(d[a][0], d[a][1]));
                double step = Math.min(len, temperature);
                p[a][0] += d[a][0] / len * step;
                p[a][1] += d[a][1] / len * step;
            }
            temperature *= 0.98;
        }
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] q : p) {
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            minY = Math.min(minY, q[1]);
            maxY = Math.max(maxY, q[1]);
        }
        double span = Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
        for (double[] q : p) {
            q[0] = (q[0] - minX) / span;
            q[1] = (q[1] - minY) / span;
        }
        return p;
    }

    /** Bars of mean spread per strategy, grouped by model, with 95% confidence intervals as error bars. */
    static String seedingChart(Seeding seeding) {
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
        frame(s, x.noTicks(), y, "", "people reached (mean, 95% CI)");
        Map<String, String> colours = Map.of("degree", "#d62728", "pagerank", "#ff7f0e", "clusters", "#2ca02c", "imm", "#1f77b4");
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

    private static void frame(Svg s, Axis x, Axis y, String xLabel, String yLabel) {
        s.line(x.lo, y.lo, x.hi, y.lo, "#333", 1).line(x.lo, y.lo, x.lo, y.hi, "#333", 1);
        for (double v : x.ticks()) s.line(x.at(v), y.lo, x.at(v), y.lo + 5, "#333", 1).text(x.at(v), y.lo + 18, x.label(v), "middle", 11);
        for (double v : y.ticks()) s.line(x.lo - 5, y.at(v), x.lo, y.at(v), "#333", 1).text(x.lo - 8, y.at(v) + 4, y.label(v), "end", 11);
        if (!xLabel.isEmpty()) s.text((x.lo + x.hi) / 2, y.lo + 36, xLabel, "middle", 12);
        s.rotatedText(16, (y.lo + y.hi) / 2, yLabel, 12);
    }

    /** A value-to-pixel map, linear or log10; {@code lo}/{@code hi} are the pixel ends of min/max. */
    record Axis(double min, double max, double lo, double hi, boolean log, boolean showTicks) {
        static Axis linear(double min, double max, double lo, double hi) {
            return new Axis(min, max > min ? max : min + 1, lo, hi, false, true);
        }

        static Axis log(double min, double max, double lo, double hi) {
            double a = Math.pow(10, Math.floor(Math.log10(min)));
            double b = Math.pow(10, Math.ceil(Math.log10(max)));
            return new Axis(a, b > a ? b : a * 10, lo, hi, true, true);
        }

        Axis noTicks() {
            return new Axis(min, max, lo, hi, log, false);
        }

        double at(double v) {
            double t = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
            return lo + t * (hi - lo);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            if (!showTicks) return t;
            if (log) {
                for (double v = min; v <= max * 1.0001; v *= 10) t.add(v);
            } else {
                double step = Math.pow(10, Math.floor(Math.log10((max - min) / 5)));
                if ((max - min) / step > 10) step *= 2;
                if ((max - min) / step > 10) step *= 2.5;
                for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) t.add(v);
            }
            return t;
        }

        String label(double v) {
            if (log) {
                int e = (int) Math.round(Math.log10(v));
                return e >= 0 && e <= 4 ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v)) : "1e" + e;
            }
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2g", v);
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "&ndash;";
        if (Double.isInfinite(v)) return v > 0 ? "&infin;" : "-&infin;";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) < 0.01) return String.format(Locale.ROOT, "%.2e", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
