package dev.chorus.roles;

/**
 * Thresholds of the {@link Roles} rules. "High" always means both: at or above the {@code topPercentile}-th
 * percentile of the metric over all nodes, and at least {@code minZ} standard deviations above its mean (so a flat
 * distribution, where everyone ties, has no "high" nodes), and above 0.
 *
 * @param topPercentile      percentile in (0, 100] a metric must reach to be high (default 99: the top 1%)
 * @param minZ               z-score a high metric must also reach, >= 0 (default 2)
 * @param hubMaxReciprocity  a hub's ties are mostly one way: node reciprocity at most this (default 0.2)
 * @param peripheryCoreShare a periphery hub's coreness is at most this share of the graph's largest coreness
 *                           (default 0.5)
 * @param bridgeMinParticipation a bridge's participation coefficient is at least this (default 0.3)
 * @param engagerMinAnswer   an engager answers at least this share of those who act on them, or replies in at
 *                           least this share of their typed rows (default 0.5)
 * @param minActivity        engagers act at least this much (weighted out-degree, default 2)
 * @param broadcasterMaxAnswer a broadcaster's reciprocity, answer rate and reply share are each at most this
 *                           (default 0.1; undefined values pass)
 */
public record RoleConfig(double topPercentile, double minZ, double hubMaxReciprocity, double peripheryCoreShare,
                         double bridgeMinParticipation, double engagerMinAnswer, double minActivity,
                         double broadcasterMaxAnswer) implements java.io.Serializable {
    public RoleConfig {
        if (!(topPercentile > 0 && topPercentile <= 100)) {
            throw new IllegalArgumentException("topPercentile must be in (0, 100], got " + topPercentile);
        }
        if (!(minZ >= 0)) throw new IllegalArgumentException("minZ must be >= 0, got " + minZ);
        share("hubMaxReciprocity", hubMaxReciprocity);
        share("peripheryCoreShare", peripheryCoreShare);
        share("bridgeMinParticipation", bridgeMinParticipation);
        share("engagerMinAnswer", engagerMinAnswer);
        share("broadcasterMaxAnswer", broadcasterMaxAnswer);
        if (!(minActivity >= 0)) throw new IllegalArgumentException("minActivity must be >= 0, got " + minActivity);
    }

    private static void share(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }

    public static RoleConfig defaults() {
        return new RoleConfig(99, 2, 0.2, 0.5, 0.3, 0.5, 2, 0.1);
    }

    public RoleConfig withTopPercentile(double p) {
        return new RoleConfig(p, minZ, hubMaxReciprocity, peripheryCoreShare, bridgeMinParticipation, engagerMinAnswer,
                minActivity, broadcasterMaxAnswer);
    }

    public RoleConfig withMinZ(double z) {
        return new RoleConfig(topPercentile, z, hubMaxReciprocity, peripheryCoreShare, bridgeMinParticipation,
                engagerMinAnswer, minActivity, broadcasterMaxAnswer);
    }
}
