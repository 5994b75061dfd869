package dev.chorus.community;

/**
 * Settings of {@link Leiden}.
 *
 * @param quality       the objective: {@link Quality#MODULARITY} or {@link Quality#CPM}
 * @param resolution    gamma, finite and >= 0; for CPM it is the density a community must exceed
 * @param randomness    theta of the refinement, finite and > 0: merges are drawn with probability proportional
 *                      to {@code exp(gain / theta)}, the gain in edge-weight units (igraph's {@code beta})
 * @param maxIterations upper bound on Leiden iterations, >= 1: {@link #MAX_ITERATIONS_DEFAULT} (2, as igraph and
 *                      leidenalg) by default, because later iterations add little (on a 10M-edge graph: 15 s and
 *                      modularity 0.2259 for 2 iterations, 349 s and 0.2284 until stable); {@link #UNTIL_STABLE}
 *                      runs until an iteration changes nothing
 * @param seed          seed of the visiting orders and of the refinement's random merges
 * @param threads       worker threads, >= 1; results do not depend on it
 */
public record LeidenConfig(Quality quality, double resolution, double randomness, int maxIterations, long seed,
                           int threads) {
    /** The objective Leiden maximises; see {@link Leiden}. */
    public enum Quality { MODULARITY, CPM }

    public static final double RESOLUTION_DEFAULT = 1.0;
    public static final double RANDOMNESS_DEFAULT = 0.01;
    public static final int UNTIL_STABLE = Integer.MAX_VALUE;
    public static final int MAX_ITERATIONS_DEFAULT = 2;
    public static final long SEED_DEFAULT = 42;

    public LeidenConfig {
        if (quality == null) throw new IllegalArgumentException("quality must be MODULARITY or CPM, got null");
        if (!(resolution >= 0 && resolution < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("resolution must be finite and >= 0, got " + resolution);
        }
        if (!(randomness > 0 && randomness < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("randomness must be finite and > 0, got " + randomness);
        }
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Modularity at resolution 1, randomness 0.01 and 2 iterations (as igraph and leidenalg), seed 42, all processors. */
    public static LeidenConfig defaults() {
        return new LeidenConfig(Quality.MODULARITY, RESOLUTION_DEFAULT, RANDOMNESS_DEFAULT, MAX_ITERATIONS_DEFAULT, SEED_DEFAULT,
                Runtime.getRuntime().availableProcessors());
    }

    public LeidenConfig withQuality(Quality q) {
        return new LeidenConfig(q, resolution, randomness, maxIterations, seed, threads);
    }

    public LeidenConfig withResolution(double r) {
        return new LeidenConfig(quality, r, randomness, maxIterations, seed, threads);
    }

    public LeidenConfig withRandomness(double theta) {
        return new LeidenConfig(quality, resolution, theta, maxIterations, seed, threads);
    }

    public LeidenConfig withMaxIterations(int m) {
        return new LeidenConfig(quality, resolution, randomness, m, seed, threads);
    }

    public LeidenConfig withSeed(long s) {
        return new LeidenConfig(quality, resolution, randomness, maxIterations, s, threads);
    }

    public LeidenConfig withThreads(int t) {
        return new LeidenConfig(quality, resolution, randomness, maxIterations, seed, t);
    }
}
