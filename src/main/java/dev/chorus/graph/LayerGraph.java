package dev.chorus.graph;

import dev.chorus.ingest.InteractionType;
import java.util.Set;
import java.util.function.IntToLongFunction;

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
        return of(g, e -> {
            long r = 0;
            for (InteractionType t : chosen) r += g.typeCount(e, t);
            return r;
        });
    }

    /**
     * The layer from its rows per arc counted elsewhere: Spark keeps a pair's rows per layer, not per type, so its
     * copy of the graph has no types to choose from; the layer is still built here, by the same rules.
     *
     * @param rows the rows of the layer's types on arc {@code e} of {@code g.out()}; on undirected graphs equal for
     *             both arcs of a pair
     */
    public static InteractionGraph of(InteractionGraph g, IntToLongFunction rows) {
        Adjacency out = g.out();
        int n = g.nodeCount();
        int[] offsets = new int[n + 1];
        long[] counts = new long[out.size()];
        for (int u = 0; u < n; u++) {
            int kept = 0;
            for (int e = out.start(u); e < out.end(u); e++) {
                counts[e] = rows.applyAsLong(e);
                if (counts[e] > 0) kept++;
            }
            offsets[u + 1] = offsets[u] + kept;
        }
        int[] targets = new int[offsets[n]];
        double[] weights = new double[offsets[n]];
        for (int u = 0, i = 0; u < n; u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                if (counts[e] == 0) continue;
                targets[i] = out.neighbor(e);
                weights[i++] = counts[e];
            }
        }
        return new InteractionGraph(g.ids(), new NodeAttributes(), g.isDirected(), new Adjacency(offsets, targets, weights),
                new EdgeData(new InteractionType[0], null, null, null), g.threads());
    }
}
