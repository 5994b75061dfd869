package dev.chorus.diffusion;

/**
 * Settings of {@link Simulation}.
 *
 * @param model             the diffusion model
 * @param weights           edge weights for ic (probabilities) and lt (normalized weights); unused by threshold
 *                          and sir
 * @param runs              Monte Carlo runs, >= 1
 * @param seed              random seed; the same seed gives the same numbers for any thread count
 * @param thresholdK        threshold: absolute number of active in-neighbours needed, >= 1
 * @param thresholdFraction threshold: share of in-neighbours needed instead, in (0,1], or NaN to use k
 * @param beta              sir: infection probability per contact and step
 * @param gamma             sir: recovery probability per step, in (0,1]
 * @param maxSteps          sir: step cap
 * @param threads           worker threads, >= 1
 */
public record SimulationConfig(DiffusionModel model, EdgeWeights weights, int runs, long seed, int thresholdK,
                               double thresholdFraction, double beta, double gamma, int maxSteps, int threads) {
    public static final int RUNS_DEFAULT = 10_000;
    public static final double P_DEFAULT = 0.1;
    public static final int THRESHOLD_K_DEFAULT = 2;
    public static final double BETA_DEFAULT = 0.1;
    public static final double GAMMA_DEFAULT = 0.5;
    public static final int MAX_STEPS_DEFAULT = 10_000;

    public SimulationConfig {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        if (weights == null) throw new IllegalArgumentException("weights must not be null");
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (thresholdK < 1) throw new IllegalArgumentException("threshold k must be >= 1, got " + thresholdK);
        if (!Double.isNaN(thresholdFraction) && !(thresholdFraction > 0 && thresholdFraction <= 1)) {
            throw new IllegalArgumentException("threshold fraction must be in (0,1], got " + thresholdFraction);
        }
        if (!(beta >= 0 && beta <= 1)) throw new IllegalArgumentException("beta must be in [0,1], got " + beta);
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in (0,1], got " + gamma);
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
    }

    /** IC with uniform p = 0.1, 10,000 runs, seed 42, all processors. */
    public static SimulationConfig defaults() {
        return new SimulationConfig(DiffusionModel.IC, EdgeWeights.uniform(P_DEFAULT), RUNS_DEFAULT, 42, THRESHOLD_K_DEFAULT,
                Double.NaN, BETA_DEFAULT, GAMMA_DEFAULT, MAX_STEPS_DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    public SimulationConfig withModel(DiffusionModel m) {
        return new SimulationConfig(m, weights, runs, seed, thresholdK, thresholdFraction, beta, gamma, maxSteps, threads);
    }

    public SimulationConfig withWeights(EdgeWeights w) {
        return new SimulationConfig(model, w, runs, seed, thresholdK, thresholdFraction, beta, gamma, maxSteps, threads);
    }

    public SimulationConfig withRuns(int r) {
        return new SimulationConfig(model, weights, r, seed, thresholdK, thresholdFraction, beta, gamma, maxSteps, threads);
    }

    public SimulationConfig withSeed(long s) {
        return new SimulationConfig(model, weights, runs, s, thresholdK, thresholdFraction, beta, gamma, maxSteps, threads);
    }

    public SimulationConfig withThresholdK(int k) {
        return new SimulationConfig(model, weights, runs, seed, k, thresholdFraction, beta, gamma, maxSteps, threads);
    }

    public SimulationConfig withThresholdFraction(double f) {
        return new SimulationConfig(model, weights, runs, seed, thresholdK, f, beta, gamma, maxSteps, threads);
    }

    public SimulationConfig withBeta(double b) {
        return new SimulationConfig(model, weights, runs, seed, thresholdK, thresholdFraction, b, gamma, maxSteps, threads);
    }

    public SimulationConfig withGamma(double g) {
        return new SimulationConfig(model, weights, runs, seed, thresholdK, thresholdFraction, beta, g, maxSteps, threads);
    }

    public SimulationConfig withMaxSteps(int s) {
        return new SimulationConfig(model, weights, runs, seed, thresholdK, thresholdFraction, beta, gamma, s, threads);
    }

    public SimulationConfig withThreads(int t) {
        return new SimulationConfig(model, weights, runs, seed, thresholdK, thresholdFraction, beta, gamma, maxSteps, t);
    }
}
