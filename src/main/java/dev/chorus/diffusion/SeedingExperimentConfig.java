package dev.chorus.diffusion;

/**
 * Settings of {@link SeedingExperiment}.
 *
 * @param k       seed budget per strategy, >= 1
 * @param runs    most simulated worlds per arm, >= 1 (fewer when {@code stopping} says the arms are settled)
 * @param seed    random seed (IMM and Monte Carlo); same seed, same numbers for any thread count
 * @param simple  the simple contagion, an {@code ic} propagation (IMM chooses its seeds for it)
 * @param complex the complex contagion, a {@code threshold} propagation with an absolute k
 * @param threads worker threads, >= 1
 * @param stopping when the independent cascade's arms have had enough worlds
 */
public record SeedingExperimentConfig(int k, int runs, long seed, Propagation simple, Propagation complex, int threads, ArmStopping stopping) {
    public SeedingExperimentConfig {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        if (simple == null || simple.model() != DiffusionModel.IC) throw new IllegalArgumentException("simple must be an ic propagation");
        if (complex == null || complex.model() != DiffusionModel.THRESHOLD || !Double.isNaN(complex.thresholdFraction())) {
            throw new IllegalArgumentException("complex must be a threshold propagation with an absolute k");
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (stopping == null) throw new IllegalArgumentException("stopping must not be null");
    }

    /** k = 10, at most 1,000 runs, seed 42, ic with weighted cascade, threshold 2, all processors, {@link ArmStopping#DEFAULT}. */
    public static SeedingExperimentConfig defaults() {
        return new SeedingExperimentConfig(10, 1_000, 42, Propagation.ic(EdgeWeights.weightedCascade()), Propagation.threshold(2),
                Runtime.getRuntime().availableProcessors(), ArmStopping.DEFAULT);
    }

    public SeedingExperimentConfig withK(int v) {
        return new SeedingExperimentConfig(v, runs, seed, simple, complex, threads, stopping);
    }

    public SeedingExperimentConfig withRuns(int v) {
        return new SeedingExperimentConfig(k, v, seed, simple, complex, threads, stopping);
    }

    public SeedingExperimentConfig withSeed(long v) {
        return new SeedingExperimentConfig(k, runs, v, simple, complex, threads, stopping);
    }

    public SeedingExperimentConfig withSimple(Propagation v) {
        return new SeedingExperimentConfig(k, runs, seed, v, complex, threads, stopping);
    }

    public SeedingExperimentConfig withComplex(Propagation v) {
        return new SeedingExperimentConfig(k, runs, seed, simple, v, threads, stopping);
    }

    public SeedingExperimentConfig withThreads(int v) {
        return new SeedingExperimentConfig(k, runs, seed, simple, complex, v, stopping);
    }

    public SeedingExperimentConfig withStopping(ArmStopping v) {
        return new SeedingExperimentConfig(k, runs, seed, simple, complex, threads, v);
    }
}
