package dev.chorus.neo4j;

import dev.chorus.community.CommunityAlgorithm;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.community.CommunitySettings;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.NodeTable;
import dev.chorus.analysis.Precomputed;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-user analysis {@code neo4j analyze} writes back: {@link Analysis}, the pipeline behind
 * {@code chorus analyze} (without its seeding experiment, which belongs to the report), so the properties are
 * the {@code nodes.csv} columns under the same names and with the same values: every metric column
 * ({@code degree} in/out/total, {@code pagerank}, {@code kcore}, {@code betweenness}, {@code clustering}, ...),
 * {@code community} (Leiden, modularity), {@code roles} (a list) and {@code cluster}; plus cohesion per
 * community for the (:Cluster) nodes. Another algorithm than Analysis's own ({@link #COMMUNITIES}: Louvain) is run
 * once and its partition passed to {@link Analysis} as the {@code community} partition, so engagement, roles and
 * cohesion follow it.
 */
public final class EmbeddedAnalysis {
    /** The algorithms {@code --communities} offers: those with a Graph Data Science procedure file too. */
    public static final List<CommunityAlgorithm> COMMUNITIES = List.of(CommunityAlgorithms.LEIDEN, CommunityAlgorithms.LOUVAIN);

    private EmbeddedAnalysis() {
    }

    /** {@link Analysis} with {@code algorithm}'s partition as its communities, computed once. */
    public static NodeResults run(InteractionGraph g, CommunityAlgorithm algorithm, long seed, Progress progress) {
        Precomputed given = algorithm == Analysis.COMMUNITIES ? Precomputed.NONE
                : Precomputed.NONE.withCommunities(algorithm.compute(g, CommunitySettings.defaults().withSeed(seed), progress));
        return run(g, given, seed, progress);
    }

    /** {@link Analysis} with {@code given} results in place of its own. */
    static NodeResults run(InteractionGraph g, Precomputed given, long seed, Progress progress) {
        AnalysisResult a = Analysis.compute(g, AnalysisConfig.defaults().withSeed(seed).withSeedingRuns(0), given, progress, step -> { });
        return fromTable(a.nodes(), a.cohesion());
    }

    static NodeResults fromTable(NodeTable t, List<dev.chorus.community.ClusterCohesion> cohesion) {
        int n = t.size();
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String c : t.columns()) {
            if (c.equals("node")) continue;
            columns.add(c);
            switch (c) {
                case CommunityAlgorithms.COLUMN, "cluster" -> {
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
}
