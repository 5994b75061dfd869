package dev.chorus.centrality;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Shortest-path betweenness: {@code B(v) = sum over s != v != t of sigma_st(v) / sigma_st}, where
 * {@code sigma_st} counts the shortest s-t paths and {@code sigma_st(v)} those through {@code v}. In interaction
 * terms, the brokers: people many conversations would have to pass through.
 * <p>
 * Brandes' algorithm: U. Brandes, "A faster algorithm for betweenness centrality", Journal of Mathematical
 * Sociology 25(2) (2001) 163–177, doi:10.1080/0022250X.2001.9990249. One search and one backward accumulation of
 * dependencies per source: O(n m) time unweighted (BFS), O(n m log n) weighted (Dijkstra with a binary heap),
 * O(n) memory per thread besides the graph.
 * <p>
 * Conventions exactly as NetworkX's {@code betweenness_centrality} (2.8/3.x), whose default is normalized while
 * Chorus's is not:
 * <ul>
 * <li>exact, unnormalized, undirected pairs counted once: on an undirected graph the sum over ordered sources is
 * halved ({@code normalized=False}); with {@code normalized} the sum over ordered pairs is divided by
 * {@code (n-1)(n-2)} for directed and undirected graphs alike (i.e. {@code 2/((n-1)(n-2))} per undirected pair),
 * and not at all when {@code n <= 2};</li>
 * <li>endpoints are not counted; self-loops are ignored (they are never on a shortest path); directed graphs
 * follow arc direction;</li>
 * <li>default unweighted (hops). With {@code weighted} an arc's length is {@code 1 / weight}, because an
 * interaction weight is a strength (more interaction = closer); NetworkX equivalent: {@code weight=} an attribute
 * holding {@code 1/w}. Arcs of weight 0 have infinite length and are ignored (as if absent); path lengths are
 * compared exactly, as NetworkX does.</li>
 * </ul>
 * Sampled approximation ({@code samples = K}, Brandes &amp; Pich, "Centrality estimation in large networks",
 * International Journal of Bifurcation and Chaos 17(7) (2007) 2303–2318, doi:10.1142/S0218127407018403): K
 * distinct sources drawn uniformly without replacement (partial Fisher–Yates shuffle on
 * {@code SplittableRandom(seed)}), their dependencies scaled by {@code n/K}, then the scaling above. Error bound:
 * write {@code B(v) = sum_s delta_s(v)} (ordered pairs, before halving or normalization) and
 * {@code B^(v) = (n/K) sum_{i=1..K} delta_{s_i}(v)}. Then {@code E[B^(v)] = B(v)}, and since every dependency
 * lies in {@code [0, n-2]}, Hoeffding's inequality, which holds for sampling without replacement (W. Hoeffding,
 * "Probability inequalities for sums of bounded random variables", JASA 58(301) (1963) 13–30,
 * doi:10.1080/01621459.1963.10500830, Section 6), gives for each node and every {@code delta in (0,1)}:
 * {@code P(|B^(v) - B(v)| >= n (n-2) sqrt(ln(2/delta) / (2K))) <= delta}; with {@code ln(2n/delta)} instead of
 * {@code ln(2/delta)} the bound holds for all nodes at once (union bound). In result units, halve it for
 * undirected unnormalized scores; normalized, it reads {@code n/(n-1) sqrt(ln(2/delta) / (2K))}. It assumes only
 * uniform sampling and exact per-source dependencies; it is loose for nodes far below the maximum. {@code K >= n}
 * computes the exact result (NetworkX raises instead), {@code K = 0} means exact. Unlike NetworkX 2.8.8, which
 * forgets the {@code n/K} factor on directed graphs when unnormalized, the estimate is always scaled, so it is
 * unbiased in every mode.
 * <p>
 * Parallel over sources: sources are cut into fixed chunks, each chunk sums its sources' dependencies into its own
 * array (sources in order), and chunk arrays are added to the result in chunk order, so the result is
 * bit-identical for any thread count. Progress reports sources done (task {@code betweenness}).
 */
public final class Betweenness {
    private Betweenness() {
    }

    public static NodeScores compute(InteractionGraph g, BetweennessConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static NodeScores compute(InteractionGraph g, BetweennessConfig config, Progress progress) {
        int n = g.nodeCount();
        double[] total = new double[n];
        int[] sources = sources(n, config);
        Chunks chunks = Chunks.even(sources.length, Chunks.DEFAULT_CHUNKS);
        int slots = Math.min(config.threads(), chunks.count());
        Accumulator[] workers = new Accumulator[slots];
        double[][] partial = new double[slots][];
        ForkJoinPool pool = Chunks.pool(slots);
        try (Progress.Task task = progress.begin("betweenness", sources.length, "sources")) {
            ShortestPaths.inWaves(chunks, slots, pool, (c, slot) -> {
                if (workers[slot] == null) {
                    workers[slot] = config.weighted() ? new Brandes(g, true) : new HopBrandes(g.out());
                    partial[slot] = new double[n];
                }
                double[] acc = partial[slot];
                Arrays.fill(acc, 0.0);
                for (int i = chunks.start(c); i < chunks.end(c); i++) workers[slot].accumulate(sources[i], acc);
            }, (c, slot) -> {
                double[] acc = partial[slot];
                for (int v = 0; v < n; v++) total[v] += acc[v];
            }, task);
        } finally {
            if (pool != null) pool.shutdown();
        }
        double scale = g.isDirected() ? 1.0 : 0.5;
        if (config.normalized()) scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
        if (sources.length < n) scale *= (double) n / sources.length;
        for (int v = 0; v < n; v++) total[v] *= scale;
        return new NodeScores("betweenness", g.ids(), List.of("betweenness"), List.of(total), "betweenness", 0, true);
    }

    /** All nodes in index order (exact), or {@code samples} distinct nodes drawn uniformly with the seed. */
    private static int[] sources(int n, BetweennessConfig config) {
        int k = config.samples();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        if (k == 0 || k >= n) return all;
        SplittableRandom random = new SplittableRandom(config.seed());
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int x = all[i];
            all[i] = all[j];
            all[j] = x;
        }
        return Arrays.copyOf(all, k);
    }

