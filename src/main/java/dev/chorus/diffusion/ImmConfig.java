package dev.chorus.diffusion;

/**
 * Settings of {@link Imm}.
 *
 * @param k           seeds to choose, >= 1 (capped at the node count)
 * @param epsilon     approximation slack: the result is a (1 - 1/e - epsilon)-approximation, in (0, 1)
 * @param ell         the guarantee holds with probability at least 1 - n^-ell, > 0
 * @param propagation an {@code ic} or {@code lt} propagation: how reverse-reachable sets are sampled
 * @param seed        random seed; same seed, same seeds for any thread count
 * @param threads     worker threads, >= 1
 */
public record ImmConfig(int k, double epsilon, double ell, Propagation propagation, long seed, int threads) {
    public static final double EPSILON_DEFAULT = 0.1;
    public static final double ELL_DEFAULT = 1.0;

    public ImmConfig {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (!(epsilon > 0 && epsilon < 1)) throw new IllegalArgumentException("epsilon must be in (0,1), got " + epsilon);
        if (!(ell > 0)) throw new IllegalArgumentException("ell must be > 0, got " + ell);
        if (propagation == null || propagation.model() != DiffusionModel.IC && propagation.model() != DiffusionModel.LT) {
            throw new IllegalArgumentException("IMM supports the ic and lt models, not "
                    + (propagation == null ? "null" : propagation.model().cliName()));
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** k = 50, epsilon = 0.1, ell = 1, IC with uniform p = 0.1, seed 42, all processors. */
    public static ImmConfig defaults() {
        return new ImmConfig(50, EPSILON_DEFAULT, ELL_DEFAULT, Propagation.defaults(), 42, Runtime.getRuntime().availableProcessors());
    }

    public ImmConfig withK(int v) {
        return new ImmConfig(v, epsilon, ell, propagation, seed, threads);
    }

    public ImmConfig withEpsilon(double v) {
        return new ImmConfig(k, v, ell, propagation, seed, threads);
    }

    public ImmConfig withEll(double v) {
        return new ImmConfig(k, epsilon, v, propagation, seed, threads);
    }

    public ImmConfig withPropagation(Propagation v) {
        return new ImmConfig(k, epsilon, ell, v, seed, threads);
    }

    public ImmConfig withSeed(long v) {
        return new ImmConfig(k, epsilon, ell, propagation, v, threads);
    }

    public ImmConfig withThreads(int v) {
        return new ImmConfig(k, epsilon, ell, propagation, seed, v);
    }
}
