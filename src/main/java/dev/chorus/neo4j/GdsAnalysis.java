package dev.chorus.neo4j;

import dev.chorus.analysis.Precomputed;
import dev.chorus.centrality.Centralities;
import dev.chorus.community.Communities;
import dev.chorus.community.CommunityAlgorithm;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * {@code neo4j analyze --engine gds}: the same columns as {@link EmbeddedAnalysis}, with {@code pagerank},
 * {@code kcore} and {@code community} computed inside Neo4j by the Graph Data Science procedures of
 * {@code cypher/gds-pagerank.cypher}, {@code gds-kcore.cypher} and {@code gds-leiden.cypher} /
 * {@code gds-louvain.cypher}. These are passed to {@link dev.chorus.analysis.Analysis} as
 * {@link Precomputed} results, so each is computed once, and the columns GDS has no procedure for (degree,
 * betweenness, clustering, engagement, roles, cluster) and the cluster cohesion come from the embedded engine on
 * the graph read back from Neo4j, following GDS's scores and partition. Projections are dropped afterwards.
 */
public final class GdsAnalysis {
    /** PageRank settings: Chorus's damping; iterations and tolerance tight enough to agree to 1e-4 or better. */
    static final double DAMPING = 0.85;
    static final int MAX_ITERATIONS = 1000;
    static final double TOLERANCE = 1e-10;
    /** Column names, as the GDS files return them and the write-back stores them. */
    private static final String PAGERANK = Centralities.PAGERANK.column();
    private static final String KCORE = Centralities.KCORE.column();

    private GdsAnalysis() {
    }

    public static NodeResults run(Neo4jClient client, InteractionGraph g, CommunityAlgorithm algorithm, long seed) {
        int n = g.nodeCount();
        String version;
        try {
            version = client.list("RETURN gds.version() AS v", Map.of()).get(0).get("v").asString();
        } catch (BackendException e) {
            throw new BackendException("--engine gds: the Graph Data Science plugin is not installed on " + client.settings().uri()
                    + " (docker-compose.yml installs it; or use --engine embedded)", e);
        }
        if (version.isEmpty()) throw new BackendException("--engine gds: gds.version() is empty");
        double[] pagerank = new double[n];
        Arrays.fill(pagerank, Double.NaN);
        for (Record r : run(client, "gds-pagerank.cypher", Map.of("undirected", !g.isDirected(), "damping", DAMPING,
                "max_iterations", MAX_ITERATIONS, "tolerance", TOLERANCE, "k", n))) {
            pagerank[index(g.ids(), r.get("id").asString())] = r.get(PAGERANK).asDouble();
        }
        double[] core = new double[n];
        for (Record r : run(client, "gds-kcore.cypher", Map.of("k", n))) {
            core[index(g.ids(), r.get("id").asString())] = r.get(KCORE).asLong();
        }
        int[] labels = new int[n];
        Map<Long, Integer> dense = new HashMap<>();
        for (Record r : run(client, "gds-" + algorithm.name() + ".cypher", Map.of("k", n, "seed", seed))) {
            labels[index(g.ids(), r.get("id").asString())] = dense.computeIfAbsent(r.get(CommunityAlgorithms.COLUMN).asLong(), x -> dense.size());
        }
        Communities c = Communities.of("gds-" + algorithm.name(), g.ids(), labels, Double.NaN, 1, 1, true);
        Precomputed given = Precomputed.NONE.withCommunities(c)
                .with(new NodeScores(Centralities.PAGERANK.name(), g.ids(), List.of(PAGERANK), List.of(pagerank), PAGERANK, 0, true))
                .with(new NodeScores(Centralities.KCORE.name(), g.ids(), List.of(KCORE), List.of(core), KCORE, 0, true));
        return EmbeddedAnalysis.run(g, given, seed, Progress.NONE);
    }

    /** Runs a GDS file on its own projection and drops the projection; the last statement's records. */
    private static List<Record> run(Neo4jClient client, String file, Map<String, Object> params) {
        String graph = "chorus-" + file.replace(".cypher", "");
        Map<String, Object> p = new HashMap<>(params);
        p.put("graph", graph);
        try {
            return QueryRunner.run(client, CypherFile.bundled(file), p).records();
        } finally {
            client.autoCommit("CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName", Map.of("graph", graph), r -> r.consume());
        }
    }

    private static int index(IdMap ids, String id) {
        int u = ids.index(id);
        if (u < 0) throw new BackendException("GDS returned user '" + id + "' that the graph read from Neo4j does not hold");
        return u;
    }
}
