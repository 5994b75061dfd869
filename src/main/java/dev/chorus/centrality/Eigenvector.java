package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Eigenvector centrality: the principal left eigenvector of the adjacency matrix, so that a node is central when
 * the nodes acting on it are central.
 * <p>
 * Bonacich, "Power and centrality: a family of measures", American Journal of Sociology 92(5) (1987),
 * doi:10.1086/228631. Conventions exactly as NetworkX's {@code eigenvector_centrality} (2.8):
 * <ul>
 * <li>in-edges: {@code x[v]} sums {@code x[u]} over arcs {@code u -> v} ("left" eigenvector, {@code A^T x});
 * on an undirected graph every edge counts both ways and a self-loop once;</li>
 * <li>unweighted by default ({@code weight=None}); weighted multiplies by the interaction weight;</li>
 * <li>power iteration on {@code A^T + I} (the shift makes it converge on bipartite and periodic graphs without
 * changing the eigenvector) from the uniform vector {@code 1/n}, L2-normalized after every step;</li>
 * <li>stop when {@code sum |x' - x| < n * tolerance}; after {@code maxIterations} without that, the last iterate
 * is returned with {@code converged == false} (NetworkX raises {@code PowerIterationFailedConvergence}).
 * A DAG never converges (the only eigenvalue is 0); isolated nodes keep the uniform start, so a graph without
 * arcs scores {@code 1/sqrt(n)} everywhere.</li>
 * </ul>
 * In interaction terms: attention from people who themselves get attention.
 * <p>
 * Each iteration is O(n + m) and runs on {@code threads} threads over fixed node chunks; every score is summed
 * by one thread in in-arc order and the norm and error are combined from per-chunk partials in chunk order, so the result is
 * bit-identical for any thread count.
 */
public final class Eigenvector {
    private Eigenvector() {
    }

    public static NodeScores compute(InteractionGraph g, EigenvectorConfig config) {
        return compute(g, config, Progress.NONE);
    }

    /** Column {@code eigenvector}, unit Euclidean norm. */
    public static NodeScores compute(InteractionGraph g, EigenvectorConfig config, Progress progress) {
        int n = g.nodeCount();
        if (n == 0) return result(g, new double[0], 0, true);
        Adjacency in = g.in();
        int[] offsets = in.offsets();
        int[] sources = in.neighbors();
        double[] weights = in.weights();
        boolean weighted = config.weighted();

        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        double[] next = new double[n];
        Chunks chunks = Chunks.balanced(offsets, Chunks.DEFAULT_CHUNKS);
        double[] partial = new double[chunks.count()];
        ForkJoinPool pool = Chunks.pool(config.threads());
        int iterations = 0;
        boolean converged = false;
        try (Progress.Task task = progress.begin("eigenvector", config.maxIterations(), "iterations")) {
            while (iterations < config.maxIterations()) {
                double[] cur = x;
                double[] nxt = next;
                chunks.forEach(pool, c -> {
                    double squares = 0;
                    for (int v = chunks.start(c); v < chunks.end(c); v++) {
                        double s = cur[v];
                        if (weighted) {
                            for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) s += cur[sources[i]] * weights[i];
                        } else {
                            for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) s += cur[sources[i]];
                        }
                        nxt[v] = s;
                        squares += s * s;
                    }
                    partial[c] = squares;
                });
                // positive: the shift keeps every entry >= its positive predecessor
                double norm = Math.sqrt(Arrays.stream(partial).sum());
                chunks.forEach(pool, c -> {
                    double err = 0;
                    for (int v = chunks.start(c); v < chunks.end(c); v++) {
                        nxt[v] /= norm;
                        err += Math.abs(nxt[v] - cur[v]);
                    }
                    partial[c] = err;
                });
                next = x;
                x = nxt;
                iterations++;
                task.stepTo(iterations);
                if (Arrays.stream(partial).sum() < n * config.tolerance()) {
                    converged = true;
                    break;
                }
            }
        } finally {
            if (pool != null) pool.shutdown();
        }
        return result(g, x, iterations, converged);
    }

    private static NodeScores result(InteractionGraph g, double[] x, int iterations, boolean converged) {
        return new NodeScores("eigenvector", g.ids(), List.of("eigenvector"), List.of(x), "eigenvector", iterations, converged);
    }
}
