package dev.chorus.diffusion;

import dev.chorus.centrality.Degree;
import dev.chorus.centrality.DegreeConfig;
import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;

/**
 * Top-k heuristics that influence maximization is measured against: the k nodes with the highest score, ties by
 * weighted in-degree and then by original id, so rankings are stable.
 * <ul>
 * <li>{@code degree}: weighted in-degree, the attention a node receives: the people who act on its content are
 * exactly the ones its messages reach (influence flows target -> source);</li>
 * <li>{@code pagerank}: {@link PageRank} with its defaults (attention from people who themselves get attention);</li>
 * <li>{@code kcore}: {@link KCore} coreness (Kitsak et al., Nature Physics 6 (2010), doi:10.1038/nphys1746): many
 * nodes share the top shell, which the degree tie-break orders.</li>
 * </ul>
 * O(n log k) after the centrality itself.
 */
public final class SeedBaselines {
    private SeedBaselines() {
    }

    public static SeedSelection compute(InteractionGraph g, SeedBaselinesConfig config) {
        return compute(g, config, Progress.NONE);
    }

    /** The k best nodes; no spread estimate of their own (NaN) and no samples. */
    public static SeedSelection compute(InteractionGraph g, SeedBaselinesConfig config, Progress progress) {
        long t0 = System.nanoTime();
        int[] nodes = ranking(g, config.method(), Math.min(config.k(), g.nodeCount()), config.threads(), progress);
        return SeedSelection.of(config.method().cliName(), g, nodes, Double.NaN, 0, t0);
    }

    /** The k best nodes by {@code method}. */
    static int[] ranking(InteractionGraph g, SeedBaselinesConfig.Method method, int k, int threads, Progress progress) {
        double[] attention = Degree.compute(g, DegreeConfig.defaults()).column("in");
        double[] score = switch (method) {
            case DEGREE -> attention;
            case PAGERANK -> PageRank.compute(g, PageRankConfig.defaults().withThreads(threads), progress).column("pagerank");
            case KCORE -> KCore.compute(g, KCoreConfig.defaults(), progress).column("kcore");
        };
        return top(g, score, attention, k);
    }

    /**
     * The k best nodes by {@code score}, then {@code tie}, descending, then by original id: one pass keeping the k
     * best in a heap, O(n log k), instead of sorting all n (ties of low-degree nodes fall through to comparing ids,
     * which made a full sort take 10 s on a million nodes).
     */
    static int[] top(InteractionGraph g, double[] score, double[] tie, int k) {
        int size = Math.min(k, g.nodeCount());
        // heap[0] is the worst of the best found so far
        int[] heap = new int[size];
        int filled = 0;
        for (int u = 0; u < g.nodeCount() && size > 0; u++) {
            if (filled < size) {
                heap[filled] = u;
                siftUp(g, score, tie, heap, filled++);
            } else if (before(g, score, tie, u, heap[0])) {
                heap[0] = u;
                siftDown(g, score, tie, heap, 0, size);
            }
        }
        // heap sort: repeatedly move the worst to the end
        for (int end = size - 1; end > 0; end--) {
            int w = heap[0];
            heap[0] = heap[end];
            heap[end] = w;
            siftDown(g, score, tie, heap, 0, end);
        }
        return heap;
    }

    /** Whether u ranks before v: higher score, then higher tie, then the smaller original id. */
    private static boolean before(InteractionGraph g, double[] score, double[] tie, int u, int v) {
        int c = Double.compare(-score[u], -score[v]);
        if (c == 0) c = Double.compare(-tie[u], -tie[v]);
        if (c == 0) c = g.ids().id(u).compareTo(g.ids().id(v));
        return c < 0;
    }

    private static void siftUp(InteractionGraph g, double[] score, double[] tie, int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(g, score, tie, heap[parent], heap[i])) return;
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(InteractionGraph g, double[] score, double[] tie, int[] heap, int i, int size) {
        while (true) {
            int worst = i;
            int l = 2 * i + 1;
            int r = l + 1;
            if (l < size && before(g, score, tie, heap[worst], heap[l])) worst = l;
            if (r < size && before(g, score, tie, heap[worst], heap[r])) worst = r;
            if (worst == i) return;
            int t = heap[worst];
            heap[worst] = heap[i];
            heap[i] = t;
            i = worst;
        }
    }
}
