package dev.chorus.roles;

import dev.chorus.community.ClusterAudience;
import java.util.List;

/**
 * Every cluster of a partition sorted into kinds, and the two lists the report shows.
 *
 * @param choirs   clusters of kind {@code choir}, best first by the choirs' score
 * @param rings    clusters of kind {@code ring}, most cohesive first
 * @param kinds    per cluster index, its kind
 * @param audience per cluster index, its outside audience
 * @param rules    the resolved kind thresholds
 */
public record ClusterRanking(List<PassionateCluster> choirs, List<PassionateCluster> rings, List<String> kinds,
                             List<ClusterAudience> audience, ClusterKinds rules) {
    public ClusterRanking {
        choirs = List.copyOf(choirs);
        rings = List.copyOf(rings);
        kinds = List.copyOf(kinds);
        audience = List.copyOf(audience);
    }

    /** Clusters of {@code kind}. */
    public long count(String kind) {
        return kinds.stream().filter(kind::equals).count();
    }
}
