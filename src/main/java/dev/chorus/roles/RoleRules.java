package dev.chorus.roles;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link Roles} rules with their cut-offs resolved from the data: what decides, one person at a time, which of
 * {@code hub}, {@code periphery_hub}, {@code bridge}, {@code engager} and {@code broadcaster} the person holds
 * ({@link #mask}). Both engines resolve it the same way ({@link #resolve}, from a {@link MetricSummary} per
 * metric) and apply the same {@link #mask}; it is serializable so that Spark ships it to its executors. The rules
 * themselves are documented on {@link Roles}. O(1) per person.
 *
 * @param in          cut-off for high in-weight
 * @param pagerank    cut-off for high PageRank
 * @param total       cut-off for high total degree
 * @param kcoreMax    the largest coreness a periphery hub may have
 * @param betweenness cut-off for high betweenness; NaN when betweenness was not computed (nobody is a bridge)
 * @param out         cut-off for high out-weight
 * @param config      the configuration applied
 */
public record RoleRules(double in, double pagerank, double total, double kcoreMax, double betweenness, double out, RoleConfig config)
        implements Serializable {
    /**
     * @param betweenness null when betweenness was not computed
     * @param maxCore     the largest coreness in the graph
     */
    public static RoleRules resolve(MetricSummary in, MetricSummary pagerank, MetricSummary total, MetricSummary betweenness,
                                    MetricSummary out, double maxCore, RoleConfig config) {
        return new RoleRules(in.high(config), pagerank.high(config), total.high(config), config.peripheryCoreShare() * maxCore,
                betweenness == null ? Double.NaN : betweenness.high(config), out.high(config), config);
    }

    /** Whether betweenness was computed, so that {@code bridge} was decided. */
    public boolean bridges() {
        return !Double.isNaN(betweenness);
    }

    /**
     * The resolved cut-offs by name ({@code report.json}'s {@code roles.thresholds}): +Infinity when no node could
     * be high; {@code betweenness} left out when it was not computed.
     */
    public Map<String, Double> thresholds() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("in", in); // of in_spread on typed input
        t.put("pagerank", pagerank); // of pagerank_spread on typed input
        t.put("total", total);
        t.put("kcore_max", kcoreMax);
        if (bridges()) t.put("betweenness", betweenness);
        t.put("out", out);
        return t;
    }

    /** The {@link Role#bit()}s of the person-level roles v holds (cluster roles come from the clusters). */
    public int mask(RoleValues v) {
        int m = 0;
        boolean reach = above(v.in(), in) || above(v.pagerank(), pagerank);
        if (reach && atMost(v.reciprocity(), config.hubMaxReciprocity())) m |= Role.HUB.bit();
        if (above(v.total(), total) && v.kcore() <= kcoreMax) m |= Role.PERIPHERY_HUB.bit();
        if (above(v.betweenness(), betweenness) && v.participation() >= config.bridgeMinParticipation()) m |= Role.BRIDGE.bit();
        if (v.out() >= config.minActivity() && v.out() > 0
                && (v.answer() >= config.engagerMinAnswer() || v.reply() >= config.engagerMinAnswer())) {
            m |= Role.ENGAGER.bit();
        }
        double quiet = config.broadcasterMaxAnswer();
        if (above(v.out(), out) && v.out() >= v.attention() && atMost(v.reciprocity(), quiet) && atMost(v.answer(), quiet)
                && atMost(v.reply(), quiet)) {
            m |= Role.BROADCASTER.bit();
        }
        return m;
    }

    /** NaN (not computed) is never high, and nothing is high against a NaN cut-off. */
    private static boolean above(double x, double threshold) {
        return x > 0 && x >= threshold;
    }

    /** NaN (undefined, e.g. no ties to answer) passes. */
    private static boolean atMost(double x, double max) {
        return Double.isNaN(x) || x <= max;
    }
}
