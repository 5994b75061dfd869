package dev.chorus.graph;

import dev.chorus.ingest.InteractionType;
import java.util.Set;

/**
 * One layer of a typed interaction graph: the same nodes, in the same order, and an arc wherever the graph
 * has rows of the chosen types, weighted by how many (the per-type counts the graph keeps). For inputs whose rows
 * weigh 1 this is the graph that {@code --layer} reads, numbered as the whole graph so that per-layer columns
 * line up with the others. O(n + m) plus the build.
 */
public final class LayerGraph {
    private LayerGraph() {
    }

    public static InteractionGraph of(InteractionGraph g, Set<InteractionType> types) {
        GraphBuilder b = new GraphBuilder(g.isDirected());
        IdMap ids = g.ids();
        for (int u = 0; u < g.nodeCount(); u++) b.addNode(ids.id(u));
        InteractionType[] chosen = g.types().stream().filter(types::contains).toArray(InteractionType[]::new);
        Adjacency out = g.out();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (!g.isDirected() && v < u) continue; // undirected pairs are stored both ways: once is enough
                long rows = 0;
                for (InteractionType t : chosen) rows += g.typeCount(e, t);
                if (rows > 0) b.add(ids.id(u), ids.id(v), rows);
            }
        }
        return b.build();
    }
}
