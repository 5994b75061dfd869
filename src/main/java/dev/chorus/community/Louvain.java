package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Louvain modularity maximisation: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of
 * communities in large networks", J. Stat. Mech. (2008) P10008, doi:10.1088/1742-5468/2008/10/P10008.
 * <p>
 * Runs on the undirected weighted view {@link InteractionGraph#undirected()}: directions merged with their
 * weights summed, self-loops dropped. It maximises modularity with resolution gamma, as {@link Modularity}
 * defines it:
 * <ol>
 * <li>Local moving: starting from singletons, nodes are visited in an order shuffled by
 * {@code SplittableRandom(seed)}, each moved to the neighbouring community with the largest modularity gain
 * {@code w(v,C) - gamma k_v K_C / 2m} if that beats staying (ties: stay, else the first neighbour community met
 * in adjacency order). Sweeps repeat until none moves a node or one gains no more than {@code tolerance}.</li>
 * <li>Aggregation: each community becomes a node, weights between communities summed; repeat on that graph
 * until a level merges nothing or gains no more than {@code tolerance}.</li>
 * </ol>
 * The reported quality is the modularity at {@code resolution} of the returned partition on the original graph:
 * {@link Modularity#of(Adjacency, int[], double)}. Louvain communities can be internally disconnected; use
 * {@link Leiden} when that matters.
 * <p>
 * Complexity: O(m) per sweep, and a handful of sweeps per level; levels shrink geometrically in practice.
 * Memory: about 50 bytes per node plus the aggregated graphs, which are smaller than the input, on top of the
 * undirected view. Local moving is sequential, as in the paper (each move sees the previous ones); aggregation
 * runs on {@code threads} threads building each row independently, so the partition is identical for any thread
 * count.
 */
public final class Louvain {
    private Louvain() {
    }

    public static Communities compute(InteractionGraph g, LouvainConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static Communities compute(InteractionGraph g, LouvainConfig config, Progress progress) {
        Adjacency adj = g.undirected();
        int n = adj.nodeCount();
        double[] strength = CommunityGraph.strengths(adj);
        double twoM = 0;
        for (double s : strength) twoM += s;
        int[] labels = new int[n];
        Arrays.setAll(labels, u -> u);
        int levels = 0;
        int sweeps = 0;
        if (twoM > 0) {
            Mover mover = new Mover(n, config.resolution() / twoM, twoM / 2, config.tolerance(), new SplittableRandom(config.seed()));
            ForkJoinPool pool = Chunks.pool(config.threads());
            try (Progress.Task task = progress.begin("louvain", -1, "sweeps")) {
                CommunityGraph level = CommunityGraph.of(adj, strength);
                while (true) {
                    int[] community = new int[level.n];
                    double gain = mover.move(level, community, task);
                    levels++;
                    int k = CommunityGraph.compact(community);
                    for (int u = 0; u < n; u++) labels[u] = community[labels[u]];
                    if (k == level.n || gain <= config.tolerance()) break;
                    level = level.aggregate(community, k, pool);
                }
                sweeps = mover.sweeps;
            } finally {
                if (pool != null) pool.shutdown();
            }
        }
        int[] membership = Communities.canonical(labels); // the quality is summed over the communities as returned
        return Communities.of("louvain", g.ids(), membership, Modularity.of(adj, membership, config.resolution()), levels,
                sweeps, true);
    }

    /** Local moving with scratch arrays sized for level 0 and reused by the smaller levels. */
    private static final class Mover {
        private final double resolution; // gamma / 2m
        private final double m;
        private final double tolerance;
        private final SplittableRandom random;
        private final double[] total;      // summed node weight per community
        private final double[] toCommunity; // edge weight from the current node per community; -1 = not seen
        private final int[] seen;
        private final int[] order;
        int sweeps;

        Mover(int n, double resolution, double m, double tolerance, SplittableRandom random) {
            this.resolution = resolution;
            this.m = m;
            this.tolerance = tolerance;
            this.random = random;
            total = new double[n];
            toCommunity = new double[n];
            Arrays.fill(toCommunity, -1);
            seen = new int[n];
            order = new int[n];
        }

        /** Fills {@code community} with a locally optimal partition of {@code g}; returns the modularity gained. */
        double move(CommunityGraph g, int[] community, Progress.Task task) {
            int n = g.n;
            int[] offsets = g.offsets;
            int[] neighbors = g.neighbors;
            double[] weights = g.weights;
            double[] nodeWeight = g.nodeWeight;
            for (int v = 0; v < n; v++) {
                community[v] = v;
                total[v] = nodeWeight[v];
                order[v] = v;
            }
            CommunityGraph.shuffle(order, 0, n, random);
            double levelGain = 0;
            while (true) {
                double gain = 0;
                int moves = 0;
                for (int i = 0; i < n; i++) {
                    int v = order[i];
                    int own = community[v];
                    double kv = nodeWeight[v];
                    int count = 0;
                    for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                        int c = community[neighbors[e]];
                        if (toCommunity[c] < 0) {
                            toCommunity[c] = weights[e];
                            seen[count++] = c;
                        } else {
                            toCommunity[c] += weights[e];
                        }
                    }
                    total[own] -= kv;
                    double ownDiff = Math.max(toCommunity[own], 0) - kv * total[own] * resolution;
                    int best = own;
                    double bestDiff = ownDiff;
                    for (int j = 0; j < count; j++) {
                        int c = seen[j];
                        double diff = toCommunity[c] - kv * total[c] * resolution;
                        if (diff > bestDiff) {
                            best = c;
                            bestDiff = diff;
                        }
                        toCommunity[c] = -1;
                    }
                    total[best] += kv;
                    if (best != own) {
                        community[v] = best;
                        moves++;
                        gain += bestDiff - ownDiff;
                    }
                }
                sweeps++;
                task.stepTo(sweeps);
                gain /= m;
                levelGain += gain;
                if (moves == 0 || gain <= tolerance) return levelGain;
            }
        }
    }
}
