package dev.chorus.centrality;

/**
 * Settings of {@link Betweenness}; defaults as NetworkX's {@code betweenness_centrality(normalized=False)}.
 *
 * @param normalized divide by {@code (n-1)(n-2)} as NetworkX's {@code normalized=True} (default false: raw
 *                   counts, undirected pairs once)
 * @param weighted   shortest paths by length {@code 1 / weight} (Dijkstra) rather than hops (default)
 * @param samples    number of sampled sources K for the approximation, >= 0; 0 (default) or >= n is exact
 * @param seed       seed of the source sample; the same seed gives the same result
 * @param threads    worker threads, >= 1; results do not depend on it
 */
public record BetweennessConfig(boolean normalized, boolean weighted, int samples, long seed, int threads) {
    public static final long SEED_DEFAULT = 1;

    public BetweennessConfig {
        if (samples < 0) throw new IllegalArgumentException("samples must be >= 0 (0 = exact), got " + samples);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Exact, unnormalized, unweighted, all processors. */
    public static BetweennessConfig defaults() {
        return new BetweennessConfig(false, false, 0, SEED_DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    public BetweennessConfig withNormalized(boolean b) {
        return new BetweennessConfig(b, weighted, samples, seed, threads);
    }

    public BetweennessConfig withWeighted(boolean w) {
        return new BetweennessConfig(normalized, w, samples, seed, threads);
    }

    public BetweennessConfig withSamples(int k) {
        return new BetweennessConfig(normalized, weighted, k, seed, threads);
    }

    public BetweennessConfig withSeed(long s) {
        return new BetweennessConfig(normalized, weighted, samples, s, threads);
    }

    public BetweennessConfig withThreads(int t) {
        return new BetweennessConfig(normalized, weighted, samples, seed, t);
    }
}
