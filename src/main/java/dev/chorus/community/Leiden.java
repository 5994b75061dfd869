package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;

/**
 * The Leiden algorithm: V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden: guaranteeing
 * well-connected communities", Sci. Rep. 9, 5233 (2019), doi:10.1038/s41598-019-41695-z.
 * <p>
 * Runs on the undirected weighted view {@link InteractionGraph#undirected()}: directions merged with their
 * weights summed, self-loops dropped. With node weights {@code ||v||} and {@code ||C||} summed over a
 * community, moving node v into community C gains {@code w(v,C) - r ||v|| ||C||}, where
 * <ul>
 * <li>{@link LeidenConfig.Quality#MODULARITY}: {@code ||v||} is the weighted degree and {@code r = gamma / 2m};
 * the quality is {@link Modularity#of(Adjacency, int[], double)} at resolution gamma;</li>
 * <li>{@link LeidenConfig.Quality#CPM} (constant Potts model): {@code ||v||} is the number of original nodes v
 * stands for (1 on the input graph) and {@code r = gamma}; the quality is
 * {@link #cpm(Adjacency, int[], double)}, {@code sum over communities of e_c - gamma n_c (n_c - 1) / 2}.</li>
 * </ul>
 * One iteration repeats three phases on ever coarser graphs until every community is a single node:
 * <ol>
 * <li>Fast local moving: nodes wait in a queue, first in an order shuffled by the seed; each goes to the
 * neighbouring or empty community with the largest gain if that beats staying, and when it moves, its
 * neighbours outside its new community are queued again.</li>
 * <li>Refinement: inside each community S, starting from singletons, each node v still alone and well
 * connected to S ({@code w(v, S-v) >= r ||v|| (||S|| - ||v||)}) is visited once in random order and merged into
 * a well-connected sub-community C of S (or left alone) with probability proportional to
 * {@code exp(gain / theta)} over the choices whose gain is not negative. Merges follow edges, so sub-communities
 * are connected.</li>
 * <li>Aggregation on the refined partition, each aggregate node starting in its community from phase 1.</li>
 * </ol>
 * Iterations run from the previous partition until one moves no node (a stable iteration, after which the paper
 * proves node optimality and subpartition density) or {@code maxIterations} have run; the result's
 * {@code levels} are those of the last iteration. Every returned community is connected: it is one aggregate
 * node, made of connected sub-communities. If a refinement merges nothing, or under 1% of the level's nodes
 * ({@link #STRAGGLERS}; unlike the paper and igraph), the communities' connected parts are aggregated instead,
 * which keeps that guarantee and the graph shrinking.
 * <p>
 * Complexity: O(m) per pass of local moving, refinement and aggregation, levels shrinking geometrically in
 * practice. The first iteration costs about as much as Louvain, later ones a fraction of it; their number until
 * stable grows on graphs with weak community structure (about a hundred on a generated 10M-edge interaction
 * graph, each gaining less than 0.1% of modularity after the third), so {@code maxIterations(2)}, igraph's and
 * leidenalg's default, is the fast choice on large graphs. Memory: about 100 bytes per node plus the aggregated
 * graphs, on top of the undirected view. Local moving is sequential (a queue whose order matters); refinement
 * draws from a random stream per community and aggregation builds each row independently, both on
 * {@code threads} threads, so the partition is identical for any thread count.
 */
public final class Leiden {
    private Leiden() {
    }

    /**
     * A level whose refinement yields fewer than {@code n/STRAGGLERS} merges of its n nodes is aggregated on the
     * connected parts of its communities, as Louvain aggregates, instead of on the refined partition. There the
     * communities have settled and the refinement only merges the last sub-communities a few at a time: each merge
     * is a draw that may keep a node alone (weight {@code exp(0)} against {@code exp(gain / theta)}), so the
     * stragglers take a number of levels that grows with the number of communities, each a full pass of local
     * moving and aggregation over a graph that shrinks by a few nodes. With CPM on the 10M- and 50M-row generated
     * graphs that was 6 and 9 levels per iteration, half the run and more, for a few hundred merges (issue 20).
     * The communities stay connected, and their own local moving at the next level still runs.
     */
    static final int STRAGGLERS = 100;

