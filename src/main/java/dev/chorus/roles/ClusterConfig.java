package dev.chorus.roles;

/**
 * How passionate clusters are found and told apart ({@link PassionateClusters}, {@link ClusterKinds}): tight
 * clusters from Leiden with the constant Potts model, then a size and cohesion filter, then the kind rules.
 *
 * @param resolution CPM resolution gamma, > 0 (default 0.5): every cluster's internal weight exceeds gamma times
 *                   its member pairs, i.e. members interacted with each other, on average, at least once per two
 *                   pairs (Traag, Van Dooren &amp; Nesterov, "Narrow scope for resolution-limit-free community
 *                   detection", Phys. Rev. E 84 (2011), doi:10.1103/PhysRevE.84.016114: unlike modularity, CPM
 *                   has no resolution limit, so small tight groups inside large communities are found)
 * @param minSize  smallest size considered, >= 2 (default 5: smaller groups are conversations rather than clusters,
 *                 and on real data triads with a few mutual replies would fill the whole ranking)
 * @param maxSize  largest size considered, >= minSize (default 150, Dunbar's number: beyond it a group stops being
 *                 tightly knit)
 * @param minScore cohesion score a cluster needs to count as cohesive, in [0, 1] (default 0.5)
 * @param coreSize members listed as the cluster's core, >= 1 (default 5)
 * @param choirMinAudienceShare a choir is heard outside: its reach per member is at least this share of the
 *                 typical person's audience, in [0, 1] (default 0.25)
 * @param ringMaxAudienceShare a ring is (nearly) unheard: its reach per member is at most this share of the
 *                 typical person's audience, in [0, choirMinAudienceShare) (default 0.1)
 * @param ringMinReciprocity a ring's internal reciprocity is at least this, and at least the graph's usual
 *                 reciprocity (see {@link ClusterKinds}), in [0, 1] (default 0.5)
 */
public record ClusterConfig(double resolution, int minSize, int maxSize, double minScore, int coreSize,
                            double choirMinAudienceShare, double ringMaxAudienceShare, double ringMinReciprocity) {
    public static final double RESOLUTION_DEFAULT = 0.5;

    public ClusterConfig {
        if (!(resolution > 0 && resolution < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("resolution must be finite and > 0, got " + resolution);
        if (minSize < 2) throw new IllegalArgumentException("minSize must be >= 2, got " + minSize);
        if (maxSize < minSize) throw new IllegalArgumentException("maxSize must be >= minSize (" + minSize + "), got " + maxSize);
        if (!(minScore >= 0 && minScore <= 1)) throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
        if (coreSize < 1) throw new IllegalArgumentException("coreSize must be >= 1, got " + coreSize);
        if (!(choirMinAudienceShare >= 0 && choirMinAudienceShare <= 1)) throw new IllegalArgumentException("choirMinAudienceShare must be in [0, 1], got " + choirMinAudienceShare);
        if (!(ringMaxAudienceShare >= 0 && ringMaxAudienceShare < choirMinAudienceShare)) {
            throw new IllegalArgumentException("ringMaxAudienceShare must be in [0, choirMinAudienceShare = " + choirMinAudienceShare + "), got " + ringMaxAudienceShare);
        }
        if (!(ringMinReciprocity >= 0 && ringMinReciprocity <= 1)) throw new IllegalArgumentException("ringMinReciprocity must be in [0, 1], got " + ringMinReciprocity);
    }

    public static ClusterConfig defaults() {
        return new ClusterConfig(RESOLUTION_DEFAULT, 5, 150, 0.5, 5, 0.25, 0.1, 0.5);
    }

    public ClusterConfig withSize(int min, int max) {
        return new ClusterConfig(resolution, min, max, minScore, coreSize, choirMinAudienceShare, ringMaxAudienceShare, ringMinReciprocity);
    }

    public ClusterConfig withMinScore(double s) {
        return new ClusterConfig(resolution, minSize, maxSize, s, coreSize, choirMinAudienceShare, ringMaxAudienceShare, ringMinReciprocity);
    }

    public ClusterConfig withResolution(double r) {
        return new ClusterConfig(r, minSize, maxSize, minScore, coreSize, choirMinAudienceShare, ringMaxAudienceShare, ringMinReciprocity);
    }
}
