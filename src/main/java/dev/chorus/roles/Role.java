package dev.chorus.roles;

/**
 * The roles Chorus assigns to people, named as in the {@code roles} column of {@code nodes.csv}. A node can hold
 * several (a hub can also be a periphery hub); the rules and their thresholds are in {@link Roles} and
 * {@link RoleConfig}.
 */
public enum Role {
    /** Hub influencer, the soloist: top reach (in-weight or PageRank) and mostly one-way interaction. */
    HUB("hub"),
    /** High degree but low coreness: reach without a well-connected neighbourhood (Kitsak et al. 2010). */
    PERIPHERY_HUB("periphery_hub"),
    /** High betweenness, with ties spread over several communities (Granovetter's weak ties). */
    BRIDGE("bridge"),
    /** Answers others: acts back on those who act on them, or replies. */
    ENGAGER("engager"),
    /** Talks much (more than it is talked to), answers rarely. */
    BROADCASTER("broadcaster"),
    /** One of the most internally engaged members of a choir (a cohesive cluster heard outside). */
    CLUSTER_CORE("cluster_core"),
    /** A member of a ring: a cohesive, reciprocal cluster nobody outside acts on (possible gamed engagement). */
    RING_MEMBER("ring_member");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The name used in outputs ({@code nodes.csv}, {@code report.json}, GEXF). */
    public String label() {
        return label;
    }

    /** The bit of this role in {@link RoleAssignment#mask()}. */
    public int bit() {
        return 1 << ordinal();
    }

    /** The labels of the roles in {@code mask}, in role order. */
    public static java.util.List<String> labels(int mask) {
        java.util.List<String> out = new java.util.ArrayList<>(2);
        for (Role r : values()) if ((mask & r.bit()) != 0) out.add(r.label());
        return out;
    }
}