    /**
     * Unweighted Brandes with the per-node state interleaved as {@code (distance, sigma)} pairs in one array, so
     * that visiting an arc touches one cache line instead of three (distance, sigma, delta): on large graphs
     * every arc visit is a cache miss, so this is what the running time is made of. In the backward pass a
     * finished node's sigma slot is overwritten with its coefficient {@code (1 + delta) / sigma}, which is all
     * its predecessors need; the arithmetic is the same as in {@link Brandes}, so results are identical.
     */
    private static final class HopBrandes implements Accumulator {
        private final int[] offsets;
        private final int[] targets;
        private final double[] state;
        private final int[] order;

        HopBrandes(Adjacency out) {
            this.offsets = out.offsets();
            this.targets = out.neighbors();
            this.state = new double[2 * out.nodeCount()];
            for (int v = 0; v < out.nodeCount(); v++) state[2 * v] = Double.POSITIVE_INFINITY;
            this.order = new int[out.nodeCount()];
        }

        @Override
        public void accumulate(int s, double[] acc) {
            double[] st = state;
            int[] off = offsets;
            int[] tg = targets;
            st[2 * s] = 0;
            st[2 * s + 1] = 1;
            order[0] = s;
            int reached = 1;
            for (int head = 0; head < reached; head++) {
                int v = order[head];
                double next = st[2 * v] + 1;
                double sv = st[2 * v + 1];
                for (int i = off[v], end = off[v + 1]; i < end; i++) {
                    int w = tg[i];
                    double dw = st[2 * w];
                    if (dw == Double.POSITIVE_INFINITY) {
                        st[2 * w] = next;
                        st[2 * w + 1] = sv;
                        order[reached++] = w;
                    } else if (dw == next) {
                        st[2 * w + 1] += sv;
                    }
                }
            }
            for (int k = reached - 1; k > 0; k--) {
                int v = order[k];
                double next = st[2 * v] + 1;
                double sum = 0;
                for (int i = off[v], end = off[v + 1]; i < end; i++) {
                    int w = tg[i];
                    if (st[2 * w] == next) sum += st[2 * w + 1]; // w is finished: its slot holds (1 + delta) / sigma
                }
                double sigma = st[2 * v + 1];
                double delta = sigma * sum;
                acc[v] += delta;
                st[2 * v + 1] = (1 + delta) / sigma;
            }
            for (int k = 0; k < reached; k++) {
                int v = order[k];
                st[2 * v] = Double.POSITIVE_INFINITY;
                st[2 * v + 1] = 0;
            }
        }
    }

    /** One worker's scratch space: adds one source's dependencies to an accumulator. */
    private interface Accumulator {
        void accumulate(int s, double[] acc);
    }

    /** Brandes over {@link ShortestPaths}: the weighted (Dijkstra) variant. */
    private static final class Brandes implements Accumulator {
        private final ShortestPaths paths;
        private final int[] offsets;
        private final int[] targets;
        private final double[] weights;
        private final boolean weighted;
        private final double[] delta;

        Brandes(InteractionGraph g, boolean weighted) {
            Adjacency out = g.out();
            this.paths = new ShortestPaths(out, weighted, true);
            this.offsets = out.offsets();
            this.targets = out.neighbors();
            this.weights = out.weights();
            this.weighted = weighted;
            this.delta = new double[g.nodeCount()];
        }

        /**
         * Adds source {@code s}'s dependencies to {@code acc}: {@code delta(v) = sigma(v) * sum over successors w
         * of (1 + delta(w)) / sigma(w)}, in reverse distance order. Pulling from successors along out-arcs writes
         * each {@code delta(v)} once and reads the same rows as the forward search.
         */
        @Override
        public void accumulate(int s, double[] acc) {
            paths.run(s);
            double[] dist = paths.dist;
            double[] sigma = paths.sigma;
            int[] order = paths.order;
            for (int k = paths.reached - 1; k > 0; k--) {
                int v = order[k];
                double dv = dist[v];
                double sum = 0;
                for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                    int w = targets[i];
                    if (ShortestPaths.onShortestPath(dv, ShortestPaths.length(weighted, weights[i]), dist[w])) {
                        sum += (1 + delta[w]) / sigma[w];
                    }
                }
                delta[v] = sigma[v] * sum;
                acc[v] += delta[v];
            }
            for (int k = 1; k < paths.reached; k++) delta[order[k]] = 0;
        }
    }
}
