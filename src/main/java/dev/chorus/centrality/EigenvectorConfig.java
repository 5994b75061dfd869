package dev.chorus.centrality;

/**
 * Settings of {@link Eigenvector}; defaults as NetworkX's {@code eigenvector_centrality}.
 *
 * @param maxIterations upper bound on power iterations, >= 1
 * @param tolerance     stop when the L1 change of the (L2-normalized) score vector is below {@code n * tolerance}, > 0
 * @param weighted      use interaction weights as connection strengths, or count arcs (default, NetworkX's
 *                      {@code weight=None})
 * @param threads       worker threads, >= 1; results do not depend on it
 */
public record EigenvectorConfig(int maxIterations, double tolerance, boolean weighted, int threads) {
    public static final int MAX_ITERATIONS_DEFAULT = 100;
    public static final double TOLERANCE_DEFAULT = 1e-6;

    public EigenvectorConfig {
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** NetworkX defaults (100 iterations, tolerance 1e-6, unweighted), all processors. */
    public static EigenvectorConfig defaults() {
        return new EigenvectorConfig(MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT, false, Runtime.getRuntime().availableProcessors());
    }

    public EigenvectorConfig withMaxIterations(int m) {
        return new EigenvectorConfig(m, tolerance, weighted, threads);
    }

    public EigenvectorConfig withTolerance(double t) {
        return new EigenvectorConfig(maxIterations, t, weighted, threads);
    }

    public EigenvectorConfig withWeighted(boolean w) {
        return new EigenvectorConfig(maxIterations, tolerance, w, threads);
    }

    public EigenvectorConfig withThreads(int t) {
        return new EigenvectorConfig(maxIterations, tolerance, weighted, t);
    }
}
