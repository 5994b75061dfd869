package dev.chorus.roles;

/**
 * One person's numbers that the {@link RoleRules} read, whichever engine computed them. On typed input the reach
 * and answering values are the layer ones ({@link Roles}); NaN where undefined (an undefined reciprocity, answer
 * rate or reply share passes the "at most" tests) or not computed (a NaN betweenness is never high).
 *
 * @param in            reach received: weighted in-degree ({@code in_spread} on typed input)
 * @param pagerank      PageRank ({@code pagerank_spread} on typed input)
 * @param total         weighted total degree
 * @param out           weighted out-degree: activity
 * @param attention     weighted in-degree on the whole graph, which a broadcaster's activity must reach
 * @param kcore         coreness
 * @param betweenness   betweenness, NaN when not computed
 * @param reciprocity   {@link Engagement}'s reciprocity ({@code reciprocity_talk} on typed input)
 * @param answer        {@link Engagement}'s answer rate ({@code answer_rate_talk} on typed input)
 * @param reply         {@link Engagement}'s reply share
 * @param participation {@link Engagement}'s participation coefficient
 */
public record RoleValues(double in, double pagerank, double total, double out, double attention, double kcore, double betweenness,
                         double reciprocity, double answer, double reply, double participation) {
}
