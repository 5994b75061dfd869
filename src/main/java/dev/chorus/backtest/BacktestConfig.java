package dev.chorus.backtest;

import dev.chorus.analysis.AnalysisConfig;
import java.util.List;

/**
 * Settings of {@link Backtest}.
 *
 * @param analysis  the analysis run on the train graph: its k, seed, threads and seeding runs (simulations per
 *                  arm, >= 1) are the backtest's; only its {@code ic} arms are used
 * @param draws     random seed sets behind the {@code random} arm's {@code observed_draws}, >= 1
 * @param bootstrap bootstrap replicates of each Spearman interval, >= 0 (0: no interval)
 */
public record BacktestConfig(AnalysisConfig analysis, int draws, int bootstrap) {
    public BacktestConfig {
        if (analysis.seedingRuns() < 1) throw new IllegalArgumentException("the backtest needs >= 1 simulation run per arm");
        if (draws < 1) throw new IllegalArgumentException("draws must be >= 1, got " + draws);
        if (bootstrap < 0) throw new IllegalArgumentException("bootstrap must be >= 0, got " + bootstrap);
        analysis = analysis.withModels(List.of("ic"));
    }

    /** k = 10, 1,000 simulations per arm, 100 random draws, 1,000 bootstrap replicates, seed 42. */
    public static BacktestConfig defaults() {
        return new BacktestConfig(AnalysisConfig.defaults().withSeedingRuns(1000), 100, 1000);
    }

    public int k() {
        return analysis.k();
    }

    public long seed() {
        return analysis.seed();
    }

    public BacktestConfig withAnalysis(AnalysisConfig a) {
        return new BacktestConfig(a, draws, bootstrap);
    }

    public BacktestConfig withDraws(int d) {
        return new BacktestConfig(analysis, d, bootstrap);
    }

    public BacktestConfig withBootstrap(int b) {
        return new BacktestConfig(analysis, draws, b);
    }
}
