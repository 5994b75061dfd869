package dev.chorus.centrality;

/**
 * Settings of {@link Degree}.
 *
 * @param weighted sum interaction weights (default) rather than count arcs
 */
public record DegreeConfig(boolean weighted) {
    /** Weighted. */
    public static DegreeConfig defaults() {
        return new DegreeConfig(true);
    }

    public DegreeConfig withWeighted(boolean w) {
        return new DegreeConfig(w);
    }
}
