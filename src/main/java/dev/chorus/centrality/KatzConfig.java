package dev.chorus.centrality;

import java.util.OptionalDouble;

/**
 * Settings of {@link Katz}; defaults as NetworkX's {@code katz_centrality} except alpha, which defaults to 0.9
 * divided by the spectral radius of the adjacency matrix (see {@link Katz#alpha}).
 *
 * @param alpha         attenuation per step, >= 0 and finite; empty = {@link Katz#alpha the default}
 * @param beta          the constant every node receives, > 0 and finite (NetworkX {@code beta=1}); with the final
 *                      normalization it only scales the tolerance
 * @param maxIterations upper bound on iterations, >= 1 (also bounds the spectral-radius iteration)
 * @param tolerance     stop when the L1 change of the (unnormalized) vector is below {@code n * tolerance}, > 0
 * @param weighted      use interaction weights, or count arcs (default, NetworkX's {@code weight=None})
 * @param threads       worker threads, >= 1; results do not depend on it
 */
public record KatzConfig(OptionalDouble alpha, double beta, int maxIterations, double tolerance, boolean weighted,
                         int threads) {
    public static final double BETA_DEFAULT = 1.0;
    public static final int MAX_ITERATIONS_DEFAULT = 1000;
    public static final double TOLERANCE_DEFAULT = 1e-6;

    public KatzConfig {
        if (alpha == null) alpha = OptionalDouble.empty();
        if (alpha.isPresent() && !(alpha.getAsDouble() >= 0 && Double.isFinite(alpha.getAsDouble()))) {
            throw new IllegalArgumentException("alpha must be >= 0 and finite, got " + alpha.getAsDouble());
        }
        if (!(beta > 0 && Double.isFinite(beta))) throw new IllegalArgumentException("beta must be > 0 and finite, got " + beta);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Default alpha, beta 1, 1000 iterations, tolerance 1e-6, unweighted, all processors. */
    public static KatzConfig defaults() {
        return new KatzConfig(OptionalDouble.empty(), BETA_DEFAULT, MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT, false,
                Runtime.getRuntime().availableProcessors());
    }

    public KatzConfig withAlpha(double a) {
        return new KatzConfig(OptionalDouble.of(a), beta, maxIterations, tolerance, weighted, threads);
    }

    public KatzConfig withBeta(double b) {
        return new KatzConfig(alpha, b, maxIterations, tolerance, weighted, threads);
    }

    public KatzConfig withMaxIterations(int m) {
        return new KatzConfig(alpha, beta, m, tolerance, weighted, threads);
    }

    public KatzConfig withTolerance(double t) {
        return new KatzConfig(alpha, beta, maxIterations, t, weighted, threads);
    }

    public KatzConfig withWeighted(boolean w) {
        return new KatzConfig(alpha, beta, maxIterations, tolerance, w, threads);
    }

    public KatzConfig withThreads(int t) {
        return new KatzConfig(alpha, beta, maxIterations, tolerance, weighted, t);
    }
}
