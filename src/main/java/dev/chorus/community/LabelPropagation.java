package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.SplittableRandom;

/**
 * Asynchronous label propagation on the undirected weighted view ({@link InteractionGraph#undirected()}:
 * directions merged with weights summed, self-loops dropped).
 * <p>
 * U. N. Raghavan, R. Albert, S. Kumara, "Near linear time algorithm to detect community structures in
 * large-scale networks", Phys. Rev. E 76, 036106 (2007), doi:10.1103/PhysRevE.76.036106:
 * <ol>
 * <li>every node starts with a label of its own;</li>
 * <li>each sweep visits the nodes in a fresh random order and sets each node's label, in place, to a label
 * of maximal total weight among its neighbours' labels (count of neighbours when unweighted), ties broken
 * uniformly at random;</li>
 * <li>it stops when every node has a label of maximal weight among its neighbours.</li>
 * </ol>
 * As in NetworkX's {@code asyn_lpa_communities}, a node keeps its label when that label is already among the
 * maximal ones. That turns the stopping rule into an exact test, with no extra pass: a sweep that changes no
 * label has checked every node against the final labels. Without it, tied labels keep flipping and the rule
 * needs a separate checking pass. Isolated nodes keep their own label.
 * <p>
 * Deterministic for a seed: one {@link SplittableRandom} draws the orders and the tie-breaks in a fixed
 * sequence, and ties are collected in neighbour order. The partition has quality NaN (nothing is optimised
 * explicitly); {@code converged} is false when {@code maxIterations} sweeps ran without reaching the stopping
 * rule. O(n + m) per sweep; 17 bytes per node of working memory.
 */
public final class LabelPropagation {
    private LabelPropagation() {
    }

    public static Communities compute(InteractionGraph g, LabelPropagationConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static Communities compute(InteractionGraph g, LabelPropagationConfig config, Progress progress) {
        Adjacency adj = g.undirected();
        int n = adj.nodeCount();
        int[] label = new int[n];
        int[] order = new int[n];
        for (int u = 0; u < n; u++) label[u] = order[u] = u;
        // Per-node label weights: weight[l] accumulated for the labels listed in seen[0..k), then cleared.
        // A flag rather than weight[l] != 0 marks listed labels, because interactions may weigh 0.
        double[] weight = new double[n];
        boolean[] listed = new boolean[n];
        int maxDegree = 0;
        for (int u = 0; u < n; u++) maxDegree = Math.max(maxDegree, adj.degree(u));
        int[] seen = new int[maxDegree];
        int[] best = new int[maxDegree];
        SplittableRandom rnd = new SplittableRandom(config.seed());
        boolean weighted = config.weighted();
        int iterations = 0;
        boolean converged = n == 0;
        try (Progress.Task task = progress.begin("lpa", config.maxIterations(), "sweeps")) {
            while (!converged && iterations < config.maxIterations()) {
                shuffle(order, rnd);
                boolean changed = false;
                for (int u : order) {
                    int start = adj.start(u);
                    int end = adj.end(u);
                    if (start == end) continue;
                    int k = 0;
                    for (int i = start; i < end; i++) {
                        int l = label[adj.neighbor(i)];
                        if (!listed[l]) {
                            listed[l] = true;
                            seen[k++] = l;
                        }
                        weight[l] += weighted ? adj.weight(i) : 1.0;
                    }
                    double max = Double.NEGATIVE_INFINITY;
                    int ties = 0;
                    boolean keep = false;
                    for (int j = 0; j < k; j++) {
                        int l = seen[j];
                        double w = weight[l];
                        weight[l] = 0;
                        listed[l] = false;
                        if (w > max) {
                            max = w;
                            ties = 0;
                            keep = false;
                        }
                        if (w == max) {
                            best[ties++] = l;
                            keep |= l == label[u];
                        }
                    }
                    if (!keep) {
                        label[u] = best[ties == 1 ? 0 : rnd.nextInt(ties)];
                        changed = true;
                    }
                }
                iterations++;
                task.stepTo(iterations);
                converged = !changed;
            }
        }
        return Communities.of("lpa", g.ids(), label, Double.NaN, 1, iterations, converged);
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