    /*
     * Branch-free tests for the inner loops over edges. Whether a neighbour's cluster is new to the current node is
     * a coin flip for the branch predictor; on C1, which the launcher uses for inputs under 24 MiB, the mispredictions
     * were a third of local moving (1M-edge graph: its aggregate levels 77 -> 48 ms and 42 -> 30 ms). The sums stay
     * bit for bit: (t + 1) + w with t == -1 is exactly w, and x + 0 * w is x for finite w.
     */

    /** 1 if {@code a == b}, else 0. */
    static int same(int a, int b) {
        int x = a ^ b;
        return ((x | -x) >>> 31) ^ 1;
    }

    /**
     * 1 if {@code t}'s sign bit is set (the -1 that marks a cluster not yet seen), else 0. Unlike {@code t < 0} this
     * also says 1 for -0.0, which the sums never hold: they start from (-1 + 1) + w, and -0.0 + 0.0 is +0.0.
     */
    static int unseen(double t) {
        return (int) (Double.doubleToRawLongBits(t) >>> 63);
    }

    public static Communities compute(InteractionGraph g, LeidenConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static Communities compute(InteractionGraph g, LeidenConfig config, Progress progress) {
        return compute(g, config, progress, STRAGGLERS);
    }

    /** With {@code stragglers} in place of {@link #STRAGGLERS}; 0 aggregates the refined partition whenever it merged anything, as the paper does. */
    static Communities compute(InteractionGraph g, LeidenConfig config, Progress progress, int stragglers) {
        Adjacency adj = g.undirected();
        int n = adj.nodeCount();
        boolean modularity = config.quality() == LeidenConfig.Quality.MODULARITY;
        double[] nodeWeight;
        double r;
        if (modularity) {
            nodeWeight = CommunityGraph.strengths(adj);
            double twoM = 0;
            for (double s : nodeWeight) twoM += s;
            r = twoM > 0 ? config.resolution() / twoM : 0;
        } else {
            nodeWeight = new double[n];
            Arrays.fill(nodeWeight, 1.0);
            r = config.resolution();
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, u -> u);
        int iterations = 0;
        boolean stable = false;
        ForkJoinPool pool = Chunks.pool(config.threads());
        Run run = new Run(n, r, config.randomness(), new SplittableRandom(config.seed()), pool, stragglers);
        long total = config.maxIterations() == LeidenConfig.UNTIL_STABLE ? -1 : config.maxIterations();
        try (Progress.Task task = progress.begin("leiden", total, "iterations")) {
            CommunityGraph base = CommunityGraph.of(adj, nodeWeight);
            while (iterations < config.maxIterations()) {
                iterations++;
                boolean changed = run.iterate(base, labels);
                task.stepTo(iterations);
                if (!changed) {
                    stable = true;
                    break;
                }
            }
        } finally {
            if (pool != null) pool.shutdown();
        }
        int[] membership = Communities.canonical(labels); // the quality is summed over the communities as returned
        double q = modularity ? Modularity.of(adj, membership, config.resolution()) : cpm(adj, membership, config.resolution());
        return Communities.of("leiden", g.ids(), membership, q, run.levels, iterations, stable);
    }

    /**
     * Constant Potts model quality {@code sum_c [e_c - gamma n_c (n_c - 1) / 2]} of a partition on a symmetric
     * adjacency, where e_c is the weight of the edges inside community c and n_c its number of nodes (Traag, Van
     * Dooren &amp; Nesterov, Phys. Rev. E 84 (2011), doi:10.1103/PhysRevE.84.016114). O(n + m).
     */
    public static double cpm(Adjacency undirected, int[] membership, double resolution) {
        int n = undirected.nodeCount();
        if (membership.length != n) throw new IllegalArgumentException("membership has " + membership.length + " entries for " + n + " nodes");
        int k = 0;
        for (int c : membership) k = Math.max(k, c + 1);
        long[] size = new long[k];
        double inside = 0;
        for (int u = 0; u < n; u++) {
            size[membership[u]]++;
            for (int i = undirected.start(u); i < undirected.end(u); i++) {
                if (membership[undirected.neighbor(i)] == membership[u]) inside += undirected.weight(i);
            }
        }
        double pairs = 0;
        for (long s : size) pairs += s * (s - 1) / 2.0;
        return inside / 2 - resolution * pairs;
    }

    /** One run's state: scratch sized for the input graph, reused by the smaller levels. */
    private static final class Run {
        private final double r;
        private final double theta;
        private final SplittableRandom random;
        private final ForkJoinPool pool;
        private final int stragglers;
        private final double[] clusterWeight;
        private final int[] clusterSize;
        private final int[] empty;         // stack of empty cluster labels
        private final int[] queue;         // ring buffer; a node is in it at most once
        private final boolean[] queued;
        private final double[] toCluster;  // edge weight from the current node per cluster; -1 = not seen
        private final int[] seen;
        int levels;

        Run(int n, double r, double theta, SplittableRandom random, ForkJoinPool pool, int stragglers) {
            this.stragglers = stragglers;
            this.r = r;
            this.theta = theta;
            this.random = random;
            this.pool = pool;
            clusterWeight = new double[n];
            clusterSize = new int[n];
            empty = new int[n];
            queue = new int[n];
            queued = new boolean[n];
            toCluster = new double[n];
            Arrays.fill(toCluster, -1);
            seen = new int[n];
        }

        /** One Leiden iteration from the partition {@code labels} of {@code base}, updated in place; true if a node moved. */
        boolean iterate(CommunityGraph base, int[] labels) {
            CommunityGraph level = base;
            int[] partition = labels.clone();
            int[] aggregateOf = null; // level node of each base node; null while the level is the base
            boolean changed = false;
            levels = 0;
            while (true) {
                changed |= moveNodes(level, partition);
                levels++;
                int k = CommunityGraph.compact(partition);
                if (k == level.n) break;
                int[] refined = refine(level, partition, k);
                int kr = CommunityGraph.compact(refined);
                if (stragglers > 0 ? (long) kr * stragglers > (long) level.n * (stragglers - 1) : kr == level.n) {
                    // the refinement merged nothing, or only stragglers (see STRAGGLERS): aggregate the connected parts
                    refined = connectedParts(level, partition);
                    kr = CommunityGraph.compact(refined);
                    if (kr == level.n) { // every community without inner edges: split it
                        partition = refined;
                        changed = true;
                        break;
                    }
                }
                int[] next = new int[kr];
                for (int v = 0; v < level.n; v++) next[refined[v]] = partition[v];
                if (aggregateOf == null) {
                    aggregateOf = refined;
                } else {
                    for (int u = 0; u < aggregateOf.length; u++) aggregateOf[u] = refined[aggregateOf[u]];
                }
                level = level.aggregate(refined, kr, pool);
                partition = next;
            }
            if (aggregateOf == null) {
                System.arraycopy(partition, 0, labels, 0, labels.length);
            } else {
                for (int u = 0; u < labels.length; u++) labels[u] = partition[aggregateOf[u]];
            }
            return changed;
        }

        /** Fast local moving (the paper's MoveNodesFast) on labels {@code < g.n}; true if a node moved. */
        private boolean moveNodes(CommunityGraph g, int[] partition) {
            int n = g.n;
            int[] offsets = g.offsets;
            int[] neighbors = g.neighbors;
            double[] weights = g.weights;
            double[] nodeWeight = g.nodeWeight;
            Arrays.fill(clusterWeight, 0, n, 0);
            Arrays.fill(clusterSize, 0, n, 0);
            for (int v = 0; v < n; v++) {
                clusterWeight[partition[v]] += nodeWeight[v];
                clusterSize[partition[v]]++;
            }
            int empties = 0;
            for (int c = n - 1; c >= 0; c--) if (clusterSize[c] == 0) empty[empties++] = c;
            for (int v = 0; v < n; v++) queue[v] = v;
            CommunityGraph.shuffle(queue, 0, n, random);
            Arrays.fill(queued, 0, n, true);
            int head = 0;
            int size = n;
            boolean moved = false;
            while (size > 0) {
                int v = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                size--;
                queued[v] = false;
                int own = partition[v];
                double kv = nodeWeight[v];
                clusterWeight[own] -= kv;
                if (--clusterSize[own] == 0) {
                    clusterWeight[own] = 0; // no rounding residue: an empty cluster must gain exactly 0
                    empty[empties++] = own;
                }
                int count = 0;
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int c = partition[neighbors[e]];
                    double t = toCluster[c];
                    int first = unseen(t);
                    seen[count] = c;
                    count += first;
                    toCluster[c] = (t + first) + weights[e];
                }
                // candidates in igraph's order: stay, an empty cluster (gain 0), then neighbouring clusters
                int best = own;
                double bestDiff = Math.max(toCluster[own], 0) - kv * clusterWeight[own] * r;
                if (bestDiff < 0) {
                    best = empty[empties - 1];
                    bestDiff = 0;
                }
                for (int j = 0; j < count; j++) {
                    int c = seen[j];
                    double diff = toCluster[c] - kv * clusterWeight[c] * r;
                    if (diff > bestDiff) {
                        best = c;
                        bestDiff = diff;
                    }
                    toCluster[c] = -1;
                }
                clusterWeight[best] += kv;
                if (clusterSize[best]++ == 0) empties--; // best was the top of the stack: own just emptied, or the empty pick
                if (best != own) {
                    partition[v] = best;
                    moved = true;
                    for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                        int u = neighbors[e];
                        if (!queued[u] && partition[u] != best) {
                            queue[(head + size) % n] = u;
                            size++;
                            queued[u] = true;
                        }
                    }
                }
            }
            return moved;
        }

