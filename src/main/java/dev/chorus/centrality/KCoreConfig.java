package dev.chorus.centrality;

/**
 * Settings of {@link KCore}. Coreness has none: it is defined on the undirected simple graph, where weights and
 * directions play no part, and the linear-time bucket algorithm is sequential (fast enough that threads would not
 * pay). The record keeps the config -> compute -> result shape that every algorithm shares.
 */
public record KCoreConfig() {
    public static KCoreConfig defaults() {
        return new KCoreConfig();
    }
}
