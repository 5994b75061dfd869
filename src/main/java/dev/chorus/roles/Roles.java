package dev.chorus.roles;

import dev.chorus.graph.NodeScores;
import java.util.List;

/**
 * Classifies every node into zero or more {@link Role}s from its centralities, its {@link Engagement} numbers and
 * the passionate clusters. "High X" means X &gt; 0, X at or above the {@link RoleConfig#topPercentile()}-th
 * percentile of X over all nodes (commons-math3 {@code Percentile}, its default estimator), and X at least
 * {@link RoleConfig#minZ()} standard deviations (sample) above the mean; the combined cut-off per metric is kept
 * in {@link RoleAssignment#thresholds()}. The cut-offs resolve from a {@link MetricSummary} per metric and every person is
 * classified by {@link RoleRules#mask}, which any engine can call with its own per-node numbers ({@link RoleValues}).
 * With defaults in brackets:
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
     * {@code betweenness} with their own column (betweenness null: not computed, nobody is a bridge); {@code engagement}
     * from {@link Engagement}; the choirs and the rings; on typed input, the layer columns of {@code analysis.Layers}
     * (null: untyped).
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
        double[] betweenness = in.betweenness() == null ? null : in.betweenness().column("betweenness");
        // typed input: reach is read on the spreading layer, answering on the conversation layer
        NodeScores layers = in.layers();
        double[] inWeight = layers == null ? in.degree().column("in") : layers.column("in_spread");
        double[] pagerank = layers == null ? in.pagerank().column("pagerank") : layers.column("pagerank_spread");
        double[] reciprocity = layers == null ? in.engagement().column("reciprocity") : layers.column("reciprocity_talk");
        double[] answer = layers == null ? in.engagement().column("answer_rate") : layers.column("answer_rate_talk");
        double[] attention = in.degree().column("in");
        double[] reply = in.engagement().column("reply_share");
        double[] participation = in.engagement().column("participation");

        double p = config.topPercentile();
        double maxCore = 0;
        for (double c : core) maxCore = Math.max(maxCore, c);
        RoleRules rules = RoleRules.resolve(MetricSummary.of(inWeight, p), MetricSummary.of(pagerank, p), MetricSummary.of(total, p),
                betweenness == null ? null : MetricSummary.of(betweenness, p), MetricSummary.of(outWeight, p), maxCore, config);
        int[] mask = new int[n];
        for (int u = 0; u < n; u++) {
            mask[u] = rules.mask(new RoleValues(inWeight[u], pagerank[u], total[u], outWeight[u], attention[u], core[u],
                    betweenness == null ? Double.NaN : betweenness[u], reciprocity[u], answer[u], reply[u], participation[u]));
        }
        for (PassionateCluster c : in.passionate()) {
            for (String id : c.cohesion().core()) mask[in.degree().ids().index(id)] |= Role.CLUSTER_CORE.bit();
        }
        for (PassionateCluster c : in.rings()) {
            for (String id : c.members()) mask[in.degree().ids().index(id)] |= Role.RING_MEMBER.bit();
        }
        return new RoleAssignment(in.degree().ids(), mask, rules.thresholds(), config);
    }
}
