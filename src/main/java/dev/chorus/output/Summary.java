package dev.chorus.output;

import dev.chorus.analysis.Goal;
import dev.chorus.analysis.Recommendation;
import dev.chorus.analysis.Seeding;
import dev.chorus.analysis.PartialAnalysis;
import dev.chorus.analysis.GraphStats;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.PassionateCluster;
import dev.chorus.roles.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.chorus.ingest.InteractionType;

/**
 * The analysis in plain sentences, for stdout, {@code report.json} ({@code summary}) and the top of
 * {@code report.html}: who the hubs are, which clusters are choirs (cohesive and heard) and which are rings (possible
 * gamed engagement), and what the seeding experiment says about "influencers or groups?", with its caveats.
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
        s.add(choirs(r.clusterKinds(), top));
        s.add(rings(r.clusterKinds(), top));
        s.add(String.format(Locale.ROOT, "Roles: %d hubs, %d periphery hubs, %d bridges, %d engagers, %d broadcasters, %d cluster cores, %d ring members.",
                r.roles().count(Role.HUB), r.roles().count(Role.PERIPHERY_HUB), r.roles().count(Role.BRIDGE),
                r.roles().count(Role.ENGAGER), r.roles().count(Role.BROADCASTER), r.roles().count(Role.CLUSTER_CORE),
                r.roles().count(Role.RING_MEMBER)));
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
        List<String> ids = p.hubs().stream().map(x -> (String) x.get("node")).toList();
        if (p.roles() != null && p.hubs().isEmpty()) {
            s.add("No hubs: nobody's reach stands out from everyone else's with mostly one-way ties.");
        } else if (p.roles() != null) {
            Map<String, Object> h = p.hubs().get(0);
            s.add(String.format(Locale.ROOT, "Hubs (soloists, %d in all, top reach with mostly one-way ties): %s. The first, %s, "
                            + "received %s interactions and has mutual ties with %s of the people it interacts with (PageRank %.2e, coreness %d).",
                    p.roles().counts().get(Role.HUB.label()), String.join(", ", ids), h.get("node"), number((Double) h.get("in")),
                    percent((Double) h.get("reciprocity")), (Double) h.get("pagerank"), (int) (double) (Double) h.get("kcore")));
        } else if (!p.hubs().isEmpty()) {
            Map<String, Object> h = p.hubs().get(0);
            s.add(String.format(Locale.ROOT, "Highest PageRank (%s computes no roles here, so these are reach alone, not hubs by the role rules): %s. "
                            + "The first, %s, received %s interactions (PageRank %.2e, coreness %d).",
                    p.engine(), String.join(", ", ids), h.get("node"), number((Double) h.get("in")), (Double) h.get("pagerank"),
                    (int) (double) (Double) h.get("kcore")));
        }
        s.add(choirs(p.kinds(), p.top()));
        s.add(rings(p.kinds(), p.top()));
        if (p.roles() != null) {
            List<String> counts = new ArrayList<>();
            p.roles().counts().forEach((role, n) -> counts.add(n + " " + role.replace('_', ' ') + (n == 1 ? "" : "s")));
            s.add("Roles: " + String.join(", ", counts) + ".");
        }
        if (p.ic() != null) {
            s.add(String.format(Locale.ROOT, "Independent cascade from the given seeds: %.1f people reached (95%% CI %.1f to %.1f, %d runs).",
                    p.ic().mean(), p.ic().ci95Low(), p.ic().ci95High(), p.ic().runs()));
        }
        if (p.seeding() != null) {
            for (Goal gl : List.of(p.goal(), p.goal().other())) {
                Recommendation chosen = p.seeding().recommendation(gl);
                if (chosen != null) s.add(recommended(chosen, p.seeding().thresholdK()));
            }
        }
        // betweenness, the clusters' reach and kinds, and the seeding arms but imm are computed there
        // (dev.chorus.spark.SparkJob); the rest is not
        String missing = (p.roles() == null ? "roles, " : "") + "the imm seeding arm, the spread of the choirs' cores and the clusters' "
                + "activity span";
        s.add("Not computed by the " + p.engine() + " engine: " + missing + "; chorus analyze computes them on one machine.");
        return s;
    }

    private static String choirs(ClusterRanking k, int top) {
        ClusterConfig config = k.rules().config();
        if (k.choirs().isEmpty()) {
            return String.format(Locale.ROOT, "No choirs: no tight cluster of %d to %d members with cohesion >= %.2f is heard outside by at least "
                    + "%.2f people per member (%.0f%% of the typical person's audience).", config.minSize(), config.maxSize(), config.minScore(),
                    k.rules().choirMinReachPerMember(), 100 * config.choirMinAudienceShare());
        }
        PassionateCluster c = k.choirs().get(0);
        List<String> named = new ArrayList<>();
        for (PassionateCluster p : k.choirs().subList(0, Math.min(top, k.choirs().size()))) {
            named.add("#" + p.cluster() + " (" + p.cohesion().size() + " members, reach " + p.audience().reach() + ")");
        }
        return String.format(Locale.ROOT, "Choirs (%s of %d to %d members heard outside, ranked by cohesion and reach): %s. "
                        + "The first, cluster #%d, has %d members heard by %,d people outside (%.0f%% of their audiences shared), "
                        + "density %.2f, %s of its ties answered, and its core is %s.",
                count(k.choirs().size(), "cohesive cluster", "cohesive clusters"), config.minSize(), config.maxSize(), String.join(", ", named),
                c.cluster(), c.cohesion().size(),
                c.audience().reach(), 100 * (Double.isNaN(c.audience().sharedShare()) ? 0 : c.audience().sharedShare()),
                c.cohesion().density(), percent(c.cohesion().reciprocity()), String.join(", ", c.cohesion().core()));
    }

    private static String rings(ClusterRanking k, int top) {
        if (!k.rules().directed()) {
            return "Rings are not assessed: the input is undirected, so who answers whom (reciprocity) is not recorded.";
        }
        if (k.rings().isEmpty()) {
            return String.format(Locale.ROOT, "No rings: no cohesive cluster with at least %s of its ties answered goes (nearly) unheard outside.",
                    percent(Math.min(1, k.rules().ringMinReciprocity())));
        }
        List<String> named = new ArrayList<>();
        for (PassionateCluster p : k.rings().subList(0, Math.min(top, k.rings().size()))) {
            named.add("#" + p.cluster() + " (" + p.cohesion().size() + " members, " + percent(p.cohesion().reciprocity()) + " answered, reach "
                    + p.audience().reach() + ")");
        }
        boolean one = k.rings().size() == 1;
        return String.format(Locale.ROOT, "Possible gamed engagement: %s, %s whose members answer each other but %s "
                        + "acted on by at most %.2f outsiders per member, the pattern of bought or traded engagement: %s. %s members "
                        + "hold the role ring_member and %s not ranked as %s. A closed team or circle of friends looks the same: "
                        + "check a ring before calling it bought.", count(k.rings().size(), "ring", "rings"),
                one ? "a cohesive cluster" : "cohesive clusters", one ? "is" : "are", k.rules().ringMaxReachPerMember(),
                String.join(", ", named), one ? "Its" : "Their", one ? "it is" : "they are", one ? "a choir" : "choirs");
    }

    /**
     * The answer to "influencers or groups?" per model, the goal's model first ({@code analyze --goal}): the best hub
     * arm ({@code degree}, {@code pagerank}) against the best group arm ({@code choirs}, {@code voices}, {@code clusters}), from the
     * confidence intervals, and why the loser lost; after each, the seeds recommended for that model's goal
     * ({@link Recommendation}).
     */
    static List<String> verdict(AnalysisResult r, BacktestResult backtest) {
        List<String> s = new ArrayList<>();
        Seeding seeding = r.seeding();
        if (seeding == null) {
            s.add("Influencers or groups? The seeding experiment was not run, so this report does not answer it.");
            if (backtest != null) s.add(backtest(backtest));
            return s;
        }
        Goal goal = r.config().goal();
        for (Goal gl : List.of(goal, goal.other())) {
            String question = gl == goal ? "Influencers or groups, for " + gl.cliName() + "?" : "For " + gl.cliName() + " instead:";
            String comparison = comparison(r, seeding, gl);
            if (comparison != null) s.add(question + " " + (gl == goal ? comparison : Character.toLowerCase(comparison.charAt(0)) + comparison.substring(1)));
            Recommendation rec = seeding.recommendation(gl);
            if (rec != null) s.add(recommended(rec, seeding.thresholdK()));
        }
        if (backtest != null) s.add(backtest(backtest));
        s.add("Caveats: these are simulations on the observed interaction graph, so their answer holds only as far as the "
                + "models' assumptions do (activation probabilities from interaction weights, one threshold for everyone); "
                + "interactions seen in one export are a sample of the real ties, and the experiment shows where seeding "
                + "could work, not that it will." + (seeding.layered() ? "" : " The input has no interaction types, or no rows of "
                + "one of the two layers, so reach and conversation are not read apart: both goals are measured on the whole graph."));
        return s;
    }

    /** "Recommended seeds for the goal": the seeds and the reason, one sentence. */
    private static String recommended(Recommendation rec, int thresholdK) {
        return String.format(Locale.ROOT, "Recommended seeds for %s (%s): %s. %s", rec.goal().cliName(), rec.goal().model().equals("ic")
                ? "reach" : "people who act", String.join(", ", rec.arm().seeds()), reason(rec, thresholdK));
    }

    /** Hubs against groups under the goal's model, or null when the model's arms were not kept ({@code --model}). */
    private static String comparison(AnalysisResult r, Seeding seeding, Goal goal) {
        String model = goal.model();
        SeedingArm hub = best(seeding.arms(model), "degree", "pagerank");
        // every group strategy: choirs and voices need an audience outside the group, and seeds spread over the
        // clusters may spread further than either; the verdict must not say "the groups lost" when one of them won
        SeedingArm group = best(seeding.arms(model), "choirs", "voices", "clusters");
        if (hub == null || group == null) return null;
        Set<InteractionType> layer = seeding.layered() ? goal.types() : null;
        String name = (model.equals("ic") ? "simple contagion (independent cascade)" : "complex contagion (threshold)")
                + (seeding.layered() ? " on " + goal.layerName() : "");
        if (group.seeds().isEmpty()) {
            return String.format(Locale.ROOT, "Under %s with %d seeds, the group strategies found no seeds (nobody outside a choir or "
                    + "community acts on its members here), so only hubs can be seeded: %s hubs reached %.1f people (95%% CI %.1f to %.1f).",
                    name, seeding.k(), hub.strategy(), hub.mean(), hub.ci95Low(), hub.ci95High());
        }
        // a difference inside the confidence intervals, or under 2% of the spread, is no answer
        boolean small = Math.abs(group.mean() - hub.mean()) < Recommendation.SMALL * Math.max(group.mean(), hub.mean());
        String outcome;
        String why;
        int hubAudience = audience(r, hub.seeds(), layer);
        int groupAudience = audience(r, group.seeds(), layer);
        if (!small && group.ci95Low() > hub.ci95High()) {
            outcome = group.strategy() + " seeds spread further than hub seeds";
            why = model.equals("threshold")
                    ? String.format(Locale.ROOT, "complex contagion needs %d active contacts, which the hubs' mostly one-way audiences "
                            + "rarely get twice, while the %s seeds' audiences overlap", seeding.thresholdK(), group.strategy())
                    : groupAudience >= hubAudience
                    ? String.format(Locale.ROOT, "together the %s seeds are acted on by more people (%,d) than the hubs (%,d): aggregate "
                            + "influence", group.strategy(), groupAudience, hubAudience)
                    : String.format(Locale.ROOT, "the hubs are acted on by more people directly (%,d against %,d), but their audiences "
                            + "pass it on less far than the %s seeds' do", hubAudience, groupAudience, group.strategy());
            why = "the hubs lost because " + why;
        } else if (!small && hub.ci95Low() > group.ci95High()) {
            outcome = "hub seeds spread further than " + group.strategy() + " seeds";
            if (r.passionate().isEmpty()) {
                why = String.format(Locale.ROOT, "the clusters here are small conversations with no audience: no cohesive cluster is heard "
                        + "outside (%s), and the hubs are acted on by %,d people against %,d", count(r.clusterKinds().rings().size(), "ring", "rings"),
                        hubAudience, groupAudience);
            } else {
                why = String.format(Locale.ROOT, "the hubs are acted on by %,d people directly against %,d for the %s seeds, %s",
                        hubAudience, groupAudience, group.strategy(), model.equals("threshold")
                                ? "and that audience outweighs the reinforcement the groups give" : "and one exposure is enough here");
            }
            why = "the groups lost because " + why;
        } else {
            outcome = "hub and group seeds spread about as far (the difference is within the confidence intervals or under 2%)";
            why = "neither lost";
        }
        return String.format(Locale.ROOT, "Under %s with %d seeds, %s: %s hubs reached %.1f people "
                        + "(95%% CI %.1f to %.1f), %s seeds %.1f (%.1f to %.1f); %s.",
                name, seeding.k(), outcome, hub.strategy(), hub.mean(), hub.ci95Low(), hub.ci95High(),
                group.strategy(), group.mean(), group.ci95Low(), group.ci95High(), why);
    }

    /**
     * One sentence: why a {@link Recommendation}'s seeds, from the measured spreads (mean and 95% interval against the
     * runner-up's, and whether the intervals overlap) and, for action, the seeds' credibility. {@code report.json}'s
     * {@code recommendation.reason}.
     */
    public static String reason(Recommendation rec, int thresholdK) {
        SeedingArm a = rec.arm();
        SeedingArm o = rec.runnerUp();
        Goal goal = rec.goal();
        String model = goal == Goal.AWARENESS ? "simple contagion (independent cascade)"
                : "complex contagion (a person acts after " + thresholdK + " active contacts)";
        String where = rec.layered() ? "on " + goal.layerName()
                : "on the whole graph (the input has no interaction types or lacks one of the two layers, so " + goal.layerName().replaceAll(" \\(.*", "") + " is all of it)";
        String spread = String.format(Locale.ROOT, "%.1f people (95%% CI %.1f to %.1f)", a.mean(), a.ci95Low(), a.ci95High());
        String seeds = String.format(Locale.ROOT, "The %d %s seeds", a.seeds().size(), a.strategy());
        String credible = goal == Goal.ACTION ? String.format(Locale.ROOT, "; %s of their conversation ties are mutual", percent(rec.credibility())) : "";
        if (o == null) {
            return String.format(Locale.ROOT, "%s reach %s by %s %s, and every strategy chose these seeds%s.", seeds, spread, model, where, credible);
        }
        String other = String.format(Locale.ROOT, "%.1f (%.1f to %.1f) for %s", o.mean(), o.ci95Low(), o.ci95High(), o.strategy());
        if (rec.forCredibility()) {
            return String.format(Locale.ROOT, "%s reach %s by %s %s, about as far as %s (within the intervals or %.0f%%), and are more credible: "
                            + "%s of their conversation ties are mutual against %s for %s's.", seeds, spread, model, where, other,
                    100 * Recommendation.SMALL, percent(rec.credibility()), percent(rec.runnerUpCredibility()), o.strategy());
        }
        String verdict = rec.tied() ? "; the intervals overlap or differ by under " + Math.round(100 * Recommendation.SMALL) + "%, so "
                + o.strategy() + " would do about as well" : ", and the intervals do not overlap";
        if (goal == Goal.ACTION) {
            credible = String.format(Locale.ROOT, "; %s of their conversation ties are mutual (%s: %s)", percent(rec.credibility()), o.strategy(),
                    percent(rec.runnerUpCredibility()));
        }
        return String.format(Locale.ROOT, "%s reach the most, %s by %s %s, against %s%s%s.", seeds, spread, model, where, other, verdict, credible);
    }

    private static String backtest(BacktestResult b) {
        return "Backtest (seeds chosen on the rows before " + java.time.Instant.ofEpochSecond(b.split()) + "). " + BacktestSummary.verdict(b);
    }

    /** The arm of the two strategies with the larger mean (the first on a tie), or null. */
    /** The arm of {@code strategies} with the largest mean spread, an arm with seeds before one without, ties to the first named. */
    private static SeedingArm best(List<SeedingArm> arms, String... strategies) {
        SeedingArm best = null;
        for (String strategy : strategies) {
            for (SeedingArm arm : arms) {
                if (!arm.strategy().equals(strategy)) continue;
                if (best == null || best.seeds().isEmpty() && !arm.seeds().isEmpty()
                        || arm.seeds().isEmpty() == best.seeds().isEmpty() && arm.mean() > best.mean()) best = arm;
            }
        }
        return best;
    }

    /**
     * Distinct people, seeds excluded, who acted on at least one seed: the seeds' direct audience; with rows of
     * {@code layer}'s types only, when it is not null.
     */
    private static int audience(AnalysisResult r, List<String> seeds, Set<InteractionType> layer) {
        var g = r.graph();
        java.util.Set<Integer> seedSet = new java.util.HashSet<>();
        for (String id : seeds) if (g.ids().index(id) >= 0) seedSet.add(g.ids().index(id));
        java.util.Set<Integer> heard = new java.util.HashSet<>();
        for (int v : seedSet) {
            for (int i = g.in().start(v); i < g.in().end(v); i++) {
                if (!seedSet.contains(g.in().neighbor(i)) && (layer == null || inLayer(g, g.inArc(i), layer))) heard.add(g.in().neighbor(i));
            }
        }
        return heard.size();
    }

    private static boolean inLayer(dev.chorus.graph.InteractionGraph g, int arc, Set<InteractionType> layer) {
        for (InteractionType t : layer) if (g.typeCount(arc, t) > 0) return true;
        return false;
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "an unknown share" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    /** "1 ring", "2 rings": the count and the noun in its number. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
