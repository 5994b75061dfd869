package dev.chorus.centrality;

import java.util.List;

/**
 * Settings of {@link PageRank}; defaults as NetworkX's {@code pagerank}.
 *
 * @param damping       probability of following an arc (NetworkX {@code alpha}), in [0, 1)
 * @param maxIterations upper bound on power iterations, >= 1
 * @param tolerance     stop when the L1 change of the score vector is below {@code n * tolerance}, > 0
 * @param weighted      follow arcs in proportion to their interaction weight (default) or uniformly
 * @param personalize   original ids of the nodes the walk restarts at (uniformly); empty = all nodes
 * @param threads       worker threads, >= 1; results do not depend on it
 */
public record PageRankConfig(double damping, int maxIterations, double tolerance, boolean weighted,
                             List<String> personalize, int threads) {
    public static final double DAMPING_DEFAULT = 0.85;
    public static final int MAX_ITERATIONS_DEFAULT = 100;
    public static final double TOLERANCE_DEFAULT = 1e-6;

    public PageRankConfig {
        if (!(damping >= 0 && damping < 1)) throw new IllegalArgumentException("damping must be in [0,1), got " + damping);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        personalize = personalize == null ? List.of() : List.copyOf(personalize);
    }

    /** NetworkX defaults (damping 0.85, 100 iterations, tolerance 1e-6, weighted), all processors. */
    public static PageRankConfig defaults() {
        return new PageRankConfig(DAMPING_DEFAULT, MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT, true, List.of(),
                Runtime.getRuntime().availableProcessors());
    }

    public PageRankConfig withDamping(double d) {
        return new PageRankConfig(d, maxIterations, tolerance, weighted, personalize, threads);
    }

    public PageRankConfig withMaxIterations(int m) {
        return new PageRankConfig(damping, m, tolerance, weighted, personalize, threads);
    }

    public PageRankConfig withTolerance(double t) {
        return new PageRankConfig(damping, maxIterations, t, weighted, personalize, threads);
    }

    public PageRankConfig withWeighted(boolean w) {
        return new PageRankConfig(damping, maxIterations, tolerance, w, personalize, threads);
    }

    public PageRankConfig withPersonalize(List<String> ids) {
        return new PageRankConfig(damping, maxIterations, tolerance, weighted, ids, threads);
    }

    public PageRankConfig withThreads(int t) {
        return new PageRankConfig(damping, maxIterations, tolerance, weighted, personalize, t);
    }
}
