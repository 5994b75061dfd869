package dev.chorus.analysis;

import dev.chorus.diffusion.SimulationResult;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.RoleRules;
import java.util.List;
import java.util.Map;

/**
 * What an engine that runs a subset of {@link Analysis} computed (Spark: the seeding experiment without imm or core
 * arms; one label-propagation partition instead of the two Leiden ones), for
 * {@code dev.chorus.output.ReportJson}.
 * Each part is what the embedded analysis would put in the same place of {@code report.json}.
 *
 * @param engine             the engine's name ({@code spark}), which the report names where a part is missing
 * @param communityAlgorithm the algorithm of the {@code community} column ({@code lpa})
 * @param modularity         of that partition, {@link dev.chorus.community.Modularity}'s definition
 * @param hubs               the {@code top} hubs by PageRank as {@code nodes.csv} rows (column to value, as
 *                           {@link NodeTable#row} gives them); without roles the highest PageRank, not hubs by the role rules
 * @param kinds              every community's kind and audience, and the choirs and rings
 *                           ({@link dev.chorus.roles.PassionateClusters}, the embedded rules)
 * @param choirEdges         member ties of the first {@code ReportJson.DRAWN_CLUSTERS} choirs
 * @param ringEdges          member ties of the first {@code ReportJson.DRAWN_CLUSTERS} rings
 * @param ic                 the independent-cascade estimate of given seeds, or null
 * @param seconds            wall time per step, in step order
 * @param roles              the roles, or null when the engine computed none
 * @param layerTops          typed input: at least the people of {@code reach_vs_conversation}'s lists, with the
 *                           {@link Layers} columns, so that {@link ReachVsConversation#of} picks from them the lists it
 *                           would pick from everyone; null on untyped input
 * @param approximate        what is approximate or read differently from the embedded engine, in words
 * @param seeding            the seeding experiment with its recommendations, or null when it did not run
 * @param goal               the goal whose recommendation leads ({@code settings.goal})
 */
public record PartialAnalysis(String engine, Source source, GraphStats graph, int top, long seed, ClusterConfig clusters,
                              String communityAlgorithm, int communityCount, double modularity, List<Map<String, Object>> hubs,
                              ClusterRanking kinds, List<List<MemberEdge>> choirEdges, List<List<MemberEdge>> ringEdges,
                              SimulationResult ic, Map<String, Double> seconds, Roles roles, NodeTable layerTops,
                              List<Approximate> approximate, Seeding seeding, Goal goal) {
    /**
     * The roles an engine computed with the embedded rules.
     *
     * @param rules     the resolved rules and their settings
     * @param counts    people per role label (labels the engine could not decide left out)
     * @param topByRole per role label, the first {@code top} holders as {@code nodes.csv} rows
     */
    public record Roles(RoleRules rules, Map<String, Long> counts, Map<String, List<Map<String, Object>>> topByRole) {
        public Roles {
            counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
            topByRole = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topByRole));
        }
    }

    /**
     * A part of the report whose value is approximate, or computed differently from the embedded engine.
     *
     * @param part where in {@code report.json} (e.g. {@code communities}, {@code roles.thresholds})
     * @param note why, in words
     */
    public record Approximate(String part, String note) {
    }

    public PartialAnalysis {
        approximate = List.copyOf(approximate);
        hubs = List.copyOf(hubs);
        choirEdges = List.copyOf(choirEdges);
        ringEdges = List.copyOf(ringEdges);
        seconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seconds));
    }
}
