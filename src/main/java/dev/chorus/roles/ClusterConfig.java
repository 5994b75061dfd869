package dev.chorus.roles;

/**
 * Which communities count as passionate clusters ({@link PassionateClusters}).
 *
 * @param minSize  smallest size considered, >= 2 (default 5: smaller groups are conversations rather than clusters,
 *                 and on real data triads with a few mutual replies would fill the whole ranking)
 * @param maxSize  largest size considered, >= minSize (default 150, Dunbar's number: beyond it a group stops being
 *                 tightly knit)
 * @param minScore passion score a cluster needs, in [0, 1] (default 0.5)
 * @param coreSize members listed as the cluster's core, >= 1 (default 5)
 */
public record ClusterConfig(int minSize, int maxSize, double minScore, int coreSize) {
    public ClusterConfig {
        if (minSize < 2) throw new IllegalArgumentException("minSize must be >= 2, got " + minSize);
        if (maxSize < minSize) throw new IllegalArgumentException("maxSize must be >= minSize (" + minSize + "), got " + maxSize);
        if (!(minScore >= 0 && minScore <= 1)) throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
        if (coreSize < 1) throw new IllegalArgumentException("coreSize must be >= 1, got " + coreSize);
    }

    public static ClusterConfig defaults() {
        return new ClusterConfig(5, 150, 0.5, 5);
    }

    public ClusterConfig withSize(int min, int max) {
        return new ClusterConfig(min, max, minScore, coreSize);
    }

    public ClusterConfig withMinScore(double s) {
        return new ClusterConfig(minSize, maxSize, s, coreSize);
    }
}
