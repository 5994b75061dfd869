package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.List;

/**
 * Harmonic centrality: {@code H(u) = sum over v != u of 1 / d(v,u)}, with {@code 1/infinity = 0}, so it is
 * defined on disconnected graphs where closeness is not.
 * <p>
 * M. Marchiori, V. Latora, "Harmony in the small-world", Physica A 285(3–4) (2000) 539–546,
 * doi:10.1016/S0378-4371(00)00311-3; P. Boldi, S. Vigna, "Axioms for centrality", Internet Mathematics 10(3–4)
 * (2014) 222–262, doi:10.1080/15427951.2013.865686. Conventions exactly as NetworkX's {@code harmonic_centrality}
 * (2.8.8):
 * <ul>
 * <li>distances run <em>to</em> {@code u}: NetworkX 2.8.8 searches from every source {@code v} and adds
 * {@code 1/d(v,u)} to {@code u}, i.e. incoming distances on directed graphs, the same direction as
 * {@link Closeness} (JGraphT's {@code HarmonicCentrality} defaults to outgoing distances);</li>
 * <li>not normalized (JGraphT divides by {@code n-1} by default); self-loops are ignored;</li>
 * <li>unweighted (hops) by default; with {@code weighted} an arc's length is {@code 1 / weight} (interaction
 * weight is a strength), and arcs of weight 0 are ignored (NetworkX: {@code distance=} an attribute holding
 * {@code 1/w}, zero-weight edges removed).</li>
 * </ul>
 * One search per node along in-arcs: O(n m) time unweighted, O(n m log n) weighted; O(n) memory per thread
 * besides the graph.
 * Nodes are split into fixed chunks and each score is computed by one thread alone, so results are identical for
 * any thread count.
 */
public final class Harmonic {
    private Harmonic() {
    }

    public static NodeScores compute(InteractionGraph g, HarmonicConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static NodeScores compute(InteractionGraph g, HarmonicConfig config, Progress progress) {
        ShortestPaths.TargetScore score = paths -> {
            double sum = 0;
            for (int k = 1; k < paths.reached; k++) sum += 1.0 / paths.dist[paths.order[k]];
            return sum;
        };
        double[] scores = ShortestPaths.perTarget(g, config.weighted(), config.threads(), progress, "harmonic", score);
        return new NodeScores("harmonic", g.ids(), List.of("harmonic"), List.of(scores), "harmonic", 0, true);
    }
}
