package dev.chorus.neo4j;

import dev.chorus.community.Cohesion;
import dev.chorus.community.CohesionConfig;
import dev.chorus.community.Communities;
import dev.chorus.community.Louvain;
import dev.chorus.community.LouvainConfig;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.NodeTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-user analysis {@code neo4j analyze} writes back: {@link Analysis}, the pipeline behind
 * {@code chorus analyze} (without its seeding experiment, which belongs to the report), so the properties are
 * the {@code nodes.csv} columns under the same names and with the same values: every metric column
 * ({@code degree} in/out/total, {@code pagerank}, {@code kcore}, {@code betweenness}, {@code clustering}, ...),
 * {@code community} (Leiden, modularity), {@code roles} (a list) and {@code cluster}; plus cohesion per
 * community for the (:Cluster) nodes. {@link CommunityAlgorithm#LOUVAIN} replaces {@code community} and the
 * clusters by Louvain's partition.
 */
public final class EmbeddedAnalysis {
    /** Community detection for the {@code community} column. */
    public enum CommunityAlgorithm { LEIDEN, LOUVAIN }

    private EmbeddedAnalysis() {
    }

    public static NodeResults run(InteractionGraph g, CommunityAlgorithm algorithm, long seed, Progress progress) {
        AnalysisResult a = Analysis.compute(g, AnalysisConfig.defaults().withSeed(seed).withSeedingRuns(0), progress, step -> { });
        NodeResults r = fromTable(a.nodes(), a.cohesion());
        if (algorithm == CommunityAlgorithm.LOUVAIN) {
            Communities c = Louvain.compute(g, LouvainConfig.defaults().withSeed(seed), progress);
            r = withCommunities(g, r, c);
        }
        return r;
    }

    static NodeResults fromTable(NodeTable t, List<dev.chorus.community.ClusterCohesion> cohesion) {
        int n = t.size();
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String c : t.columns()) {
            if (c.equals("node")) continue;
            columns.add(c);
            switch (c) {
                case "community", "cluster" -> {
                    long[] v = new long[n];
                    for (int u = 0; u < n; u++) v[u] = ((Number) t.value(c, u)).longValue();
                    values.add(v);
                }
                case "roles" -> {
                    String[][] v = new String[n][];
                    for (int u = 0; u < n; u++) v[u] = t.roles().get(u).toArray(new String[0]);
                    values.add(v);
                }
                default -> values.add(t.metric(c));
            }
        }
        return new NodeResults(t.ids(), columns, values, cohesion);
    }

    /** {@code r} with {@code pagerank}, {@code kcore} and {@code community} replaced (GDS engine, Louvain). */
    static NodeResults replace(InteractionGraph g, NodeResults r, double[] pagerank, double[] kcore, Communities c) {
        List<Object> values = new ArrayList<>(r.values());
        if (pagerank != null) values.set(r.columns().indexOf("pagerank"), pagerank);
        if (kcore != null) values.set(r.columns().indexOf("kcore"), kcore);
        NodeResults out = new NodeResults(r.ids(), r.columns(), values, r.clusters());
        return c == null ? out : withCommunities(g, out, c);
    }

    private static NodeResults withCommunities(InteractionGraph g, NodeResults r, Communities c) {
        List<Object> values = new ArrayList<>(r.values());
        long[] community = new long[g.nodeCount()];
        for (int u = 0; u < community.length; u++) community[u] = c.membership()[u];
        values.set(r.columns().indexOf("community"), community);
        return new NodeResults(r.ids(), r.columns(), values, Cohesion.compute(g, c, CohesionConfig.defaults()));
    }
}
