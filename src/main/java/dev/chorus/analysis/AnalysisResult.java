package dev.chorus.analysis;

import dev.chorus.graph.NodeScores;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Communities;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.PassionateCluster;
import dev.chorus.roles.RoleAssignment;
import java.util.List;
import java.util.Map;

/**
 * Everything an {@link Analysis} found; the writers ({@code dev.chorus.output}: JSON, HTML, GEXF, the
 * CSV files) only format it.
 *
 * @param graph               the analysed graph
 * @param config              the settings used
 * @param nodes               the per-node table ({@code nodes.csv})
 * @param degree              weighted degree: {@code in, out, total}
 * @param pagerank            {@link dev.chorus.centrality.PageRank} with its defaults, or the given scores ({@link Precomputed})
 * @param kcore               coreness, computed or given
 * @param betweenness         betweenness, exact or sampled ({@link #betweennessSamples})
 * @param betweennessSamples  sources sampled, 0 when exact
 * @param communities         Leiden communities (modularity), or the given partition
 * @param modularity          Newman modularity of {@code communities}
 * @param cohesion            cohesion metrics of every community, in community order ({@code clusters.csv})
 * @param clusters            the fine partition (Leiden, constant Potts model at
 *                            {@link dev.chorus.roles.ClusterConfig#resolution()}) passionate clusters come from
 * @param clusterCohesion     cohesion metrics of every cluster, in cluster order
 * @param passionate          the choirs (passionate clusters heard outside), best first: {@code clusterKinds.choirs()}
 * @param roles               roles and their thresholds
 * @param hubs                hub nodes by PageRank, highest first (all of them; the report names the first
 *                            {@link AnalysisConfig#top()})
 * @param seeding             the seeding experiment, or null when it was not run
 * @param seconds             wall time of each step, in step order
 * @param clusterKinds        every tight cluster's kind and audience, the choirs and the rings, the resolved rules
 * @param communityKinds      the same for the communities ({@code clusters.csv} rows)
 */
public record AnalysisResult(InteractionGraph graph, AnalysisConfig config, NodeTable nodes, NodeScores degree,
                             NodeScores pagerank, NodeScores kcore, NodeScores betweenness, int betweennessSamples,
                             Communities communities, double modularity, List<ClusterCohesion> cohesion,
                             Communities clusters, List<ClusterCohesion> clusterCohesion,
                             List<PassionateCluster> passionate, RoleAssignment roles, List<String> hubs,
                             Seeding seeding, Map<String, Double> seconds, ClusterRanking clusterKinds,
                             ClusterRanking communityKinds) {
    public AnalysisResult {
        cohesion = List.copyOf(cohesion);
        clusterCohesion = List.copyOf(clusterCohesion);
        passionate = List.copyOf(passionate);
        hubs = List.copyOf(hubs);
        seconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seconds));
    }
}
