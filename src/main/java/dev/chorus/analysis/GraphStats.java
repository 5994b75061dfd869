package dev.chorus.analysis;

import dev.chorus.graph.InteractionGraph;

/**
 * The graph section of {@code report.json}, as {@link InteractionGraph} defines each number; engines that compute
 * them by aggregation (Spark) fill the same record.
 *
 * @param reciprocity share of non-loop arcs answered by the reverse arc, NaN when undirected
 * @param density     as NetworkX: m / (n (n-1)) directed, 2m / (n (n-1)) undirected, 0 if n &lt; 2
 * @param weightSum   summed edge weight, each undirected pair once, self-loops included
 */
public record GraphStats(long nodes, long edges, boolean directed, long selfLoops, double reciprocity, double density, double weightSum) {
    public static GraphStats of(InteractionGraph g) {
        return new GraphStats(g.nodeCount(), g.edgeCount(), g.isDirected(), g.selfLoopCount(), g.reciprocity(), g.density(), g.weightSum());
    }
}
