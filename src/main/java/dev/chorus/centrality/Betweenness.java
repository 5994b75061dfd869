package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
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
 * Unweighted searches run up to 64 sources at once ({@link BatchBrandes}): the same per-source arithmetic with the
 * graph traversed once per batch level instead of once per source, which on a 1M-node, 9.4M-arc graph costs
 * about a quarter of the time per source; sources are grouped into batches whose searches line up
 * ({@link #alignBatches}), a fifth less again. The backward pass reads only the arcs the forward pass found on
 * shortest paths (recorded with their source masks) instead of scanning every arc again: on that graph, 200
 * sources on 2 threads, 1.36x less CPU time for the whole step with bit-identical results (issue 20, README). The
 * batch width is a function of {@code n} only ({@link #batchWidth}); the heap decides only how many batches run at
 * once ({@link #workersThatFit}).
 * <p>
 * Parallel over sources: sources are cut into fixed chunks (one batch each when unweighted), each chunk sums its
 * sources' dependencies into its own array, and chunk arrays are added to the result in chunk order, so the result
 * is bit-identical for any thread count. Progress reports sources done (task {@code betweenness}).
 */
public final class Betweenness {
    private Betweenness() {
    }

    public static NodeScores compute(InteractionGraph g, BetweennessConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static NodeScores compute(InteractionGraph g, BetweennessConfig config, Progress progress) {
        return compute(g, config, progress, config.weighted() ? 1 : batchWidth(g.nodeCount()));
    }

    /**
     * As {@link #compute(InteractionGraph, BetweennessConfig, Progress)} with an explicit number of sources per
     * unweighted traversal, for benchmarks and tests: 1 is one breadth-first search per source; 2-64 searches
     * that many sources at once ({@link BatchBrandes}). The result does not depend on it beyond floating-point
     * summation order; the default is {@link #batchWidth(int)}. Weighted betweenness always uses width 1.
     */
    public static NodeScores compute(InteractionGraph g, BetweennessConfig config, Progress progress, int width) {
        if (width < 1 || width > BatchBrandes.MAX_WIDTH || (config.weighted() && width != 1)) {
            throw new IllegalArgumentException("width must be 1.." + BatchBrandes.MAX_WIDTH + " (1 when weighted), got " + width);
        }
        int n = g.nodeCount();
        double[] total = new double[n];
        int[] sources = sources(n, config);
        if (width > 1) alignBatches(g, sources);
        // a chunk is one batch of at most `width` sources; chunk bounds depend on the sources and width only
        Chunks chunks = width == 1 ? Chunks.even(sources.length, Chunks.DEFAULT_CHUNKS)
                : Chunks.even(sources.length, (sources.length + width - 1) / width);
        int row = 0;
        for (int c = 0; c < chunks.count(); c++) row = Math.max(row, chunks.end(c) - chunks.start(c));
        int slots = Math.min(config.threads(), chunks.count());
        if (width > 1) slots = workersThatFit(slots, BatchBrandes.workerBytes(n, g.out().size(), row));
        int batchRow = row;
        Accumulator[] workers = new Accumulator[slots];
        double[][] partial = new double[slots][];
        ForkJoinPool pool = Chunks.pool(slots);
        try (Progress.Task task = progress.begin("betweenness", sources.length, "sources")) {
            ShortestPaths.inWaves(chunks, slots, pool, (c, slot) -> {
                if (workers[slot] == null) {
                    workers[slot] = config.weighted() ? new Brandes(g, true)
                            : width == 1 ? new HopBrandes(g.out()) : new BatchBrandes(g.out(), batchRow);
                    partial[slot] = new double[n];
                }
                double[] acc = partial[slot];
                Arrays.fill(acc, 0.0);
                workers[slot].accumulate(sources, chunks.start(c), chunks.end(c), acc);
            }, (c, slot) -> {
                double[] acc = partial[slot];
                for (int v = 0; v < n; v++) total[v] += acc[v];
            }, task);
        } finally {
            if (pool != null) pool.shutdown();
        }
        double scale = scale(n, sources.length, g.isDirected(), config.normalized());
        for (int v = 0; v < n; v++) total[v] *= scale;
        return new NodeScores("betweenness", g.ids(), List.of("betweenness"), List.of(total), "betweenness", 0, true);
    }

    /**
     * The factor from summed dependencies of {@code k} sources to the result: halving for undirected pairs or the
     * normalization, and {@code n/k} when sampled.
     */
    public static double scale(int n, int k, boolean directed, boolean normalized) {
        double scale = directed ? 1.0 : 0.5;
        if (normalized) scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
        if (k < n) scale *= (double) n / k;
        return scale;
    }

    /**
     * Unscaled dependencies summed over {@code sources} (node indices), one traversal per {@link #batchWidth} sources
     * in the order given when unweighted: the per-source work of {@link #compute}, for callers that distribute the
     * sources themselves (Spark) and add the partial sums. Single-threaded; O(n) memory besides the graph.
     */
    public static double[] dependencies(InteractionGraph g, int[] sources, boolean weighted) {
        int width = weighted ? 1 : batchWidth(g.nodeCount());
        Accumulator a = weighted ? new Brandes(g, true) : width == 1 ? new HopBrandes(g.out())
                : new BatchBrandes(g.out(), Math.min(width, sources.length));
        double[] acc = new double[g.nodeCount()];
        for (int from = 0; from < sources.length; from += width) a.accumulate(sources, from, Math.min(sources.length, from + width), acc);
        return acc;
    }

    /**
     * Sources per unweighted traversal on a graph of {@code n} nodes: 64, fewer when a batch's path counts
     * ({@code 8 n width} bytes per worker) would pass {@link #PATH_COUNT_BYTES} (above 4.19M nodes), 1 above 134M
     * nodes on. Depends on {@code n} only, so results stay independent of threads and heap.
     */
    static int batchWidth(int n) {
        long w = PATH_COUNT_BYTES / (8L * Math.max(n, 1));
        return (int) Math.max(1, Math.min(BatchBrandes.MAX_WIDTH, w));
    }

    /**
     * How many of {@code wanted} batch workers of {@code bytes} each run at once: as many as fit in half the
     * maximum heap, at least one. Only the parallelism depends on the heap, never the batches, so the result does
     * not (see the class comment).
     */
    static int workersThatFit(int wanted, long bytes) {
        long fit = Runtime.getRuntime().maxMemory() / 2 / Math.max(1, bytes);
        return (int) Math.max(1, Math.min(wanted, fit));
    }

    /**
     * Orders the sources so that each batch holds sources whose searches line up: by distance to the node of
     * highest out-degree (then by index). Many shortest paths run through that hub, so {@code d(s, w)} is close to
     * {@code d(s, hub) + d(hub, w)}, and sources at the same distance from the hub reach most nodes at the same
     * level: nodes sit in fewer levels of the batch, and arcs are scanned fewer times. On the 1M-node generated
     * graph this cuts the (node, level) pairs of a 64-source batch by about a fifth. The order depends on the
     * graph and the sources only, never on threads; sources that cannot reach the hub come last.
     */
    static void alignBatches(InteractionGraph g, int[] sources) {
        int n = g.nodeCount();
        if (n == 0) return;
        Adjacency out = g.out();
        int hub = 0;
        for (int v = 1; v < n; v++) if (out.degree(v) > out.degree(hub)) hub = v;
        // d(s, hub) for every s: a search from the hub along in-arcs
        ShortestPaths toHub = new ShortestPaths(g.in(), false, false);
        toHub.run(hub);
        double[] dist = toHub.dist;
        long[] keyed = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            double d = dist[sources[i]];
            keyed[i] = ((d == Double.POSITIVE_INFINITY ? Integer.MAX_VALUE : (long) d) << 32) | sources[i];
        }
        Arrays.sort(keyed);
        for (int i = 0; i < sources.length; i++) sources[i] = (int) keyed[i];
    }

    /**
     * Memory for one worker's per-(node, source) path counts in a batch: enough for 64 sources up to 4.2M nodes
     * and for the 50 sources of a quarter of the default 200 on the 4.97M-node graph of 50M generated rows
     * (width 53, 2.0 GB with {@link #workersThatFit}), where the former 512 MiB cut batches to 13 sources.
     */
    private static final long PATH_COUNT_BYTES = 2L << 30;

    /** All nodes in index order (exact), or {@code samples} distinct nodes drawn uniformly with the seed. */
    public static int[] sources(int n, BetweennessConfig config) {
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
        public void accumulate(int[] sources, int from, int to, double[] acc) {
            for (int i = from; i < to; i++) accumulate(sources[i], acc);
        }

        private void accumulate(int s, double[] acc) {
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

    /**
     * Unweighted Brandes for up to 64 sources in one level-synchronous traversal, in the manner of multi-source BFS
     * (M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham, A. Kemper, T. Neumann, H. T. Vo, "The More the
     * Merrier: Efficient Multi-Source Graph Traversal", PVLDB 8(4) (2014) 449–460, doi:10.14778/2735496.2735507):
     * bit {@code b} of a node's mask stands for source {@code b} of the batch. Level {@code d} is a list of
     * (node, mask of the sources at distance {@code d}); one pass over a node's arcs serves every source in its
     * mask, and in a small-world graph the sources' levels line up, so each node sits in a few levels where
     * single-source Brandes visits its arcs once per source. On graphs larger than the cache the random access
     * per arc visit is the running time, so visiting each arc a few times per batch instead of 64 times pays
     * for the per-source path counts being spread over more memory.
     * <p>
     * The forward pass records, per (node, level) entry, the arcs that lead to the next level for at least one
     * source of its mask, with the mask of those sources (the shortest-path DAGs of the batch, merged). The
     * backward pass reads only these arcs, sequentially, instead of scanning every arc again and testing each
     * target's level: on the 10M-row generated graph fewer than half the scanned arcs are DAG arcs, and the
     * backward pass takes about half the time it did. Cost: 12 bytes per recorded arc (about 11 per node there).
     * <p>
     * Path counts are kept per (node, source), a node's counts contiguous ({@code sig[v * row + b]}), so the
     * sources sharing an arc read and write one row. The arithmetic per source is that of {@link HopBrandes}:
     * {@code sigma(w)} sums its parents' counts, {@code delta(v) = sigma(v) * sum over successors w of (1 +
     * delta(w)) / sigma(w)} summed in arc order, and a finished node's count is overwritten with that
     * coefficient. Only the order in which a node's dependencies from different sources are added to the
     * accumulator differs (level by level, deepest first, then by source, instead of source by source). Time
     * O(sum over entries of out-degree) per batch; memory per worker: {@link #workerBytes}.
     */
    private static final class BatchBrandes implements Accumulator {
        static final int MAX_WIDTH = 64;
        private final int[] offsets;
        private final int[] targets;
        /** Path counts per node: the largest batch this worker runs, at most {@link #MAX_WIDTH}. */
        private final int row;
        /** Per node: (sources whose distance is known, up to the current level; sources reaching it next). */
        private final long[] seen;
        private final double[] sig;
        private final double[] sum;
        /** Entries: {@code [levelStart[d], levelStart[d + 1])} of (nodes, masks) are level d. */
        private int[] nodes;
        private long[] masks;
        private final int[] levelStart;
        /** Entry e's DAG arcs are {@code [firstArc[e], firstArc[e + 1])} of (succ, succMask). */
        private int[] firstArc;
        private int[] succ;
        private long[] succMask;

        BatchBrandes(Adjacency out, int row) {
            int n = out.nodeCount();
            this.offsets = out.offsets();
            this.targets = out.neighbors();
            this.row = row;
            this.seen = new long[2 * n];
            this.sig = new double[n * row];
            this.sum = new double[row];
            this.nodes = new int[Math.max(16, n)];
            this.masks = new long[nodes.length];
            this.firstArc = new int[nodes.length + 1];
            this.levelStart = new int[n + 2];
            this.succ = new int[Math.max(16, out.size())];
            this.succMask = new long[succ.length];
        }

        /** Heap taken by one worker of {@code row} counts per node, for choosing how many run at once. */
        static long workerBytes(int n, int arcs, int row) {
            // counts, seen, entries (about 2.5 per node) with their arc starts, levels; DAG arcs (up to 1.5 m)
            return 8L * n * row + 16L * n + 40L * n + 4L * n + 18L * arcs;
        }

        @Override
        public void accumulate(int[] sources, int from, int to, double[] acc) {
            int levels = forward(sources, from, to);
            backward(levels, acc);
            for (int e = 0; e < levelStart[levels]; e++) seen[2 * nodes[e]] = 0;
        }

        /** Fills the levels, the DAG arcs and the path counts; returns the number of levels. */
        private int forward(int[] sources, int from, int to) {
            final int[] off = offsets;
            final int[] tg = targets;
            final long[] vis = seen;
            final double[] sg = sig;
            final int wd = row;
            int size = 0;
            int arcs = 0;
            for (int i = from; i < to; i++) {
                int s = sources[i];
                nodes[size] = s;
                masks[size++] = 1L << (i - from);
                vis[2 * s] = 1L << (i - from);
                sg[s * wd + (i - from)] = 1;
            }
            levelStart[0] = 0;
            levelStart[1] = size;
            int levels = 1;
            for (int begin = 0, end = size; begin < end; begin = end, end = size) {
                for (int e = begin; e < end; e++) {
                    int v = nodes[e];
                    long m = masks[e];
                    int rv = v * wd;
                    firstArc[e] = arcs;
                    for (int i = off[v], stop = off[v + 1]; i < stop; i++) {
                        int w = tg[i];
                        long nb = m & ~vis[2 * w]; // sources for which w is at the next level, reached via v
                        if (nb == 0) continue;
                        if (arcs == succ.length) growArcs();
                        succ[arcs] = w;
                        succMask[arcs++] = nb;
                        long nx = vis[2 * w + 1];
                        if (nx == 0) {
                            if (size == nodes.length) growEntries();
                            nodes[size++] = w;
                        }
                        vis[2 * w + 1] = nx | nb;
                        int rw = w * wd;
                        for (long b = nb & ~nx; b != 0; b &= b - 1) {
                            int k = Long.numberOfTrailingZeros(b);
                            sg[rw + k] = sg[rv + k];
                        }
                        for (long b = nb & nx; b != 0; b &= b - 1) {
                            int k = Long.numberOfTrailingZeros(b);
                            sg[rw + k] += sg[rv + k];
                        }
                    }
                }
                for (int e = end; e < size; e++) {
                    int w = nodes[e];
                    long nx = vis[2 * w + 1];
                    masks[e] = nx;
                    vis[2 * w] |= nx;
                    vis[2 * w + 1] = 0;
                }
                if (size > end) levelStart[++levels] = size;
            }
            firstArc[size] = arcs;
            return levels;
        }

        /**
         * Accumulates dependencies entry by entry, deepest level first (an entry's successors are all one level
         * deeper, so their coefficients are final); the sources themselves (level 0) get none.
         */
        private void backward(int levels, double[] acc) {
            final double[] sg = sig;
            final double[] sm = sum;
            final int wd = row;
            final int[] sc = succ;
            final long[] scm = succMask;
            final int[] first = firstArc;
            for (int e = levelStart[levels] - 1; e >= levelStart[1]; e--) {
                for (int j = first[e], stop = first[e + 1]; j < stop; j++) {
                    int rw = sc[j] * wd;
                    for (long b = scm[j]; b != 0; b &= b - 1) {
                        int k = Long.numberOfTrailingZeros(b);
                        sm[k] += sg[rw + k]; // the successor is finished: its slot holds (1 + delta) / sigma
                    }
                }
                int v = nodes[e];
                int rv = v * wd;
                for (long b = masks[e]; b != 0; b &= b - 1) {
                    int k = Long.numberOfTrailingZeros(b);
                    double sigma = sg[rv + k];
                    double delta = sigma * sm[k];
                    acc[v] += delta;
                    sg[rv + k] = (1 + delta) / sigma;
                    sm[k] = 0;
                }
            }
        }

        private void growEntries() {
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
            masks = Arrays.copyOf(masks, nodes.length);
            firstArc = Arrays.copyOf(firstArc, nodes.length + 1);
        }

        private void growArcs() {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, succ.length + (succ.length >> 1) + 16L);
            if (capacity <= succ.length) throw new IllegalStateException("more than " + succ.length + " DAG arcs in one batch");
            succ = Arrays.copyOf(succ, capacity);
            succMask = Arrays.copyOf(succMask, capacity);
        }
    }

    /** One worker's scratch space: adds the dependencies of {@code sources[from..to)} to an accumulator. */
    private interface Accumulator {
        void accumulate(int[] sources, int from, int to, double[] acc);
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

        @Override
        public void accumulate(int[] sources, int from, int to, double[] acc) {
            for (int i = from; i < to; i++) accumulate(sources[i], acc);
        }

        /**
         * Adds source {@code s}'s dependencies to {@code acc}: {@code delta(v) = sigma(v) * sum over successors w
         * of (1 + delta(w)) / sigma(w)}, in reverse distance order. Pulling from successors along out-arcs writes
         * each {@code delta(v)} once and reads the same rows as the forward search.
         */
        private void accumulate(int s, double[] acc) {
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
