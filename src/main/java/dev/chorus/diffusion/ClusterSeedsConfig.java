package dev.chorus.diffusion;

/**
 * Settings of {@link ClusterSeeds}.
 *
 * @param k          seeds to choose, >= 1 (capped at the node count)
 * @param perCluster seeds taken in each listed community, >= 1
 */
public record ClusterSeedsConfig(int k, int perCluster) {
    public ClusterSeedsConfig {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (perCluster < 1) throw new IllegalArgumentException("perCluster must be >= 1, got " + perCluster);
    }

    /** k = 10, two seeds per community (the least that exposes a neighbour twice). */
    public static ClusterSeedsConfig defaults() {
        return new ClusterSeedsConfig(10, 2);
    }

    public ClusterSeedsConfig withK(int v) {
        return new ClusterSeedsConfig(v, perCluster);
    }

    public ClusterSeedsConfig withPerCluster(int v) {
        return new ClusterSeedsConfig(k, v);
    }
}
