package dev.chorus.centrality;

import java.util.List;

/**
 * The settings a {@link Centralities} entry runs with: the options of every centrality algorithm in one record,
 * each entry reading those it has (the {@code chorus centrality} flags of the same names). A null field means the
 * algorithm's own default.
 *
 * @param weighted      use interaction weights; null = {@link CentralityAlgorithm#weightedByDefault()}
 * @param damping       PageRank's damping factor
 * @param maxIterations iteration cap of the iterative algorithms; null = each one's default
 * @param tolerance     convergence tolerance of the iterative algorithms; null = each one's default
 * @param alpha         Katz's attenuation; null = 0.9 / the adjacency's largest eigenvalue
 * @param beta          Katz's constant term
 * @param samples       betweenness: sources sampled, 0 = exact
 * @param seed          betweenness: seed of the sampled sources
 * @param normalized    betweenness: divide by (n-1)(n-2)
 * @param personalize   PageRank: ids the walk restarts at; empty = all nodes
 * @param threads       worker threads, >= 1; results do not depend on it
 */
public record CentralitySettings(Boolean weighted, double damping, Integer maxIterations, Double tolerance, Double alpha,
                                 double beta, int samples, long seed, boolean normalized, List<String> personalize,
                                 int threads) {
    public CentralitySettings {
        personalize = personalize == null ? List.of() : List.copyOf(personalize);
    }

    /** Every algorithm's own defaults, seed 42, all processors. */
    public static CentralitySettings defaults() {
        return new CentralitySettings(null, PageRankConfig.DAMPING_DEFAULT, null, null, null, KatzConfig.BETA_DEFAULT, 0, 42,
                false, List.of(), Runtime.getRuntime().availableProcessors());
    }

    public CentralitySettings withWeighted(Boolean w) {
        return new CentralitySettings(w, damping, maxIterations, tolerance, alpha, beta, samples, seed, normalized, personalize, threads);
    }

    public CentralitySettings withDamping(double d) {
        return new CentralitySettings(weighted, d, maxIterations, tolerance, alpha, beta, samples, seed, normalized, personalize, threads);
    }

    public CentralitySettings withMaxIterations(Integer m) {
        return new CentralitySettings(weighted, damping, m, tolerance, alpha, beta, samples, seed, normalized, personalize, threads);
    }

    public CentralitySettings withTolerance(Double t) {
        return new CentralitySettings(weighted, damping, maxIterations, t, alpha, beta, samples, seed, normalized, personalize, threads);
    }

    public CentralitySettings withAlpha(Double a) {
        return new CentralitySettings(weighted, damping, maxIterations, tolerance, a, beta, samples, seed, normalized, personalize, threads);
    }

    public CentralitySettings withBeta(double b) {
        return new CentralitySettings(weighted, damping, maxIterations, tolerance, alpha, b, samples, seed, normalized, personalize, threads);
    }

    public CentralitySettings withSamples(int k) {
        return new CentralitySettings(weighted, damping, maxIterations, tolerance, alpha, beta, k, seed, normalized, personalize, threads);
    }

    public CentralitySettings withSeed(long s) {
        return new CentralitySettings(weighted, damping, maxIterations, tolerance, alpha, beta, samples, s, normalized, personalize, threads);
    }

    public CentralitySettings withNormalized(boolean n) {
        return new CentralitySettings(weighted, damping, maxIterations, tolerance, alpha, beta, samples, seed, n, personalize, threads);
    }

    public CentralitySettings withPersonalize(List<String> ids) {
        return new CentralitySettings(weighted, damping, maxIterations, tolerance, alpha, beta, samples, seed, normalized, ids, threads);
    }

    public CentralitySettings withThreads(int t) {
        return new CentralitySettings(weighted, damping, maxIterations, tolerance, alpha, beta, samples, seed, normalized, personalize, t);
    }
}
