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
 * HITS hubs and authorities.
 * <p>
 * Kleinberg, "Authoritative sources in a hyperlinked environment", Journal of the ACM 46(5) (1999),
 * doi:10.1145/324133.324140. With {@code A[u][v]} the weight of arc {@code u -> v}, the authority vector is the
 * principal eigenvector of {@code A^T A} and the hub vector is {@code A a}; both are scaled to sum to 1. This is
 * what NetworkX 2.8.8's {@code hits} returns (it takes the top singular vectors of {@code adjacency_matrix(G)},
 * sets {@code h = A a} and divides each by its sum), and its {@code adjacency_matrix} reads the {@code weight}
 * attribute, so HITS is weighted by default; {@code weighted(false)} counts arcs. On an undirected graph {@code A}
 * is symmetric (a self-loop is one diagonal entry) and hubs equal authorities.
 * <p>
 * In interaction terms an arc "u acted on v" makes u a hub pointing at v: authorities are people whose content
 * good hubs act on, hubs are people who act on good authorities.
 * <p>
 * Computed by power iteration as NetworkX's reference {@code _hits_python}: from the uniform hub vector, repeat
 * {@code a = A^T h}, {@code h = A a}, each divided by its sum, until the L1 change of {@code h} is below
 * {@code tolerance}; after {@code maxIterations} the last iterate comes with {@code converged == false}. When the
 * top singular value is not simple (e.g. two identical disconnected components), NetworkX's answer depends on
 * ARPACK's start vector; this one is the projection of the uniform start, so it is reproducible. A graph without
 * arc weight has no hubs or authorities: every score is 0 (NetworkX divides 0 by 0).
 * <p>
 * Each iteration is O(n + m) on {@code threads} threads over fixed node chunks (authorities pull along in-arcs,
 * hubs along out-arcs), sums combined in chunk order, so results are bit-identical for any thread count.
 */
public final class Hits {
    private Hits() {
    }

    public static NodeScores compute(InteractionGraph g, HitsConfig config) {
        return compute(g, config, Progress.NONE);
    }

    /** Columns {@code hub, authority}, each summing to 1; ranked by {@code authority}. */
    public static NodeScores compute(InteractionGraph g, HitsConfig config, Progress progress) {
        int n = g.nodeCount();
        double[] hub = new double[n];
        double[] authority = new double[n];
        double total = config.weighted() ? g.weightSum() : g.arcCount();
        if (n == 0 || total == 0) return result(g, hub, authority, 0, true);
        Adjacency in = g.in();
        Adjacency out = g.out();
        boolean weighted = config.weighted();
        Arrays.fill(hub, 1.0 / n);
        double[] nextHub = new double[n];
        Chunks inChunks = Chunks.balanced(in.offsets(), Chunks.DEFAULT_CHUNKS);
        Chunks outChunks = Chunks.balanced(out.offsets(), Chunks.DEFAULT_CHUNKS);
        double[] inPartial = new double[inChunks.count()];
        double[] outPartial = new double[outChunks.count()];
        ForkJoinPool pool = Chunks.pool(config.threads());
        int iterations = 0;
        boolean converged = false;
        try (Progress.Task task = progress.begin("hits", config.maxIterations(), "iterations")) {
            while (iterations < config.maxIterations()) {
                double[] h = hub;
                double[] hn = nextHub;
                pull(in, weighted, h, authority, inChunks, inPartial, pool);
                scale(authority, 1.0 / Arrays.stream(inPartial).sum(), null, inChunks, inPartial, pool);
                pull(out, weighted, authority, hn, outChunks, outPartial, pool);
                scale(hn, 1.0 / Arrays.stream(outPartial).sum(), h, outChunks, outPartial, pool);
                nextHub = hub;
                hub = hn;
                iterations++;
                task.stepTo(iterations);
                if (Arrays.stream(outPartial).sum() < config.tolerance()) {
                    converged = true;
                    break;
                }
            }
        } finally {
            if (pool != null) pool.shutdown();
        }
        return result(g, hub, authority, iterations, converged);
    }

    /** {@code to[v] = sum of w * from[u]} over the row of v; per-chunk sums of {@code to} into {@code partial}. */
    private static void pull(Adjacency rows, boolean weighted, double[] from, double[] to, Chunks chunks,
                             double[] partial, ForkJoinPool pool) {
        int[] offsets = rows.offsets();
        int[] neighbors = rows.neighbors();
        double[] weights = rows.weights();
        chunks.forEach(pool, c -> {
            double total = 0;
            for (int v = chunks.start(c); v < chunks.end(c); v++) {
                double s = 0;
                if (weighted) {
                    for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) s += from[neighbors[i]] * weights[i];
                } else {
                    for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) s += from[neighbors[i]];
                }
                to[v] = s;
                total += s;
            }
            partial[c] = total;
        });
    }

    /** {@code x *= factor}; with {@code previous}, per-chunk L1 distances to it into {@code partial}. */
    private static void scale(double[] x, double factor, double[] previous, Chunks chunks, double[] partial,
                              ForkJoinPool pool) {
        chunks.forEach(pool, c -> {
            double err = 0;
            for (int v = chunks.start(c); v < chunks.end(c); v++) {
                x[v] *= factor;
                if (previous != null) err += Math.abs(x[v] - previous[v]);
            }
            partial[c] = err;
        });
    }

    private static NodeScores result(InteractionGraph g, double[] hub, double[] authority, int iterations, boolean converged) {
        return new NodeScores("hits", g.ids(), List.of("hub", "authority"), List.of(hub, authority), "authority",
                iterations, converged);
    }
}
