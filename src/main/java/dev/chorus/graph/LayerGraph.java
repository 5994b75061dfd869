package dev.chorus.graph;

import dev.chorus.ingest.InteractionType;
import java.util.Set;

/**
 * One layer of a typed interaction graph: the same nodes, in the same order, and an arc wherever the graph
 * has rows of the chosen types, weighted by how many (the per-type counts the graph keeps). For inputs whose rows
 * weigh 1 this is the graph that {@code --layer} reads, numbered as the whole graph so that per-layer columns
 * line up with the others. The layer's arcs are those of the graph, filtered in place: rows stay sorted by
 * target as {@link GraphBuilder} leaves them (for undirected graphs both arcs of a pair are kept or dropped
 * together, as the builder would have made them), and the id dictionary is the graph's own, so no id is read
 * again. The layer has no types and no times. O(n + m).
 */
public final class LayerGraph {
    private LayerGraph() {
    }

    public static InteractionGraph of(InteractionGraph g, Set<InteractionType> types) {
        InteractionType[] chosen = g.types().stream().filter(types::contains).toArray(InteractionType[]::new);
        Adjacency out = g.out();
        int n = g.nodeCount();
        int[] offsets = new int[n + 1];
        long[] rows = new long[out.size()];
        for (int u = 0; u < n; u++) {
            int kept = 0;
            for (int e = out.start(u); e < out.end(u); e++) {
                long r = 0;
                for (InteractionType t : chosen) r += g.typeCount(e, t);
                rows[e] = r;
                if (r > 0) kept++;
            }
            offsets[u + 1] = offsets[u] + kept;
        }
        int[] targets = new int[offsets[n]];
        double[] weights = new double[offsets[n]];
        for (int u = 0, i = 0; u < n; u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                if (rows[e] == 0) continue;
                targets[i] = out.neighbor(e);
                weights[i++] = rows[e];
            }
        }
        return new InteractionGraph(g.ids(), new NodeAttributes(), g.isDirected(), new Adjacency(offsets, targets, weights),
                new EdgeData(new InteractionType[0], null, null, null), g.threads());
    }
}
