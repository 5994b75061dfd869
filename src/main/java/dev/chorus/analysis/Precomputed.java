package dev.chorus.analysis;

import dev.chorus.community.Communities;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;

/**
 * Results computed elsewhere (Neo4j's Graph Data Science procedures, a community algorithm other than Leiden)
 * that {@link Analysis} takes as they are instead of computing them. Every step that reads one (cohesion,
 * engagement, roles, hubs, modularity, the node table) then reads the given one, so nothing is computed twice
 * and everything reported follows the same scores and partition. Null = let {@link Analysis} compute it.
 *
 * @param pagerank    scores with a {@code pagerank} column, one per node of the graph
 * @param kcore       scores with a {@code kcore} column
 * @param communities the partition of the {@code community} column
 */
public record Precomputed(NodeScores pagerank, NodeScores kcore, Communities communities) {
    /** Nothing given: {@link Analysis} computes everything. */
    public static final Precomputed NONE = new Precomputed(null, null, null);

    public Precomputed withPagerank(NodeScores s) {
        return new Precomputed(s, kcore, communities);
    }

    public Precomputed withKcore(NodeScores s) {
        return new Precomputed(pagerank, s, communities);
    }

    public Precomputed withCommunities(Communities c) {
        return new Precomputed(pagerank, kcore, c);
    }

    /** Fails unless every given result has one value per node of {@code g} under the expected column. */
    void check(InteractionGraph g) {
        int n = g.nodeCount();
        check(pagerank, "pagerank", n);
        check(kcore, "kcore", n);
        if (communities != null && communities.membership().length != n) {
            throw new IllegalArgumentException("given communities cover " + communities.membership().length + " nodes, the graph has " + n);
        }
    }

    private static void check(NodeScores s, String column, int n) {
        if (s == null) return;
        if (!s.columns().contains(column)) throw new IllegalArgumentException("given " + column + " scores have no '" + column + "' column: " + s.columns());
        if (s.ids().size() != n) throw new IllegalArgumentException("given " + column + " scores cover " + s.ids().size() + " nodes, the graph has " + n);
    }
}
