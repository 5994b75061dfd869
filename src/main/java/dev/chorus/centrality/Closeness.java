package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.List;

/**
 * Closeness: how near a node is to the people who can reach it.
 * <p>
 * L. C. Freeman, "Centrality in social networks: conceptual clarification", Social Networks 1(3) (1978)
 * 215–239, doi:10.1016/0378-8733(78)90021-7; with the Wasserman–Faust correction for disconnected graphs
 * (S. Wasserman, K. Faust, Social Network Analysis: Methods and Applications, Cambridge University Press 1994,
 * p. 201, doi:10.1017/CBO9780511815478). Conventions exactly as NetworkX's {@code closeness_centrality}
 * (2.8/3.x):
 * <ul>
 * <li>{@code C(u) = (r-1) / S(u)}, where {@code S(u)} is the sum of distances {@code d(v,u)} <em>from</em> the
 * {@code r-1} other nodes {@code v} that can reach {@code u} (incoming distances on directed graphs; on undirected
 * graphs, u's component);</li>
 * <li>{@code wfImproved} (default) multiplies by {@code (r-1)/(n-1)}, so that nodes reachable only from a small
 * part of the graph score lower;</li>
 * <li>0 for a node nothing else reaches, and for every node when {@code n <= 1}; self-loops are ignored;</li>
 * <li>unweighted (hops) by default; with {@code weighted} an arc's length is {@code 1 / weight} (interaction
 * weight is a strength), and arcs of weight 0 are ignored (NetworkX: {@code distance=} an attribute holding
 * {@code 1/w}, zero-weight edges removed).</li>
 * </ul>
 * One search per node along in-arcs: O(n m) time unweighted, O(n m log n) weighted; O(n) memory per thread
 * besides the graph.
 * Nodes are split into fixed chunks and each score is computed by one thread alone, so results are identical for
 * any thread count.
 */
public final class Closeness {
    private Closeness() {
    }

    public static NodeScores compute(InteractionGraph g, ClosenessConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static NodeScores compute(InteractionGraph g, ClosenessConfig config, Progress progress) {
        int n = g.nodeCount();
        ShortestPaths.TargetScore score = paths -> {
            double sum = 0;
            for (int k = 1; k < paths.reached; k++) sum += paths.dist[paths.order[k]];
            return closeness(sum, paths.reached, n, config.wfImproved());
        };
        double[] scores = ShortestPaths.perTarget(g, config.weighted(), config.threads(), progress, "closeness", score);
        return new NodeScores("closeness", g.ids(), List.of("closeness"), List.of(scores), "closeness", 0, true);
    }

    /** NetworkX's formula, operation for operation, for a node reached from {@code reached - 1} others. */
    private static double closeness(double sum, int reached, int n, boolean wfImproved) {
        if (!(sum > 0) || n <= 1) return 0.0;
        double c = (reached - 1.0) / sum;
        if (wfImproved) c *= (reached - 1.0) / (n - 1);
        return c;
    }
}
