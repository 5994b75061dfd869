package dev.chorus.centrality;

/**
 * Settings of {@link Closeness}; defaults as NetworkX's {@code closeness_centrality}.
 *
 * @param wfImproved scale by the share of nodes that reach the node, {@code (r-1)/(n-1)} (Wasserman–Faust;
 *                   NetworkX {@code wf_improved}, default true)
 * @param weighted   distances by length {@code 1 / weight} (Dijkstra) rather than hops (default)
 * @param threads    worker threads, >= 1; results do not depend on it
 */
public record ClosenessConfig(boolean wfImproved, boolean weighted, int threads) {
    public ClosenessConfig {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Wasserman–Faust scaling, unweighted, all processors. */
    public static ClosenessConfig defaults() {
        return new ClosenessConfig(true, false, Runtime.getRuntime().availableProcessors());
    }

    public ClosenessConfig withWfImproved(boolean b) {
        return new ClosenessConfig(b, weighted, threads);
    }

    public ClosenessConfig withWeighted(boolean w) {
        return new ClosenessConfig(wfImproved, w, threads);
    }

    public ClosenessConfig withThreads(int t) {
        return new ClosenessConfig(wfImproved, weighted, t);
    }
}
