package dev.chorus.roles;

import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import java.util.List;
import java.util.Map;

/**
 * A cohesive cluster ranked by {@link PassionateClusters}, with the numbers that placed it.
 *
 * @param rank          1 for the first of its list (choirs or rings)
 * @param score         the choirs' ranking score, sqrt(cohesionScore x reachScore), in [0, 1]
 * @param cohesionScore the cohesion axis in [0, 1], the mean of {@code parts}
 * @param reachScore    the reach axis in [0, 1] (see {@link PassionateClusters})
 * @param kind          {@code choir}, {@code ring} or {@code other} ({@link ClusterKinds})
 * @param parts         the cohesion terms by name ({@code reciprocity}, {@code density}, {@code clustering},
 *                      {@code intensity}), each in [0, 1]; an undefined term is left out
 * @param cohesion      the cluster's cohesion metrics, core included
 * @param audience      who outside listens to it
 * @param members       original ids of all members, in index order (Spark: sorted by id)
 */
public record PassionateCluster(int rank, double score, double cohesionScore, double reachScore, String kind,
                                Map<String, Double> parts, ClusterCohesion cohesion, ClusterAudience audience,
                                List<String> members) {
    public PassionateCluster {
        parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
        members = List.copyOf(members);
    }

    /** The cluster's index in the partition it came from. */
    public int cluster() {
        return cohesion.community();
    }
}
