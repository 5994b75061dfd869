package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;

/**
 * In-, out- and total degree, weighted (sum of interaction weights) or not (number of arcs).
 * <p>
 * Conventions as NetworkX's {@code in_degree}, {@code out_degree} and {@code degree}: a self-loop adds to both
 * the in- and the out-degree of its node (so twice to the total); on an undirected graph all three columns are
 * the degree, with a self-loop counted twice. In interaction terms, in-degree is attention received (others
 * acted on your content) and out-degree is activity. O(n + m).
 */
public final class Degree {
    private Degree() {
    }

    public static NodeScores compute(InteractionGraph g, DegreeConfig config) {
        return compute(g, config, Progress.NONE);
    }

    /** Columns {@code in, out, total}; ranked by {@code total}. One pass: progress is the phase, no steps. */
    public static NodeScores compute(InteractionGraph g, DegreeConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("degree", g.nodeCount(), "nodes")) {
            NodeScores s = count(g, config);
            task.stepTo(g.nodeCount());
            return s;
        }
    }

    private static NodeScores count(InteractionGraph g, DegreeConfig config) {
        int n = g.nodeCount();
        double[] in = new double[n];
        double[] out = new double[n];
        double[] total = new double[n];
        Adjacency a = g.out();
        for (int u = 0; u < n; u++) {
            for (int e = a.start(u); e < a.end(u); e++) {
                double w = config.weighted() ? a.weight(e) : 1.0;
                int v = a.neighbor(e);
                out[u] += w;
                in[v] += w;
            }
        }
        for (int u = 0; u < n; u++) {
            if (g.isDirected()) {
                total[u] = in[u] + out[u];
            } else {
                // out[u] holds each loop once; NetworkX counts a loop twice in the degree
                int loop = a.find(u, u);
                double d = out[u] + (loop >= 0 ? (config.weighted() ? a.weight(loop) : 1.0) : 0.0);
                in[u] = d;
                out[u] = d;
                total[u] = d;
            }
        }
        return new NodeScores("degree", g.ids(), java.util.List.of("in", "out", "total"),
                java.util.List.of(in, out, total), "total", 0, true);
    }
}
