package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.community.Modularity;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InteractionType;
import dev.chorus.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/** {@code neo4j analyze}: graph round trip, write-back equal to the embedded engine, GDS engine within tolerance. */
class Neo4jAnalyzeTest {
    @TempDir
    Path dir;

    Path higgs() throws Exception {
        Path input = dir.resolve("higgs-6k.txt");
        Files.write(input, Neo4jLoadTest.gunzip(Neo4jLoadTest.HIGGS, 6_000));
        return input;
    }

    static void loadInto(Neo4jClient c, GraphLoader.Loaded l) {
        Neo4jTestServer.clear();
        Neo4jLoadTest.load(c, l, new Neo4jLoader.Config(5000, 2, null, false));
    }

    /**
     * {@code --layer}: the graph read back from the per-type counts equals the graph of the input file read with the
     * same layer (Higgs rows weigh 1), node set, arcs and weights; the CLI runs it; untyped data is exit 3.
     */
    @Test
    void layerReadsOnlyTheChosenTypesCountsAsWeights() throws Exception {
        Path input = higgs();
        GraphLoader.Loaded l = GraphLoader.load(input.toString(), IngestOptions.defaults());
        java.util.Set<InteractionType> layers = java.util.EnumSet.of(InteractionType.REPLY, InteractionType.MENTION);
        InteractionGraph want = GraphLoader.load(input.toString(),
                IngestOptions.defaults().withFilter(new dev.chorus.ingest.RowFilter(layers, null))).graph();
        try (Neo4jClient c = Neo4jTestServer.client()) {
            loadInto(c, l);
            InteractionGraph back = Neo4jGraphReader.read(c, null, layers);
            assertEquals(want.nodeCount(), back.nodeCount());
            assertEquals(want.arcCount(), back.arcCount());
            assertEquals(want.rowsByType(), back.rowsByType());
            for (int u = 0; u < want.nodeCount(); u++) {
                int bu = back.ids().index(want.ids().id(u));
                for (int e = want.out().start(u); e < want.out().end(u); e++) {
                    int f = back.arc(bu, back.ids().index(want.ids().id(want.out().neighbor(e))));
                    assertTrue(f >= 0);
                    assertEquals(want.out().weight(e), back.out().weight(f), 0.0);
                }
            }
            String[] io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", Neo4jTestServer.boltUri().toString(), "--layer", "RE,MT",
                    "--out", dir.resolve("layer.csv").toString(), "-q");
            assertEquals("0", io[0], io[2]);
            assertEquals(want.nodeCount() + 1, Files.readAllLines(dir.resolve("layer.csv")).size());

            Path untyped = dir.resolve("untyped.txt");
            Files.writeString(untyped, "a b\nb c\n");
            loadInto(c, GraphLoader.load(untyped.toString(), IngestOptions.defaults()));
            io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", Neo4jTestServer.boltUri().toString(), "--layer", "RT", "-q");
            assertEquals("3", io[0], io[2]);
            assertTrue(io[2].contains("--layer needs interaction types"), io[2]);
        }
    }

    @Test
    void writeBackEqualsTheEmbeddedResultsForEveryNode() throws Exception {
        GraphLoader.Loaded l = GraphLoader.load(higgs().toString(), IngestOptions.defaults());
        InteractionGraph g = l.graph();
        try (Neo4jClient c = Neo4jTestServer.client()) {
            loadInto(c, l);
            // the graph read back is the input graph: same node order, arcs, weights, type counts and times
            InteractionGraph back = Neo4jGraphReader.read(c, null);
            assertEquals(g.nodeCount(), back.nodeCount());
            assertEquals(g.arcCount(), back.arcCount());
            assertEquals(g.isDirected(), back.isDirected());
            assertEquals(g.rowsByType(), back.rowsByType());
            for (int u = 0; u < g.nodeCount(); u++) {
                assertEquals(g.ids().id(u), back.ids().id(u));
                for (int e = g.out().start(u); e < g.out().end(u); e++) {
                    int f = back.arc(u, g.out().neighbor(e));
                    assertEquals(g.out().weight(e), back.out().weight(f), 0.0);
                    assertEquals(g.firstTime(e), back.firstTime(f));
                    assertEquals(g.lastTime(e), back.lastTime(f));
                    for (InteractionType t : g.types()) assertEquals(g.typeCount(e, t), back.typeCount(f, t));
                }
            }

            String[] io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", Neo4jTestServer.boltUri().toString(), "--write",
                    "--out", dir.resolve("nodes.csv").toString(), "-q");
            assertEquals("0", io[0], io[2]);
            // the reference: the analysis of `chorus analyze` run on the input file itself
            NodeResults expected = EmbeddedAnalysis.run(g, dev.chorus.community.CommunityAlgorithms.LEIDEN, 42, Progress.NONE);
            assertTrue(expected.columns().containsAll(java.util.List.of("pagerank", "kcore", "community", "roles")), expected.columns().toString());
            Map<String, Map<String, Object>> stored = new HashMap<>();
            for (Record r : c.list("MATCH (u:User) RETURN u.id AS id, properties(u) AS p", Map.of())) {
                stored.put(r.get("id").asString(), r.get("p").asMap());
            }
            assertEquals(g.nodeCount(), stored.size());
            for (int u = 0; u < g.nodeCount(); u++) {
                Map<String, Object> p = stored.get(g.ids().id(u));
                for (int k = 0; k < expected.columns().size(); k++) {
                    String col = expected.columns().get(k);
                    Object want = expected.value(k, u);
                    Object got = p.get(col);
                    if (want instanceof Double d) assertEquals(d, ((Number) got).doubleValue(), 1e-15, col + " of " + g.ids().id(u));
                    else assertEquals(want, got, col + " of " + g.ids().id(u));
                }
            }
            assertEquals(g.nodeCount() + 1, Files.readAllLines(dir.resolve("nodes.csv")).size());
            checkClusters(c, expected);
            // a second write replaces the clusters instead of adding to them
            io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", Neo4jTestServer.boltUri().toString(), "--write", "--out",
                    dir.resolve("nodes2.csv").toString(), "-q", "--batch-size", "777");
            assertEquals("0", io[0], io[2]);
            checkClusters(c, expected);
        }
    }

    private static void checkClusters(Neo4jClient c, NodeResults expected) {
        assertEquals(expected.clusters().size(), c.list("MATCH (k:Cluster) RETURN count(k) AS n", Map.of()).get(0).get("n").asLong());
        assertEquals(expected.ids().size(), c.list("MATCH (:User)-[m:MEMBER_OF]->(:Cluster) RETURN count(m) AS n", Map.of()).get(0).get("n").asLong());
        for (Record r : c.list("MATCH (k:Cluster) RETURN k.id AS id, k.size AS size, k.internal_weight AS w, "
                + "COUNT { (:User)-[:MEMBER_OF]->(k) } AS members", Map.of())) {
            var cc = expected.clusters().get((int) r.get("id").asLong());
            assertEquals(cc.size(), r.get("size").asLong());
            assertEquals(cc.size(), r.get("members").asLong());
            assertEquals(cc.internalWeight(), r.get("w").asDouble(), 1e-9);
        }
    }

    @Test
    void louvainWriteBackFollowsTheWrittenPartition() throws Exception {
        GraphLoader.Loaded l = GraphLoader.load(higgs().toString(), IngestOptions.defaults());
        try (Neo4jClient c = Neo4jTestServer.client()) {
            loadInto(c, l);
            InteractionGraph g = Neo4jGraphReader.read(c, null);
            String[] io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", Neo4jTestServer.boltUri().toString(), "--write",
                    "--communities", "louvain", "--out", dir.resolve("nodes.csv").toString(), "-q");
            assertEquals("0", io[0], io[2]);
            int n = g.nodeCount();
            int[] community = new int[n];
            double[] participation = new double[n];
            double[] linked = new double[n];
            for (Record r : c.list("MATCH (u:User) RETURN u.id AS id, u.community AS c, u.participation AS p, "
                    + "u.linked_communities AS l", Map.of())) {
                int u = g.ids().index(r.get("id").asString());
                community[u] = r.get("c").asInt();
                participation[u] = r.get("p").asDouble();
                linked[u] = r.get("l").asDouble();
            }
            // Louvain's partition, not the Leiden one the analysis would find by itself
            NodeResults leiden = EmbeddedAnalysis.run(g, dev.chorus.community.CommunityAlgorithms.LEIDEN, 42, Progress.NONE);
            assertTrue(!java.util.Arrays.equals(membership(leiden), community), "the written partition is Leiden's");
            double[] want = dev.chorus.analysis.PartitionReference.participation(g, community);
            double[] wantLinked = dev.chorus.analysis.PartitionReference.linkedCommunities(g, community);
            for (int u = 0; u < n; u++) {
                assertEquals(want[u], participation[u], 1e-12, "participation of " + g.ids().id(u));
                assertEquals(wantLinked[u], linked[u], 0.0, "linked_communities of " + g.ids().id(u));
            }
            Map<Integer, Double> internal = dev.chorus.analysis.PartitionReference.internalWeight(g, community);
            Map<Integer, Long> sizes = new HashMap<>();
            for (int k : community) sizes.merge(k, 1L, Long::sum);
            List<Record> clusters = c.list("MATCH (k:Cluster) RETURN k.id AS id, k.size AS size, k.internal_weight AS w, "
                    + "COUNT { (u:User)-[:MEMBER_OF]->(k) WHERE u.community = k.id } AS members", Map.of());
            assertEquals(sizes.size(), clusters.size());
            for (Record r : clusters) {
                int k = r.get("id").asInt();
                assertEquals(sizes.get(k), r.get("size").asLong(), "size of cluster " + k);
                assertEquals(sizes.get(k), r.get("members").asLong(), "members of cluster " + k);
                assertEquals(internal.getOrDefault(k, 0.0), r.get("w").asDouble(), 1e-9, "internal weight of cluster " + k);
            }
        }
    }

    /** Participation and cluster cohesion of {@code r} follow its own {@code community} column. */
    static void assertFollowsItsPartition(InteractionGraph g, NodeResults r) {
        int[] m = membership(r);
        double[] want = dev.chorus.analysis.PartitionReference.participation(g, m);
        double[] got = (double[]) r.column("participation");
        for (int u = 0; u < g.nodeCount(); u++) assertEquals(want[u], got[u], 1e-12, "participation of " + g.ids().id(u));
        Map<Integer, Double> internal = dev.chorus.analysis.PartitionReference.internalWeight(g, m);
        int count = java.util.Arrays.stream(m).max().orElse(-1) + 1;
        assertEquals(count, r.clusters().size());
        for (var k : r.clusters()) {
            assertEquals(java.util.Arrays.stream(m).filter(x -> x == k.community()).count(), k.size());
            assertEquals(internal.getOrDefault(k.community(), 0.0), k.internalWeight(), 1e-9);
        }
    }

    @Test
    void gdsEngineAgreesWithTheEmbeddedEngine() throws Exception {
        for (String input : new String[] {Neo4jLoadTest.FOOTBALL, higgs().toString()}) {
            GraphLoader.Loaded l = GraphLoader.load(input, IngestOptions.defaults());
            try (Neo4jClient c = Neo4jTestServer.client()) {
                loadInto(c, l);
                InteractionGraph g = Neo4jGraphReader.read(c, null);
                NodeResults gds = GdsAnalysis.run(c, g, dev.chorus.community.CommunityAlgorithms.LOUVAIN, 42);
                NodeResults emb = EmbeddedAnalysis.run(g, dev.chorus.community.CommunityAlgorithms.LOUVAIN, 42, Progress.NONE);
                double[] a = (double[]) gds.column("pagerank");
                // the embedded default stops at NetworkX's tolerance (L1 change < n * 1e-6); compare both converged
                double[] b = converged(g);
                double worst = 0;
                for (int u = 0; u < g.nodeCount(); u++) worst = Math.max(worst, Math.abs(a[u] - b[u]));
                assertTrue(worst <= 1e-4, input + ": GDS PageRank differs by " + worst);
                double[] ka = (double[]) gds.column("kcore");
                double[] kb = (double[]) emb.column("kcore");
                for (int u = 0; u < g.nodeCount(); u++) assertEquals(kb[u], ka[u], 0.0, input + " kcore of " + g.ids().id(u));
                double qa = Modularity.of(g, membership(gds));
                double qb = Modularity.of(g, membership(emb));
                assertTrue(Math.abs(qa - qb) <= 0.01, input + ": Louvain modularity GDS " + qa + " vs embedded " + qb);
                assertTrue(qb > 0.5, input + ": a real community structure was found: " + qb);

                NodeResults gdsLeiden = GdsAnalysis.run(c, g, dev.chorus.community.CommunityAlgorithms.LEIDEN, 42);
                NodeResults embLeiden = EmbeddedAnalysis.run(g, dev.chorus.community.CommunityAlgorithms.LEIDEN, 42, Progress.NONE);
                double la = Modularity.of(g, membership(gdsLeiden));
                double lb = Modularity.of(g, membership(embLeiden));
                assertTrue(Math.abs(la - lb) <= 0.02, input + ": Leiden modularity GDS " + la + " vs embedded " + lb);
                if (g.isDirected()) {
                    // engagement and cohesion follow GDS's partition, not one the embedded engine found
                    assertFollowsItsPartition(g, gds);
                    assertFollowsItsPartition(g, gdsLeiden);
                }
                assertEquals(0, c.list("CALL gds.graph.list() YIELD graphName WHERE graphName STARTS WITH 'chorus-' RETURN graphName",
                        Map.of()).size(), "the engine's projections are dropped");
            }
        }
    }

    /** Embedded PageRank iterated to convergence (the engines' definitions agree; their default stopping rules differ). */
    static double[] converged(InteractionGraph g) {
        return dev.chorus.centrality.PageRank.compute(g, dev.chorus.centrality.PageRankConfig.defaults().withTolerance(1e-13)
                .withMaxIterations(100_000)).column("pagerank");
    }

    static int[] membership(NodeResults r) {
        long[] c = (long[]) r.column("community");
        int[] m = new int[c.length];
        for (int i = 0; i < c.length; i++) m[i] = (int) c[i];
        return m;
    }
}
