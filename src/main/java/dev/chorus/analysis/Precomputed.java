package dev.chorus.analysis;

import dev.chorus.centrality.CentralityAlgorithm;
import dev.chorus.community.Communities;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results computed elsewhere (Neo4j's Graph Data Science procedures, a community algorithm other than Leiden)
 * that {@link Analysis} takes as they are instead of computing them. Every step that reads one (cohesion,
 * engagement, roles, hubs, modularity, the node table) then reads the given one, so nothing is computed twice
 * and everything reported follows the same scores and partition.
 *
 * @param scores      scores of any of {@link Analysis#CENTRALITIES}, by {@link NodeScores#algorithm()} (e.g.
 *                    {@code pagerank}, {@code kcore}); the others are computed
 * @param communities the partition of the {@code community} column, or null to compute it
 */
public record Precomputed(Map<String, NodeScores> scores, Communities communities) {
    /** Nothing given: {@link Analysis} computes everything. */
    public static final Precomputed NONE = new Precomputed(Map.of(), null);

    public Precomputed {
        scores = Map.copyOf(scores);
    }

    /** This plus {@code s}, given for the algorithm named {@link NodeScores#algorithm()}. */
    public Precomputed with(NodeScores s) {
        Map<String, NodeScores> m = new LinkedHashMap<>(scores);
        m.put(s.algorithm(), s);
        return new Precomputed(m, communities);
    }

    public Precomputed withCommunities(Communities c) {
        return new Precomputed(scores, c);
    }

    /** The given scores of {@code a}, or null. */
    NodeScores of(CentralityAlgorithm a) {
        return scores.get(a.name());
    }

    /** Fails unless every given result is one {@link Analysis} computes, with its columns and one value per node. */
    void check(InteractionGraph g) {
        int n = g.nodeCount();
        for (NodeScores s : scores.values()) {
            CentralityAlgorithm a = Analysis.CENTRALITIES.stream().filter(x -> x.name().equals(s.algorithm())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("given scores of '" + s.algorithm() + "': the analysis computes "
                            + Analysis.CENTRALITIES.stream().map(CentralityAlgorithm::name).toList()));
            if (!s.columns().containsAll(a.columns())) {
                throw new IllegalArgumentException("given " + a.name() + " scores have columns " + s.columns() + ", need " + a.columns());
            }
            if (s.ids().size() != n) throw new IllegalArgumentException("given " + a.name() + " scores cover " + s.ids().size() + " nodes, the graph has " + n);
        }
        if (communities != null && communities.membership().length != n) {
            throw new IllegalArgumentException("given communities cover " + communities.membership().length + " nodes, the graph has " + n);
        }
    }
}
