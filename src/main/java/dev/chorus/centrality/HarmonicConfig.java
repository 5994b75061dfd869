package dev.chorus.centrality;

/**
 * Settings of {@link Harmonic}; defaults as NetworkX's {@code harmonic_centrality}.
 *
 * @param weighted distances by length {@code 1 / weight} (Dijkstra) rather than hops (default)
 * @param threads  worker threads, >= 1; results do not depend on it
 */
public record HarmonicConfig(boolean weighted, int threads) {
    public HarmonicConfig {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Unweighted, all processors. */
    public static HarmonicConfig defaults() {
        return new HarmonicConfig(false, Runtime.getRuntime().availableProcessors());
    }

    public HarmonicConfig withWeighted(boolean w) {
        return new HarmonicConfig(w, threads);
    }

    public HarmonicConfig withThreads(int t) {
        return new HarmonicConfig(weighted, t);
    }
}