        /**
         * The paper's RefinePartition / MergeNodesSubset: a refined label per node (a node index, not compact),
         * every refined cluster a connected subset of one community of {@code partition} (labels {@code 0..k-1}).
         */
        private int[] refine(CommunityGraph g, int[] partition, int k) {
            int n = g.n;
            int[] offsets = g.offsets;
            int[] neighbors = g.neighbors;
            double[] weights = g.weights;
            double[] nodeWeight = g.nodeWeight;
            int[] start = new int[k + 1];
            int[] arcs = new int[k + 1];
            int maxDegree = 0;
            for (int v = 0; v < n; v++) {
                start[partition[v] + 1]++;
                arcs[partition[v] + 1] += offsets[v + 1] - offsets[v];
                maxDegree = Math.max(maxDegree, offsets[v + 1] - offsets[v]);
            }
            for (int c = 0; c < k; c++) {
                start[c + 1] += start[c];
                arcs[c + 1] += arcs[c];
            }
            int[] members = new int[n];
            int[] cursor = Arrays.copyOf(start, k);
            double[] subsetWeight = new double[k];
            for (int v = 0; v < n; v++) {
                members[cursor[partition[v]]++] = v;
                subsetWeight[partition[v]] += nodeWeight[v];
            }
            int[] refined = new int[n];
            Arrays.setAll(refined, v -> v);
            double[] weight = nodeWeight.clone();  // per refined cluster
            double[] external = new double[n];     // per refined cluster: edge weight to the rest of its community
            boolean[] merged = new boolean[n];     // refined cluster v holds more than v
            long levelSeed = random.nextLong();
            int degreeBound = maxDegree;
            Chunks chunks = Chunks.balanced(arcs, Chunks.DEFAULT_CHUNKS);
            ConcurrentLinkedQueue<Scratch> free = new ConcurrentLinkedQueue<>();
            chunks.forEach(pool, chunk -> {
                Scratch s = free.poll();
                if (s == null) s = new Scratch(n, degreeBound);
                for (int c = chunks.start(chunk); c < chunks.end(chunk); c++) {
                    int from = start[c];
                    int to = start[c + 1];
                    if (to - from < 2) continue;
                    for (int j = from; j < to; j++) {
                        int v = members[j];
                        double ext = 0;
                        for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) ext += same(partition[neighbors[e]], c) * weights[e];
                        external[v] = ext;
                    }
                    SplittableRandom rng = new SplittableRandom(levelSeed + c);
                    CommunityGraph.shuffle(members, from, to, rng);
                    double total = subsetWeight[c];
                    for (int j = from; j < to; j++) {
                        int v = members[j];
                        double kv = nodeWeight[v];
                        double ext = external[v];
                        if (merged[v] || ext < kv * (total - kv) * r) continue;
                        weight[v] = 0;
                        external[v] = 0;
                        int count = 0;
                        for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                            int u = neighbors[e];
                            if (partition[u] != c) continue;
                            int cl = refined[u];
                            double t = s.toCluster[cl];
                            int first = unseen(t);
                            s.seen[count] = cl;
                            count += first;
                            s.toCluster[cl] = (t + first) + weights[e];
                        }
                        // choice 0 is staying alone (gain 0); choice i > 0 is s.seen[i - 1]
                        double sum = 1;
                        s.cumulative[0] = 1;
                        int best = 0;
                        double bestDiff = 0;
                        for (int i = 0; i < count; i++) {
                            int cl = s.seen[i];
                            double w = s.toCluster[cl];
                            s.toCluster[cl] = -1;
                            s.weight[i] = w;
                            double cw = weight[cl];
                            if (external[cl] >= cw * (total - cw) * r) {
                                double diff = w - kv * cw * r;
                                if (diff > bestDiff) {
                                    best = i + 1;
                                    bestDiff = diff;
                                }
                                if (diff >= 0) sum += Math.exp(diff / theta);
                            }
                            s.cumulative[i + 1] = sum;
                        }
                        int choice = best; // exp overflowed: the draw degenerates to the best gain
                        if (sum < Double.POSITIVE_INFINITY) {
                            double x = rng.nextDouble() * sum;
                            choice = 0;
                            while (s.cumulative[choice] <= x) choice++;
                        }
                        int chosen = choice == 0 ? v : s.seen[choice - 1];
                        double toChosen = choice == 0 ? 0 : s.weight[choice - 1];
                        weight[chosen] += kv;
                        external[chosen] += ext - 2 * toChosen;
                        if (chosen != v) {
                            refined[v] = chosen;
                            merged[chosen] = true;
                        }
                    }
                }
                free.add(s);
            });
            return refined;
        }
    }

    /** Per-thread scratch of the refinement. */
    private static final class Scratch {
        final double[] toCluster;
        final int[] seen;
        final double[] weight;
        final double[] cumulative;

        Scratch(int n, int maxDegree) {
            toCluster = new double[n];
            Arrays.fill(toCluster, -1);
            seen = new int[maxDegree];
            weight = new double[maxDegree];
            cumulative = new double[maxDegree + 1];
        }
    }

    /** Connected parts of the communities of {@code partition}: a label per node (BFS inside each community). */
    private static int[] connectedParts(CommunityGraph g, int[] partition) {
        int[] part = new int[g.n];
        Arrays.fill(part, -1);
        int[] queue = new int[g.n];
        int k = 0;
        for (int s = 0; s < g.n; s++) {
            if (part[s] >= 0) continue;
            part[s] = k;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            while (head < tail) {
                int v = queue[head++];
                for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
                    int u = g.neighbors[e];
                    if (part[u] < 0 && partition[u] == partition[s]) {
                        part[u] = k;
                        queue[tail++] = u;
                    }
                }
            }
            k++;
        }
        return part;
    }
}
