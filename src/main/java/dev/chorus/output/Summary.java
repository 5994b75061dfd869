package dev.chorus.output;

import dev.chorus.analysis.Seeding;
import dev.chorus.analysis.PartialAnalysis;
import dev.chorus.analysis.GraphStats;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.PassionateCluster;
import dev.chorus.roles.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis in plain sentences, for stdout, {@code report.json} ({@code summary}) and the top of
 * {@code report.html}: who the hubs are, which clusters are passionate, and what the seeding experiment says about
 * "influencers or clusters?", with its caveats.
 */
public final class Summary {
    private Summary() {
    }

    public static List<String> sentences(AnalysisResult r) {
        return sentences(r, null);
    }

    /** With a backtest of the same input (or null): the verdict then cites what happened next. */
    public static List<String> sentences(AnalysisResult r, BacktestResult backtest) {
        List<String> s = new ArrayList<>();
        var g = r.graph();
        String rec = g.isDirected() ? String.format(Locale.ROOT, ", and %.1f%% of ties are answered", 100 * g.reciprocity()) : "";
        s.add(String.format(Locale.ROOT, "%,d people, %,d interacting pairs, %,d communities (modularity %.3f)%s.",
                g.nodeCount(), g.edgeCount(), r.communities().count(), r.modularity(), rec));
        int top = r.config().top();
        List<String> hubs = r.hubs().subList(0, Math.min(top, r.hubs().size()));
        if (hubs.isEmpty()) {
            s.add("No hubs: nobody's reach stands out from everyone else's with mostly one-way ties.");
        } else {
            int h = g.ids().index(hubs.get(0));
            s.add(String.format(Locale.ROOT, "Hubs (soloists, %d in all, top reach with mostly one-way ties): %s. The first, %s, "
                            + "received %s interactions and has mutual ties with %s of the people it interacts with (PageRank %.2e, coreness %d).",
                    r.hubs().size(), String.join(", ", hubs), hubs.get(0), number(r.degree().column("in")[h]),
                    percent(r.nodes().metric("reciprocity")[h]), r.pagerank().column("pagerank")[h], (int) r.kcore().column("kcore")[h]));
        }
        s.add(passionate(r.passionate(), r.config().clusters(), top));
        s.add(String.format(Locale.ROOT, "Roles: %d hubs, %d periphery hubs, %d bridges, %d engagers, %d broadcasters, %d cluster cores.",
                r.roles().count(Role.HUB), r.roles().count(Role.PERIPHERY_HUB), r.roles().count(Role.BRIDGE),
                r.roles().count(Role.ENGAGER), r.roles().count(Role.BROADCASTER), r.roles().count(Role.CLUSTER_CORE)));
        s.addAll(verdict(r, backtest));
        return s;
    }

    /**
     * The sentences of a {@link PartialAnalysis}: the same facts where the engine computed them, and one sentence
     * naming what it did not compute, so that nobody reads a missing answer as a negative one.
     */
    public static List<String> sentences(PartialAnalysis p) {
        List<String> s = new ArrayList<>();
        GraphStats g = p.graph();
        String rec = g.directed() ? String.format(Locale.ROOT, ", and %.1f%% of ties are answered", 100 * g.reciprocity()) : "";
        s.add(String.format(Locale.ROOT, "%,d people, %,d interacting pairs, %,d communities (%s, modularity %.3f)%s.",
                g.nodes(), g.edges(), p.communityCount(), p.communityAlgorithm(), p.modularity(), rec));
        if (!p.hubs().isEmpty()) {
            Map<String, Object> h = p.hubs().get(0);
            s.add(String.format(Locale.ROOT, "Highest PageRank (%s computes no roles, so these are reach alone, not hubs by the role rules): %s. "
                            + "The first, %s, received %s interactions (PageRank %.2e, coreness %d).",
                    p.engine(), String.join(", ", p.hubs().stream().map(x -> (String) x.get("node")).toList()), h.get("node"),
                    number((Double) h.get("in")), (Double) h.get("pagerank"), (int) (double) (Double) h.get("kcore")));
        }
        s.add(passionate(p.passionate(), p.clusters(), p.top()));
        if (p.ic() != null) {
            s.add(String.format(Locale.ROOT, "Independent cascade from the given seeds: %.1f people reached (95%% CI %.1f to %.1f, %d runs).",
                    p.ic().mean(), p.ic().ci95Low(), p.ic().ci95High(), p.ic().runs()));
        }
        s.add("Not computed by the " + p.engine() + " engine: betweenness, roles and the seeding experiment, so this report does not "
                + "answer \"influencers or clusters?\"; chorus analyze computes them on one machine.");
        return s;
    }

