package dev.chorus.diffusion;

/**
 * Settings of {@link Celf}.
 *
 * @param k           seeds to choose, >= 1 (capped at the node count)
 * @param propagation the model whose Monte Carlo spread is maximized
 * @param runs        Monte Carlo runs per spread evaluation, >= 1
 * @param seed        random seed; same seed, same seeds for any thread count
 * @param lazy        CELF's lazy evaluation (default); false re-evaluates every candidate each round (plain greedy,
 *                    Kempe et al. 2003), the baseline CELF's speed-up is measured against
 * @param threads     worker threads, >= 1
 */
public record CelfConfig(int k, Propagation propagation, int runs, long seed, boolean lazy, int threads) {
    public static final int RUNS_DEFAULT = 1_000;

    public CelfConfig {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (propagation == null) throw new IllegalArgumentException("propagation must not be null");
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** k = 50, IC with uniform p = 0.1, 1,000 runs per evaluation, seed 42, lazy, all processors. */
    public static CelfConfig defaults() {
        return new CelfConfig(50, Propagation.defaults(), RUNS_DEFAULT, 42, true, Runtime.getRuntime().availableProcessors());
    }

    public CelfConfig withK(int v) {
        return new CelfConfig(v, propagation, runs, seed, lazy, threads);
    }

    public CelfConfig withPropagation(Propagation v) {
        return new CelfConfig(k, v, runs, seed, lazy, threads);
    }

    public CelfConfig withRuns(int v) {
        return new CelfConfig(k, propagation, v, seed, lazy, threads);
    }

    public CelfConfig withSeed(long v) {
        return new CelfConfig(k, propagation, runs, v, lazy, threads);
    }

    public CelfConfig withLazy(boolean v) {
        return new CelfConfig(k, propagation, runs, seed, v, threads);
    }

    public CelfConfig withThreads(int v) {
        return new CelfConfig(k, propagation, runs, seed, lazy, v);
    }
}
