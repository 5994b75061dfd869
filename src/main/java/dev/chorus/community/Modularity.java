package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;

/**
 * Newman–Girvan modularity of a partition on the undirected weighted view of the graph
 * ({@link InteractionGraph#undirected()}: directions merged with weights summed, self-loops dropped):
 * <pre>Q = sum_c [ W_in(c) / W  -  gamma * (S(c) / 2W)^2 ]</pre>
 * where W is the total edge weight, W_in(c) the weight of edges inside c and S(c) the summed weighted degree of
 * c's members. With resolution {@code gamma = 1} this is NetworkX's {@code modularity} and JGraphT's
 * {@code UndirectedModularityMeasurer} on the same simple graph. M. E. J. Newman, "Modularity and community
 * structure in networks", PNAS 103 (2006), doi:10.1073/pnas.0601602103; resolution: Reichardt &amp; Bornholdt,
 * Phys. Rev. E 74 (2006), doi:10.1103/PhysRevE.74.016110. O(n + m).
 */
public final class Modularity {
    private Modularity() {
    }

    /** Modularity at resolution 1. */
    public static double of(InteractionGraph g, int[] membership) {
        return of(g.undirected(), membership, 1.0);
    }

    /** Modularity of {@code membership} on a symmetric adjacency (each undirected edge stored both ways). */
    public static double of(Adjacency undirected, int[] membership, double resolution) {
        int n = undirected.nodeCount();
        if (membership.length != n) throw new IllegalArgumentException("membership has " + membership.length + " entries for " + n + " nodes");
        int k = 0;
        for (int c : membership) k = Math.max(k, c + 1);
        double[] inside = new double[k];
        double[] degree = new double[k];
        double twoW = 0;
        for (int u = 0; u < n; u++) {
            int cu = membership[u];
            for (int i = undirected.start(u); i < undirected.end(u); i++) {
                double w = undirected.weight(i);
                twoW += w;
                degree[cu] += w;
                if (membership[undirected.neighbor(i)] == cu) inside[cu] += w;
            }
        }
        if (twoW == 0) return 0.0;
        double q = 0;
        for (int c = 0; c < k; c++) q += inside[c] / twoW - resolution * (degree[c] / twoW) * (degree[c] / twoW);
        return q;
    }

    /**
     * Modularity at resolution 1 from the per-community sums of {@link Cohesion} (internal weight and cut, both on
     * the undirected view): the same Q for engines that aggregate edges per community instead of holding node
     * arrays (Spark). Each cut edge is in two communities' cut, so {@code 2W = sum_c (2 W_in(c) + cut(c))} and
     * {@code S(c) = 2 W_in(c) + cut(c)}. O(communities).
     */
    public static double of(java.util.List<ClusterCohesion> cohesion) {
        double twoW = 0;
        for (ClusterCohesion c : cohesion) twoW += 2 * c.internalWeight() + c.externalWeight();
        if (twoW == 0) return 0.0;
        double q = 0;
        for (ClusterCohesion c : cohesion) {
            double s = (2 * c.internalWeight() + c.externalWeight()) / twoW;
            q += 2 * c.internalWeight() / twoW - s * s;
        }
        return q;
    }
}
