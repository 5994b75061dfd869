package dev.chorus.community;

/**
 * Settings of {@link ConnectedComponents}.
 *
 * @param kind {@link Kind#WEAK} (default) or {@link Kind#STRONG}
 */
public record ComponentsConfig(Kind kind) {
    /** Which connectivity to follow. */
    public enum Kind {
        /** Arcs followed either way: the components of the undirected view (CLI algorithm {@code wcc}). */
        WEAK,
        /** Arcs followed only forwards: mutual reachability (CLI algorithm {@code scc}). */
        STRONG
    }

    public ComponentsConfig {
        if (kind == null) throw new IllegalArgumentException("kind must be WEAK or STRONG, got null");
    }

    /** Weakly connected components. */
    public static ComponentsConfig defaults() {
        return new ComponentsConfig(Kind.WEAK);
    }

    public ComponentsConfig withKind(Kind k) {
        return new ComponentsConfig(k);
    }
}
