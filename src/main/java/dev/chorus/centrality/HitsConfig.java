package dev.chorus.centrality;

/**
 * Settings of {@link Hits}. Weighted by default, as NetworkX 2.8.8's {@code hits} (it builds
 * {@code adjacency_matrix(G)}, which reads the {@code weight} attribute).
 *
 * @param maxIterations upper bound on power iterations, >= 1 (NetworkX's {@code max_iter=100} bounds ARPACK
 *                      restarts instead; plain power iteration may need more, hence 1000)
 * @param tolerance     stop when the L1 changes of the hub and of the authority vector (each summing to 1) are
 *                      both below it, > 0 (NetworkX's {@code tol=1e-8})
 * @param weighted      use interaction weights (default) or count arcs
 * @param threads       worker threads, >= 1; results do not depend on it
 */
public record HitsConfig(int maxIterations, double tolerance, boolean weighted, int threads) {
    public static final int MAX_ITERATIONS_DEFAULT = 1000;
    public static final double TOLERANCE_DEFAULT = 1e-8;

    public HitsConfig {
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** 1000 iterations, tolerance 1e-8, weighted, all processors. */
    public static HitsConfig defaults() {
        return new HitsConfig(MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT, true, Runtime.getRuntime().availableProcessors());
    }

    public HitsConfig withMaxIterations(int m) {
        return new HitsConfig(m, tolerance, weighted, threads);
    }

    public HitsConfig withTolerance(double t) {
        return new HitsConfig(maxIterations, t, weighted, threads);
    }

    public HitsConfig withWeighted(boolean w) {
        return new HitsConfig(maxIterations, tolerance, w, threads);
    }

    public HitsConfig withThreads(int t) {
        return new HitsConfig(maxIterations, tolerance, weighted, t);
    }
}
