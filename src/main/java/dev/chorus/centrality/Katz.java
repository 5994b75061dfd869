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
 * Katz centrality: {@code x = alpha A^T x + beta}, i.e. every walk ending at a node counts, attenuated by
 * {@code alpha} per step.
 * <p>
 * Katz, "A new status index derived from sociometric analysis", Psychometrika 18(1) (1953),
 * doi:10.1007/BF02289026. Conventions exactly as NetworkX's {@code katz_centrality} (2.8):
 * <ul>
 * <li>in-edges: {@code x[v] = alpha * sum of x[u] over arcs u -> v + beta}; an undirected edge counts both ways,
 * a self-loop once; unweighted by default ({@code weight=None}), weighted multiplies by the interaction weight;</li>
 * <li>Jacobi iteration from {@code x = 0}; stop when {@code sum |x' - x| < n * tolerance}; then scale to unit
 * Euclidean norm ({@code normalized=True});</li>
 * <li>after {@code maxIterations} without convergence (alpha at or above {@code 1/rho}) the last finite iterate is
 * returned, normalized, with {@code converged == false} (NetworkX raises); iteration also stops as soon as the
 * iterate overflows.</li>
 * </ul>
 * The one difference is the default alpha, which the Chorus contract sets to {@code 0.9 / rho} where {@code rho}
 * is the spectral radius of the adjacency matrix used (weighted or not), so that the series converges on any
 * graph; see {@link #alpha}. An explicit alpha overrides it.
 * <p>
 * Each iteration is O(n + m) on {@code threads} threads over fixed node chunks, sums combined in chunk order, so
 * results are bit-identical for any thread count. The default alpha costs one more O(n + m) strongly connected
 * components pass and O(n + m) per spectral-radius iteration.
 */
public final class Katz {
    /** Alpha when the spectral radius is 0 (a DAG: every series is finite): NetworkX's default alpha. */
    public static final double ACYCLIC_ALPHA = 0.1;
    /** Share of {@code 1/rho} the default alpha takes. */
    public static final double ALPHA_SHARE = 0.9;
    /** Relative width of the spectral-radius bracket at which the iteration stops. */
    static final double RADIUS_TOLERANCE = 1e-12;

    private Katz() {
    }

    public static NodeScores compute(InteractionGraph g, KatzConfig config) {
        return compute(g, config, Progress.NONE);
    }

    /** Column {@code katz}, unit Euclidean norm. */
    public static NodeScores compute(InteractionGraph g, KatzConfig config, Progress progress) {
        int n = g.nodeCount();
        if (n == 0) return result(g, new double[0], 0, true);
        ForkJoinPool pool = Chunks.pool(config.threads());
        try {
            double alpha = config.alpha().isPresent() ? config.alpha().getAsDouble() : defaultAlpha(g, config, pool, progress);
            return iterate(g, config, alpha, pool, progress);
        } finally {
            if (pool != null) pool.shutdown();
        }
    }

    /**
     * The alpha {@link #compute} uses: the configured one, or else {@code 0.9 / rho} with {@code rho} the spectral
     * radius of the adjacency matrix (weighted or not as configured), or {@link #ACYCLIC_ALPHA} when
     * {@code rho = 0} (no cycles: the adjacency matrix is nilpotent, so the series is finite for every alpha and
     * {@code 0.9 / rho} means nothing).
     * <p>
     * How {@code rho} is computed: {@code rho(A)} is the largest spectral radius of the diagonal blocks of
     * {@code A}'s strongly connected components (Frobenius normal form; Tarjan, doi:10.1137/0201010, with
     * zero-weight arcs left out when weighted). Each block is irreducible and nonnegative, so for any positive
     * {@code x} the Collatz–Wielandt bounds {@code min_i (A x)_i / x_i <= rho(block) <= max_i (A x)_i / x_i} hold
     * (Horn &amp; Johnson, Matrix Analysis, ch. 8). Power iteration {@code x <- (A + s I) x}, normalized per
     * component, drives every block's bounds together; the shift {@code s}, half the current lower bound, makes
     * periodic blocks (bipartite graphs, directed cycles) converge without moving the eigenvector. Iteration stops
     * when {@code max upper - max lower <= 1e-12 * upper} or after {@code maxIterations}, and the upper bound is
     * returned: {@code alpha * rho <= 0.9} holds whether or not the bracket closed.
     */
    public static double alpha(InteractionGraph g, KatzConfig config) {
        if (config.alpha().isPresent()) return config.alpha().getAsDouble();
        ForkJoinPool pool = Chunks.pool(config.threads());
        try {
            return defaultAlpha(g, config, pool, Progress.NONE);
        } finally {
            if (pool != null) pool.shutdown();
        }
    }

    private static double defaultAlpha(InteractionGraph g, KatzConfig config, ForkJoinPool pool, Progress progress) {
        double rho = spectralRadius(g, config.weighted(), config.maxIterations(), pool, progress);
        return rho > 0 ? ALPHA_SHARE / rho : ACYCLIC_ALPHA;
    }

    private static NodeScores iterate(InteractionGraph g, KatzConfig config, double alpha, ForkJoinPool pool,
                                      Progress progress) {
        int n = g.nodeCount();
        Adjacency in = g.in();
        int[] offsets = in.offsets();
        int[] sources = in.neighbors();
        double[] weights = in.weights();
        boolean weighted = config.weighted();
        double beta = config.beta();
        double[] x = new double[n];
        double[] next = new double[n];
        Chunks chunks = Chunks.balanced(offsets, Chunks.DEFAULT_CHUNKS);
        double[] partial = new double[chunks.count()];
        int iterations = 0;
        boolean converged = false;
        try (Progress.Task task = progress.begin("katz", config.maxIterations(), "iterations")) {
            while (iterations < config.maxIterations()) {
                double[] cur = x;
                double[] nxt = next;
                chunks.forEach(pool, c -> {
                    double err = 0;
                    for (int v = chunks.start(c); v < chunks.end(c); v++) {
                        double s = 0;
                        if (weighted) {
                            for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) s += cur[sources[i]] * weights[i];
                        } else {
                            for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) s += cur[sources[i]];
                        }
                        nxt[v] = alpha * s + beta;
                        err += Math.abs(nxt[v] - cur[v]);
                    }
                    partial[c] = err;
                });
                double err = Arrays.stream(partial).sum();
                if (!Double.isFinite(err)) break; // diverging: keep the last finite iterate
                next = x;
                x = nxt;
                iterations++;
                task.stepTo(iterations);
                if (err < n * config.tolerance()) {
                    converged = true;
                    break;
                }
            }
        }
        normalize(x, chunks, partial, pool);
        return result(g, x, iterations, converged);
    }

    /** Divides by the Euclidean norm, scaled by the largest entry so that a diverged iterate cannot overflow it. */
    private static void normalize(double[] x, Chunks chunks, double[] partial, ForkJoinPool pool) {
        double max = 0;
        for (double v : x) max = Math.max(max, v); // > 0: every accepted iterate is >= beta
        double m = max;
        chunks.forEach(pool, c -> {
            double squares = 0;
            for (int v = chunks.start(c); v < chunks.end(c); v++) squares += (x[v] / m) * (x[v] / m);
            partial[c] = squares;
        });
        double norm = m * Math.sqrt(Arrays.stream(partial).sum());
        chunks.forEach(pool, c -> {
            for (int v = chunks.start(c); v < chunks.end(c); v++) x[v] /= norm;
        });
    }

    /** Upper Collatz–Wielandt bound on the spectral radius, tight to {@link #RADIUS_TOLERANCE} when it converges. */
    static double spectralRadius(InteractionGraph g, boolean weighted, int maxIterations, ForkJoinPool pool,
                                 Progress progress) {
        int n = g.nodeCount();
        int[] comp = new int[n];
        int count = strongComponents(g.out(), weighted, comp);
        // a block has a nonzero spectral radius iff it has a cycle: two or more nodes, or a (positive) self-loop
        boolean[] cyclic = new boolean[count];
        int[] size = new int[count];
        for (int v = 0; v < n; v++) size[comp[v]]++;
        boolean anyCycle = false;
        Adjacency out = g.out();
        for (int v = 0; v < n; v++) {
            int loop = out.find(v, v);
            cyclic[comp[v]] |= size[comp[v]] > 1 || (loop >= 0 && (!weighted || out.weight(loop) > 0));
            anyCycle |= cyclic[comp[v]];
        }
        if (!anyCycle) return 0;

        Adjacency in = g.in();
        int[] offsets = in.offsets();
        int[] sources = in.neighbors();
        double[] weights = in.weights();
        // in-arcs inside a component, as bits: reading them is sequential, unlike comp[] of every source
        long[] inside = new long[(in.size() + 63) >>> 6];
        for (int v = 0; v < n; v++) {
            for (int i = offsets[v]; i < offsets[v + 1]; i++) if (comp[sources[i]] == comp[v]) inside[i >>> 6] |= 1L << i;
        }
        double[] x = new double[n];
        Arrays.fill(x, 1.0);
        double[] ax = new double[n];
        double[] lower = new double[count];
        double[] top = new double[count];
        Chunks chunks = Chunks.balanced(offsets, Chunks.DEFAULT_CHUNKS);
        double upper = 0;
        try (Progress.Task task = progress.begin("katz: spectral radius", maxIterations, "iterations")) {
            for (int it = 1; it <= maxIterations; it++) {
                chunks.forEach(pool, c -> {
                    for (int v = chunks.start(c); v < chunks.end(c); v++) {
                        double s = 0;
                        if (weighted) {
                            for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                                if ((inside[i >>> 6] & (1L << i)) != 0) s += x[sources[i]] * weights[i];
                            }
                        } else {
                            for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                                if ((inside[i >>> 6] & (1L << i)) != 0) s += x[sources[i]];
                            }
                        }
                        ax[v] = s;
                    }
                });
                // min and max are exact, so this serial pass needs no fixed order to be reproducible
                Arrays.fill(lower, Double.POSITIVE_INFINITY);
                upper = 0;
                for (int v = 0; v < n; v++) {
                    double r = ax[v] / x[v];
                    upper = Math.max(upper, r);
                    lower[comp[v]] = Math.min(lower[comp[v]], r);
                }
                double lowerBound = 0;
                for (int c = 0; c < count; c++) if (cyclic[c]) lowerBound = Math.max(lowerBound, lower[c]);
                task.stepTo(it);
                if (upper - lowerBound <= RADIUS_TOLERANCE * upper) break;
                double shift = lowerBound / 2;
                Arrays.fill(top, 0);
                for (int v = 0; v < n; v++) {
                    ax[v] += shift * x[v];
                    top[comp[v]] = Math.max(top[comp[v]], ax[v]);
                }
                for (int v = 0; v < n; v++) x[v] = ax[v] / top[comp[v]];
            }
        }
        return upper;
    }

    /**
     * Tarjan's strongly connected components over {@code adjacency}, iterative so that deep graphs cannot overflow
     * the stack. Not {@code community.ConnectedComponents}' SCC: when weighted, zero-weight arcs must be skipped,
     * or a block could be reducible and its bounds would never meet. Writes component ids into {@code comp};
     * returns their number. O(n + m).
     */
    static int strongComponents(Adjacency adjacency, boolean weighted, int[] comp) {
        int n = adjacency.nodeCount();
        int[] offsets = adjacency.offsets();
        int[] targets = adjacency.neighbors();
        double[] weights = adjacency.weights();
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        Arrays.fill(comp, -1);
        int[] stack = new int[n];
        int[] callNode = new int[n];
        int[] callArc = new int[n];
        int sp = 0;
        int counter = 0;
        int count = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) continue;
            int depth = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            callNode[0] = root;
            callArc[0] = offsets[root];
            depth++;
            while (depth > 0) {
                int v = callNode[depth - 1];
                int e = callArc[depth - 1];
                if (e < offsets[v + 1]) {
                    callArc[depth - 1]++;
                    if (weighted && !(weights[e] > 0)) continue;
                    int u = targets[e];
                    if (index[u] < 0) {
                        index[u] = low[u] = counter++;
                        stack[sp++] = u;
                        callNode[depth] = u;
                        callArc[depth] = offsets[u];
                        depth++;
                    } else if (comp[u] < 0) { // visited and unassigned = still on the stack
                        low[v] = Math.min(low[v], index[u]);
                    }
                } else {
                    depth--;
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            comp[w] = count;
                        } while (w != v);
                        count++;
                    }
                    if (depth > 0) {
                        int parent = callNode[depth - 1];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        return count;
    }

    private static NodeScores result(InteractionGraph g, double[] x, int iterations, boolean converged) {
        return new NodeScores("katz", g.ids(), List.of("katz"), List.of(x), "katz", iterations, converged);
    }
}
