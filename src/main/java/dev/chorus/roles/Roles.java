package dev.chorus.roles;

import dev.chorus.graph.NodeScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Classifies every node into zero or more {@link Role}s from its centralities, its {@link Engagement} numbers and
 * the passionate clusters. "High X" means X &gt; 0, X at or above the {@link RoleConfig#topPercentile()}-th
 * percentile of X over all nodes (commons-math3 {@link Percentile}, its default estimator), and X at least
 * {@link RoleConfig#minZ()} standard deviations (sample) above the mean; the combined cut-off per metric is kept
 * in {@link RoleAssignment#thresholds()}. With defaults in brackets:
 * <ul>
 * <li>{@code hub}: high in-weight or high PageRank, and reciprocity at most {@code hubMaxReciprocity} (0.2):
 * reach, and mostly one-way ties (undefined reciprocity, on undirected inputs, passes);</li>
 * <li>{@code periphery_hub}: high total degree and coreness at most {@code peripheryCoreShare} (0.5) of the
 * largest coreness: reach without a dense neighbourhood, which Kitsak et al., "Identification of influential
 * spreaders in complex networks", Nature Physics 6 (2010) 888–893, doi:10.1038/nphys1746, found to be a poor
 * spreading position despite the degree;</li>
 * <li>{@code bridge}: high betweenness and participation coefficient at least {@code bridgeMinParticipation}
 * (0.3), so the shortest paths it carries run between communities (Granovetter, "The strength of weak ties",
 * AJS 78(6) (1973), doi:10.1086/225469);</li>
 * <li>{@code engager}: weighted out-degree at least {@code minActivity} (2), and answer rate or reply share at
 * least {@code engagerMinAnswer} (0.5): they answer when others act on them;</li>
 * <li>{@code broadcaster}: high weighted out-degree, at least its in-degree (gives more attention than it gets, so a
 * hub that also posts is not one), and reciprocity, answer rate and reply share each at most
 * {@code broadcasterMaxAnswer} (0.1; an undefined value passes): talks much, answers rarely;</li>
 * <li>{@code cluster_core}: listed in the {@code core} of a choir (its most internally engaged members,
 * {@link dev.chorus.community.Cohesion});</li>
 * <li>{@code ring_member}: a member of a ring ({@link ClusterKinds}), instead of {@code cluster_core}: its
 * engagement is possibly traded, not earned.</li>
 * </ul>
 * On typed input ({@link Inputs#layers()} given) each rule reads the layer its role is about: {@code hub} reach is
 * {@code in_spread} / {@code pagerank_spread} (being carried onward, not being talked to), and every
 * reciprocity and answer rate ({@code hub}, {@code engager}, {@code broadcaster}) is {@code reciprocity_talk} /
 * {@code answer_rate_talk} (answering in conversation; a retweet back is not an answer). Activity ({@code out},
 * {@code total}), {@code kcore}, {@code betweenness} and participation read the whole graph.
 * O(n log n) for the percentiles.
 */
public final class Roles {
    private Roles() {
    }

    /**
     * The per-node inputs: {@code degree} with columns {@code in, out, total}; {@code pagerank}, {@code kcore},
     * {@code betweenness} with their own column; {@code engagement} from {@link Engagement}; the choirs and the
     * rings; on typed input, the layer columns of {@code analysis.Layers} (null: untyped).
     */
    public record Inputs(NodeScores degree, NodeScores pagerank, NodeScores kcore, NodeScores betweenness,
                         NodeScores engagement, List<PassionateCluster> passionate, List<PassionateCluster> rings, NodeScores layers) {
        /** Untyped input: every rule reads the whole graph. */
        public Inputs(NodeScores degree, NodeScores pagerank, NodeScores kcore, NodeScores betweenness,
                      NodeScores engagement, List<PassionateCluster> passionate, List<PassionateCluster> rings) {
            this(degree, pagerank, kcore, betweenness, engagement, passionate, rings, null);
        }
    }

    public static RoleAssignment compute(Inputs in, RoleConfig config) {
        int n = in.degree().ids().size();
        double[] outWeight = in.degree().column("out");
        double[] total = in.degree().column("total");
        double[] core = in.kcore().column("kcore");
        double[] betweenness = in.betweenness().column("betweenness");
        // typed input: reach is read on the spreading layer, answering on the conversation layer
        NodeScores layers = in.layers();
        double[] inWeight = layers == null ? in.degree().column("in") : layers.column("in_spread");
        double[] pagerank = layers == null ? in.pagerank().column("pagerank") : layers.column("pagerank_spread");
        double[] reciprocity = layers == null ? in.engagement().column("reciprocity") : layers.column("reciprocity_talk");
        double[] answer = layers == null ? in.engagement().column("answer_rate") : layers.column("answer_rate_talk");
        double[] attention = in.degree().column("in");
        double[] reply = in.engagement().column("reply_share");
        double[] participation = in.engagement().column("participation");

        Map<String, Double> thresholds = new LinkedHashMap<>();
        double tIn = high(inWeight, config);
        double tPr = high(pagerank, config);
        double tTotal = high(total, config);
        double tBetween = high(betweenness, config);
        double tOut = high(outWeight, config);
        double maxCore = 0;
        for (double c : core) maxCore = Math.max(maxCore, c);
        thresholds.put("in", tIn); // of in_spread on typed input
        thresholds.put("pagerank", tPr); // of pagerank_spread on typed input
        thresholds.put("total", tTotal);
        thresholds.put("kcore_max", config.peripheryCoreShare() * maxCore);
        thresholds.put("betweenness", tBetween);
        thresholds.put("out", tOut);

        int[] mask = new int[n];
        for (int u = 0; u < n; u++) {
            int m = 0;
            boolean reach = above(inWeight[u], tIn) || above(pagerank[u], tPr);
            if (reach && atMost(reciprocity[u], config.hubMaxReciprocity())) m |= Role.HUB.bit();
            if (above(total[u], tTotal) && core[u] <= config.peripheryCoreShare() * maxCore) m |= Role.PERIPHERY_HUB.bit();
            if (above(betweenness[u], tBetween) && participation[u] >= config.bridgeMinParticipation()) m |= Role.BRIDGE.bit();
            if (outWeight[u] >= config.minActivity() && outWeight[u] > 0
                    && (answer[u] >= config.engagerMinAnswer() || reply[u] >= config.engagerMinAnswer())) {
                m |= Role.ENGAGER.bit();
            }
            double quiet = config.broadcasterMaxAnswer();
            if (above(outWeight[u], tOut) && outWeight[u] >= attention[u] && atMost(reciprocity[u], quiet) && atMost(answer[u], quiet) && atMost(reply[u], quiet)) {
                m |= Role.BROADCASTER.bit();
            }
            mask[u] = m;
        }
        for (PassionateCluster c : in.passionate()) {
            for (String id : c.cohesion().core()) mask[in.degree().ids().index(id)] |= Role.CLUSTER_CORE.bit();
        }
        for (PassionateCluster c : in.rings()) {
            for (String id : c.members()) mask[in.degree().ids().index(id)] |= Role.RING_MEMBER.bit();
        }
        return new RoleAssignment(in.degree().ids(), mask, thresholds, config);
    }

    /**
     * The cut-off for "high": max(percentile, mean + minZ sd); +Infinity when all values tie (sd = 0) or there
     * are fewer than two nodes.
     */
    static double high(double[] values, RoleConfig config) {
        if (values.length < 2) return Double.POSITIVE_INFINITY;
        double sd = new StandardDeviation().evaluate(values);
        if (!(sd > 0)) return Double.POSITIVE_INFINITY;
        double mean = new Mean().evaluate(values);
        double pct = new Percentile().evaluate(values, config.topPercentile());
        return Math.max(pct, mean + config.minZ() * sd);
    }

    private static boolean above(double x, double threshold) {
        return x > 0 && x >= threshold;
    }

    /** NaN (undefined, e.g. no ties to answer) passes. */
    private static boolean atMost(double x, double max) {
        return Double.isNaN(x) || x <= max;
    }
}
