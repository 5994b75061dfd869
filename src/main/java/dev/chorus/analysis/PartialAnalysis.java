package dev.chorus.analysis;

import dev.chorus.diffusion.SimulationResult;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.PassionateCluster;
import java.util.List;
import java.util.Map;

/**
 * What an engine that runs a subset of {@link Analysis} computed (Spark: no betweenness, no roles, no seeding
 * experiment, one label-propagation partition instead of the two Leiden ones), for {@code dev.chorus.output.ReportJson}.
 * Each part is what the embedded analysis would put in the same place of {@code report.json}.
 *
 * @param engine             the engine's name ({@code spark}), which the report names where a part is missing
 * @param communityAlgorithm the algorithm of the {@code community} column ({@code lpa})
 * @param modularity         of that partition, {@link dev.chorus.community.Modularity}'s definition
 * @param hubs               the {@code top} highest-PageRank people as {@code nodes.csv} rows (column to value, as
 *                           {@link NodeTable#row} gives them); without roles they are not hubs by the role rules
 * @param passionate         the communities that pass {@link dev.chorus.roles.PassionateClusters}, ranked
 * @param drawnEdges         member ties of the first {@code ReportJson.DRAWN_CLUSTERS} passionate clusters
 * @param ic                 the independent-cascade estimate of given seeds, or null
 * @param seconds            wall time per step, in step order
 */
public record PartialAnalysis(String engine, Source source, GraphStats graph, int top, long seed, ClusterConfig clusters,
                              String communityAlgorithm, int communityCount, double modularity, List<Map<String, Object>> hubs,
                              List<PassionateCluster> passionate, List<List<MemberEdge>> drawnEdges, SimulationResult ic,
                              Map<String, Double> seconds) {
    public PartialAnalysis {
        hubs = List.copyOf(hubs);
        passionate = List.copyOf(passionate);
        drawnEdges = List.copyOf(drawnEdges);
        seconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seconds));
    }
}
