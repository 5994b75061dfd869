package dev.chorus.diffusion;

import dev.chorus.centrality.Degree;
import dev.chorus.centrality.DegreeConfig;
import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.Comparator;

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
 * O(n log n) after the centrality itself.
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

    /** The k best nodes by {@code score}, then {@code tie}, descending, then by original id. */
    private static int[] top(InteractionGraph g, double[] score, double[] tie, int k) {
        Integer[] order = new Integer[g.nodeCount()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingDouble(i -> -tie[i])
                .thenComparing(i -> g.ids().id(i)));
        int[] out = new int[Math.min(k, order.length)];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }
}
