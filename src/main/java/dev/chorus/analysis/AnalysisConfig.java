package dev.chorus.analysis;

import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.RoleConfig;
import java.util.List;

/**
 * Settings of {@link Analysis}.
 *
 * @param top                 how many hubs and clusters the summary and the report name, >= 1 (default 10)
 * @param k                   seed budget of the seeding experiment, >= 1 (default 10)
 * @param seed                seed of every randomized step (Leiden, sampled betweenness, simulations)
 * @param models              diffusion models of the seeding experiment: {@code ic} (simple contagion) and/or
 *                            {@code threshold} (complex contagion); default both
 * @param threads             worker threads, >= 1; results do not depend on it
 * @param betweennessSamples  sources sampled for betweenness: 0 = exact; {@link #AUTO} (default) = exact up to
 *                            {@link #EXACT_BETWEENNESS_MAX_NODES} nodes, else {@link #SAMPLES_DEFAULT} sources
 * @param seedingRuns         simulations per arm of the seeding experiment (default 100: on Higgs the 95% interval is
 *                            then about ±1% of the mean); 0 skips it
 * @param roles               role thresholds
 * @param clusters            passionate-cluster filter
 * @param goal                what the recommended seeds and the verdict optimise ({@link Goal}; default awareness)
 * @param seedOnLayers        on typed input, run each model's seeding arms on its goal's layer (default); false runs them
 *                            on the whole graph, as the backtest does, whose outcome counts every future row
 */
public record AnalysisConfig(int top, int k, long seed, List<String> models, int threads, int betweennessSamples,
                             int seedingRuns, RoleConfig roles, ClusterConfig clusters, Goal goal, boolean seedOnLayers) {
    public static final int AUTO = -1;
    public static final int EXACT_BETWEENNESS_MAX_NODES = 5000;
    /**
     * Sources of sampled betweenness. Fewer lose up to a quarter of the exact top 1% that the {@code bridge} role reads
     * (README, "Sampled betweenness: what the top 1% is worth"); the tolerance of 200 is held by
     * {@code BetweennessTopSampleTest}.
     */
    public static final int SAMPLES_DEFAULT = 200;
    public static final List<String> MODELS = List.of("ic", "threshold");

    public AnalysisConfig {
        if (top < 1) throw new IllegalArgumentException("top must be >= 1, got " + top);
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        models = List.copyOf(models);
        if (models.isEmpty()) throw new IllegalArgumentException("models must name at least one of " + MODELS);
        for (String m : models) {
            if (!MODELS.contains(m)) throw new IllegalArgumentException("unknown model '" + m + "' (available: ic, threshold)");
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (betweennessSamples < AUTO) throw new IllegalArgumentException("betweennessSamples must be >= 0 or AUTO (-1), got " + betweennessSamples);
        if (seedingRuns < 0) throw new IllegalArgumentException("seedingRuns must be >= 0, got " + seedingRuns);
        if (roles == null || clusters == null || goal == null) throw new IllegalArgumentException("roles, clusters and goal must be given");
    }

    public static AnalysisConfig defaults() {
        return new AnalysisConfig(10, 10, 42, MODELS, Runtime.getRuntime().availableProcessors(), AUTO, 100,
                RoleConfig.defaults(), ClusterConfig.defaults(), Goal.AWARENESS, true);
    }

    /** Sources the betweenness step samples for a graph of {@code n} nodes (0 = exact). */
    public int betweennessSamplesFor(int n) {
        if (betweennessSamples != AUTO) return betweennessSamples >= n ? 0 : betweennessSamples;
        return n <= EXACT_BETWEENNESS_MAX_NODES ? 0 : SAMPLES_DEFAULT;
    }

    public AnalysisConfig withTop(int t) {
        return new AnalysisConfig(t, k, seed, models, threads, betweennessSamples, seedingRuns, roles, clusters, goal, seedOnLayers);
    }

    public AnalysisConfig withK(int budget) {
        return new AnalysisConfig(top, budget, seed, models, threads, betweennessSamples, seedingRuns, roles, clusters, goal, seedOnLayers);
    }

    public AnalysisConfig withSeed(long s) {
        return new AnalysisConfig(top, k, s, models, threads, betweennessSamples, seedingRuns, roles, clusters, goal, seedOnLayers);
    }

    public AnalysisConfig withModels(List<String> m) {
        return new AnalysisConfig(top, k, seed, m, threads, betweennessSamples, seedingRuns, roles, clusters, goal, seedOnLayers);
    }

    public AnalysisConfig withThreads(int t) {
        return new AnalysisConfig(top, k, seed, models, t, betweennessSamples, seedingRuns, roles, clusters, goal, seedOnLayers);
    }

    public AnalysisConfig withBetweennessSamples(int s) {
        return new AnalysisConfig(top, k, seed, models, threads, s, seedingRuns, roles, clusters, goal, seedOnLayers);
    }

    public AnalysisConfig withSeedingRuns(int r) {
        return new AnalysisConfig(top, k, seed, models, threads, betweennessSamples, r, roles, clusters, goal, seedOnLayers);
    }

    public AnalysisConfig withRoles(RoleConfig r) {
        return new AnalysisConfig(top, k, seed, models, threads, betweennessSamples, seedingRuns, r, clusters, goal, seedOnLayers);
    }

    public AnalysisConfig withClusters(ClusterConfig c) {
        return new AnalysisConfig(top, k, seed, models, threads, betweennessSamples, seedingRuns, roles, c, goal, seedOnLayers);
    }

    public AnalysisConfig withGoal(Goal g) {
        return new AnalysisConfig(top, k, seed, models, threads, betweennessSamples, seedingRuns, roles, clusters, g, seedOnLayers);
    }

    public AnalysisConfig withSeedOnLayers(boolean on) {
        return new AnalysisConfig(top, k, seed, models, threads, betweennessSamples, seedingRuns, roles, clusters, goal, on);
    }
}
