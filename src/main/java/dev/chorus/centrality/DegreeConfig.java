package dev.chorus.centrality;

/** @param weighted sum interaction weights (default) rather than count distinct neighbours' arcs */
public record DegreeConfig(boolean weighted) {
    public static final DegreeConfig DEFAULT = new DegreeConfig(true);
}
