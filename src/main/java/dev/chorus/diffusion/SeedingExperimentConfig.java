package dev.chorus.diffusion;

/**
 * Settings of {@link SeedingExperiment}.
 *
 * @param k          seed budget per strategy, >= 1
 * @param runs       Monte Carlo runs per arm, >= 1
 * @param seed       random seed (IMM and Monte Carlo); same seed, same numbers for any thread count
 * @param p          IC edge probability in [0,1]; NaN means weighted cascade (1 / in-degree of the receiving node)
 * @param thresholdK complex contagion: active in-neighbours needed to adopt, >= 1
 * @param threads    worker threads, >= 1
 */
public record SeedingExperimentConfig(int k, int runs, long seed, double p, int thresholdK, int threads) {
    public SeedingExperimentConfig {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0,1] or NaN, got " + p);
        if (thresholdK < 1) throw new IllegalArgumentException("thresholdK must be >= 1, got " + thresholdK);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** k = 10, 1,000 runs, seed 42, weighted cascade, complex contagion threshold 2, all processors. */
    public static SeedingExperimentConfig defaults() {
        return new SeedingExperimentConfig(10, 1_000, 42, Double.NaN, 2, Runtime.getRuntime().availableProcessors());
    }

    public SeedingExperimentConfig withK(int v) {
        return new SeedingExperimentConfig(v, runs, seed, p, thresholdK, threads);
    }

    public SeedingExperimentConfig withRuns(int v) {
        return new SeedingExperimentConfig(k, v, seed, p, thresholdK, threads);
    }

    public SeedingExperimentConfig withSeed(long v) {
        return new SeedingExperimentConfig(k, runs, v, p, thresholdK, threads);
    }

    public SeedingExperimentConfig withP(double v) {
        return new SeedingExperimentConfig(k, runs, seed, v, thresholdK, threads);
    }

    public SeedingExperimentConfig withThresholdK(int v) {
        return new SeedingExperimentConfig(k, runs, seed, p, v, threads);
    }

    public SeedingExperimentConfig withThreads(int v) {
        return new SeedingExperimentConfig(k, runs, seed, p, thresholdK, v);
    }
}
