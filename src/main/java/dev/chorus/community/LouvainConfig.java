package dev.chorus.community;

/**
 * Settings of {@link Louvain}.
 *
 * @param resolution modularity resolution gamma, finite and >= 0: above 1 favours smaller communities, below 1
 *                   larger ones
 * @param tolerance  a level's sweeps stop when one sweep raises modularity by no more than this, and no further
 *                   level is built when a whole level does not; >= 0 (the authors' code calls it precision)
 * @param seed       seed of the node visiting order
 * @param threads    worker threads, >= 1; results do not depend on it
 * @param refine     after the last level, move the nodes of every level again, coarsest first (Rotta &amp; Noack's
 *                   multilevel refinement); false gives Blondel et al.'s algorithm as igraph runs it
 */
public record LouvainConfig(double resolution, double tolerance, long seed, int threads, boolean refine) {
    public static final double RESOLUTION_DEFAULT = 1.0;
    public static final double TOLERANCE_DEFAULT = 1e-6;
    public static final long SEED_DEFAULT = 42;

    public LouvainConfig {
        if (!(resolution >= 0 && resolution < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("resolution must be finite and >= 0, got " + resolution);
        }
        if (!(tolerance >= 0 && tolerance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /**
     * Resolution 1 (plain modularity), tolerance 1e-6 (the precision of the authors' reference code), seed 42, all
     * processors, with refinement.
     */
    public static LouvainConfig defaults() {
        return new LouvainConfig(RESOLUTION_DEFAULT, TOLERANCE_DEFAULT, SEED_DEFAULT, Runtime.getRuntime().availableProcessors(), true);
    }

    public LouvainConfig withResolution(double r) {
        return new LouvainConfig(r, tolerance, seed, threads, refine);
    }

    public LouvainConfig withTolerance(double t) {
        return new LouvainConfig(resolution, t, seed, threads, refine);
    }

    public LouvainConfig withSeed(long s) {
        return new LouvainConfig(resolution, tolerance, s, threads, refine);
    }

    public LouvainConfig withThreads(int t) {
        return new LouvainConfig(resolution, tolerance, seed, t, refine);
    }

    public LouvainConfig withRefine(boolean r) {
        return new LouvainConfig(resolution, tolerance, seed, threads, r);
    }
}
