package dev.chorus.centrality;

/**
 * Settings of {@link InfluencePassivity}.
 *
 * @param maxIterations upper bound on iterations (the paper runs a fixed number M), >= 1
 * @param tolerance     stop when the L1 changes of the influence and of the passivity vector (each summing to 1)
 *                      are both below it, > 0
 * @param weighted      read an arc's weight as its number of interactions (default), or count every arc once
 * @param threads       worker threads, >= 1; results do not depend on it
 */
public record InfluencePassivityConfig(int maxIterations, double tolerance, boolean weighted, int threads) {
    public static final int MAX_ITERATIONS_DEFAULT = 1000;
    public static final double TOLERANCE_DEFAULT = 1e-6;

    public InfluencePassivityConfig {
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** 1000 iterations, tolerance 1e-6, weighted, all processors. */
    public static InfluencePassivityConfig defaults() {
        return new InfluencePassivityConfig(MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT, true, Runtime.getRuntime().availableProcessors());
    }

    public InfluencePassivityConfig withMaxIterations(int m) {
        return new InfluencePassivityConfig(m, tolerance, weighted, threads);
    }

    public InfluencePassivityConfig withTolerance(double t) {
        return new InfluencePassivityConfig(maxIterations, t, weighted, threads);
    }

    public InfluencePassivityConfig withWeighted(boolean w) {
        return new InfluencePassivityConfig(maxIterations, tolerance, w, threads);
    }

    public InfluencePassivityConfig withThreads(int t) {
        return new InfluencePassivityConfig(maxIterations, tolerance, weighted, t);
    }
}
