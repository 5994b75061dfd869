package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * PageRank by power iteration, pulling along in-arcs.
 * <p>
 * Brin &amp; Page, "The anatomy of a large-scale hypertextual Web search engine", Computer Networks 30 (1998),
 * doi:10.1016/S0169-7552(98)00110-X. Conventions as NetworkX's {@code pagerank} (2.8/3.x):
 * <ul>
 * <li>a walker at {@code u} follows arc {@code u -> v} with probability {@code w(u,v) / sum of u's out-weights}
 * (weighted, default) or {@code 1 / outdegree(u)}; self-loops are ordinary arcs;</li>
 * <li>a node with no out-weight is dangling: its mass is spread like the restart vector, i.e. uniformly, or
 * over the personalization set when one is given (NetworkX's default when {@code dangling=None});</li>
 * <li>restart with probability {@code 1 - damping} to the restart vector (uniform, or uniform over the
 * personalization set);</li>
 * <li>start from the uniform vector; stop when {@code sum |x' - x| < n * tolerance} or after
 * {@code maxIterations} (then {@code converged == false}; NetworkX raises instead);</li>
 * <li>undirected graphs walk both directions of every edge, as NetworkX does.</li>
 * </ul>
 * In interaction terms, an arc "u acted on v" passes u's attention to v: high PageRank means attention from
 * people who themselves receive attention.
 * <p>
 * Each iteration is O(n + m) and runs on {@code threads} threads over fixed node chunks: every score is summed
 * by one thread in in-arc order, and global sums are combined in chunk order, so the result is bit-identical for
 * any thread count.
 */
public final class PageRank {
    private PageRank() {
    }

    public static NodeScores compute(InteractionGraph g, PageRankConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static NodeScores compute(InteractionGraph g, PageRankConfig config, Progress progress) {
        int n = g.nodeCount();
        if (n == 0) return result(g, new double[0], 0, true);
        Adjacency in = g.in();
        Adjacency out = g.out();
        double[] restart = restartVector(g, config.personalize());
        // inverse out-weight per node; 0 marks dangling nodes
        double[] invOut = new double[n];
        for (int u = 0; u < n; u++) {
            double s = config.weighted() ? out.weightedDegree(u) : out.degree(u);
            invOut[u] = s > 0 ? 1.0 / s : 0.0;
        }
        int[] inOffsets = in.offsets();
        int[] sources = in.neighbors();
        double[] inWeights = in.weights();
        boolean weighted = config.weighted();
        double d = config.damping();

        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        double[] next = new double[n];
        double[] share = new double[n]; // x[u] / outweight(u)
        Chunks chunks = Chunks.balanced(inOffsets, Chunks.DEFAULT_CHUNKS);
        double[] partialDangling = new double[chunks.count()];
        double[] partialErr = new double[chunks.count()];
        ForkJoinPool pool = Chunks.pool(config.threads());
        int iterations = 0;
        boolean converged = false;
        try (Progress.Task task = progress.begin("pagerank", config.maxIterations(), "iterations")) {
            while (iterations < config.maxIterations()) {
                double[] cur = x;
                chunks.forEach(pool, c -> {
                    double dangling = 0;
                    for (int u = chunks.start(c); u < chunks.end(c); u++) {
                        share[u] = cur[u] * invOut[u];
                        if (invOut[u] == 0) dangling += cur[u];
                    }
                    partialDangling[c] = dangling;
                });
                double danglingMass = 0;
                for (double p : partialDangling) danglingMass += p;
                double base = d * danglingMass; // spread like the restart vector, plus the restart itself
                double[] nxt = next;
                chunks.forEach(pool, c -> {
                    double err = 0;
                    for (int v = chunks.start(c); v < chunks.end(c); v++) {
                        double sum = 0;
                        if (weighted) {
                            for (int i = inOffsets[v], end = inOffsets[v + 1]; i < end; i++) sum += share[sources[i]] * inWeights[i];
                        } else {
                            for (int i = inOffsets[v], end = inOffsets[v + 1]; i < end; i++) sum += share[sources[i]];
                        }
                        double value = d * sum + (base + (1 - d)) * restart[v];
                        nxt[v] = value;
                        err += Math.abs(value - cur[v]);
                    }
                    partialErr[c] = err;
                });
                double err = 0;
                for (double e : partialErr) err += e;
                next = x;
                x = nxt;
                iterations++;
                task.stepTo(iterations);
                if (err < n * config.tolerance()) {
                    converged = true;
                    break;
                }
            }
        } finally {
            if (pool != null) pool.shutdown();
        }
        return result(g, x, iterations, converged);
    }

    private static double[] restartVector(InteractionGraph g, List<String> personalize) {
        int n = g.nodeCount();
        double[] r = new double[n];
        if (personalize.isEmpty()) {
            java.util.Arrays.fill(r, 1.0 / n);
            return r;
        }
        int[] idx = personalize.stream().mapToInt(id -> {
            int i = g.ids().index(id);
            if (i < 0) throw new IllegalArgumentException("personalize: no node with id '" + id + "'");
            return i;
        }).distinct().toArray();
        for (int i : idx) r[i] = 1.0 / idx.length;
        return r;
    }

    private static NodeScores result(InteractionGraph g, double[] x, int iterations, boolean converged) {
        return new NodeScores("pagerank", g.ids(), List.of("pagerank"), List.of(x), "pagerank", iterations, converged);
    }
}
