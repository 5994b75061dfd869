package dev.chorus.roles;

import dev.chorus.community.ClusterCohesion;
import java.util.List;
import java.util.Map;

/**
 * A community that passed the {@link PassionateClusters} filter, with the numbers that earned it.
 *
 * @param rank     1 for the most passionate
 * @param score    passion score in [0, 1], the mean of {@code parts}
 * @param parts    the score's terms by name ({@code reciprocity}, {@code density}, {@code clustering},
 *                 {@code insularity}, {@code intensity}), each in [0, 1]; an undefined term is left out
 * @param cohesion the community's cohesion metrics, core included
 * @param members  original ids of all members, in index order
 */
public record PassionateCluster(int rank, double score, Map<String, Double> parts, ClusterCohesion cohesion,
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
