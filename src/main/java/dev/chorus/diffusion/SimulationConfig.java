package dev.chorus.diffusion;

/**
 * Settings of {@link Simulation}.
 *
 * @param propagation the model, its parameters and edge weights
 * @param runs        Monte Carlo runs, >= 1
 * @param seed        random seed; the same seed gives the same numbers for any thread count
 * @param threads     worker threads, >= 1
 */
public record SimulationConfig(Propagation propagation, int runs, long seed, int threads) {
    public static final int RUNS_DEFAULT = 10_000;

    public SimulationConfig {
        if (propagation == null) throw new IllegalArgumentException("propagation must not be null");
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** IC with uniform p = 0.1, 10,000 runs, seed 42, all processors. */
    public static SimulationConfig defaults() {
        return new SimulationConfig(Propagation.defaults(), RUNS_DEFAULT, 42, Runtime.getRuntime().availableProcessors());
    }

    public SimulationConfig withPropagation(Propagation p) {
        return new SimulationConfig(p, runs, seed, threads);
    }

    public SimulationConfig withRuns(int r) {
        return new SimulationConfig(propagation, r, seed, threads);
    }

    public SimulationConfig withSeed(long s) {
        return new SimulationConfig(propagation, runs, s, threads);
    }

    public SimulationConfig withThreads(int t) {
        return new SimulationConfig(propagation, runs, seed, t);
    }
}