    private static String passionate(List<PassionateCluster> passionate, ClusterConfig config, int top) {
        if (passionate.isEmpty()) {
            return String.format(Locale.ROOT, "No passionate clusters: no tight cluster of %d to %d members reaches a passion score of %.2f.",
                    config.minSize(), config.maxSize(), config.minScore());
        }
        PassionateCluster c = passionate.get(0);
        List<String> named = new ArrayList<>();
        for (PassionateCluster p : passionate.subList(0, Math.min(top, passionate.size()))) {
            named.add("#" + p.cluster() + " (" + p.cohesion().size() + ")");
        }
        return String.format(Locale.ROOT, "Passionate clusters (%d of %d to %d members with passion score >= %.2f): %s. "
                        + "The most passionate, cluster #%d, has %d members, density %.2f, %s of its ties answered, "
                        + "and its core is %s.",
                passionate.size(), config.minSize(), config.maxSize(), config.minScore(), String.join(", ", named), c.cluster(),
                c.cohesion().size(), c.cohesion().density(), percent(c.cohesion().reciprocity()), String.join(", ", c.cohesion().core()));
    }

    /** The answer to "influencers or clusters?" per model, from the seeding experiment's confidence intervals. */
    static List<String> verdict(AnalysisResult r, BacktestResult backtest) {
        List<String> s = new ArrayList<>();
        Seeding seeding = r.seeding();
        if (seeding == null) {
            s.add("Influencers or clusters? The seeding experiment was not run, so this report does not answer it.");
            if (backtest != null) s.add(backtest(backtest));
            return s;
        }
        for (String model : List.of("ic", "threshold")) {
            List<SeedingArm> arms = seeding.arms(model);
            SeedingArm hub = null;
            SeedingArm cluster = null;
            for (SeedingArm a : arms) {
                if ((a.strategy().equals("degree") || a.strategy().equals("pagerank")) && (hub == null || a.mean() > hub.mean())) hub = a;
                if (a.strategy().equals("clusters")) cluster = a;
            }
            if (hub == null || cluster == null) continue;
            String name = model.equals("ic") ? "simple contagion (independent cascade)" : "complex contagion (threshold)";
            String outcome;
            // a difference inside the confidence intervals, or under 2% of the spread, is no answer
            boolean small = Math.abs(cluster.mean() - hub.mean()) < 0.02 * Math.max(cluster.mean(), hub.mean());
            if (!small && cluster.ci95Low() > hub.ci95High()) outcome = "cluster seeds spread further than hub seeds";
            else if (!small && hub.ci95Low() > cluster.ci95High()) outcome = "hub seeds spread further than cluster seeds";
            else outcome = "hub and cluster seeds spread about as far (the difference is within the confidence intervals or under 2%)";
            s.add(String.format(Locale.ROOT, "Influencers or clusters? Under %s with %d seeds, %s: %s hubs reached %.1f people "
                            + "(95%% CI %.1f to %.1f), cluster seeds %.1f (%.1f to %.1f).",
                    name, seeding.k(), outcome, hub.strategy(), hub.mean(), hub.ci95Low(), hub.ci95High(),
                    cluster.mean(), cluster.ci95Low(), cluster.ci95High()));
        }
        if (backtest != null) s.add(backtest(backtest));
        s.add("Caveats: these are simulations on the observed interaction graph, so their answer holds only as far as the "
                + "models' assumptions do (activation probabilities from interaction weights, one threshold for everyone); "
                + "interactions seen in one export are a sample of the real ties, and the experiment shows where seeding "
                + "could work, not that it will.");
        return s;
    }

    private static String backtest(BacktestResult b) {
        return "Backtest (seeds chosen on the rows before " + java.time.Instant.ofEpochSecond(b.split()) + "). " + BacktestSummary.verdict(b);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "an unknown share" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }
}
