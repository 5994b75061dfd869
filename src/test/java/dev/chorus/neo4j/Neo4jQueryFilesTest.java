package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * Every file in {@code cypher/} runs against the loaded test graph (a real Higgs Twitter slice, analyzed and
 * written back) and returns the columns its header documents, with values checked against the embedded graph;
 * {@code neo4j query} prints them as CSV and JSON; parameters carrying Cypher are data.
 */
class Neo4jQueryFilesTest {
    @TempDir
    Path dir;

    final Set<String> covered = new HashSet<>();

    QueryRunner.Result run(Neo4jClient c, String file, Map<String, Object> params, List<String> columns) throws Exception {
        CypherFile f = CypherFile.read(Path.of("cypher", file));
        QueryRunner.Result r = QueryRunner.run(c, f, params);
        assertEquals(columns, r.columns(), file);
        String text = Files.readString(Path.of("cypher", file));
        for (String col : columns) assertTrue(text.contains(col), file + " documents column " + col);
        for (String p : params.keySet()) assertTrue(text.contains("$" + p), file + " documents parameter $" + p);
        covered.add(file);
        return r;
    }

    @Test
    void everyCypherFileRunsAndReturnsItsDocumentedColumns() throws Exception {
        Path input = dir.resolve("higgs-6k.txt");
        Files.write(input, Neo4jLoadTest.gunzip(Neo4jLoadTest.HIGGS, 6_000));
        GraphLoader.Loaded l = GraphLoader.load(input.toString(), IngestOptions.defaults());
        InteractionGraph g = l.graph();
        Neo4jTestServer.clear();
        try (Neo4jClient c = Neo4jTestServer.client()) {
            run(c, "schema.cypher", Map.of(), List.of());
            assertTrue(c.list("SHOW CONSTRAINTS YIELD name WHERE name = 'user_id' RETURN name", Map.of()).size() == 1);
            run(c, "load-users.cypher", Map.of("rows", List.of()), List.of("element_id"));
            run(c, "load-interactions.cypher", Map.of("rows", List.of()), List.of("pairs"));
            run(c, "load-progress.cypher", Map.of("properties", Map.of("writers", 2), "writer", 1, "committed", 1), List.of());
            Neo4jLoadTest.load(c, l, new Neo4jLoader.Config(5000, 2, null, false)); // the same files, batched
            run(c, "load-graph.cypher", Map.of("properties", Map.of("directed", true, "nodes", g.nodeCount())), List.of());
            assertEquals(g.edgeCount(), run(c, "read-graph.cypher", Map.of(), List.of("source", "target", "properties")).records().size());
            assertEquals(g.edgeCount(), run(c, "read-layers.cypher", Map.of("layers", List.of("reply"), "all_types", List.of("reply", "retweet")),
                    List.of("source", "target", "counts", "typed")).records().size());
            String[] io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", Neo4jTestServer.boltUri().toString(), "--write", "-q",
                    "--engine", "gds", "--out", dir.resolve("gds.csv").toString());
            assertEquals("0", io[0], io[2]);
            io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", Neo4jTestServer.boltUri().toString(), "--write", "-q",
                    "--out", dir.resolve("nodes.csv").toString());
            assertEquals("0", io[0], io[2]);
            run(c, "write-users.cypher", Map.of("rows", List.of()), List.of());
            NodeResults res = EmbeddedAnalysis.run(g, dev.chorus.community.CommunityAlgorithms.LEIDEN, 42, Progress.NONE);
            long[] community = (long[]) res.column("community");
            double[] pagerank = (double[]) res.column("pagerank");

            // top hubs: the most-interacted-with user, brute force over the arcs (self-interactions left out)
            int n = g.nodeCount();
            double[] inWeight = new double[n];
            int[] interactors = new int[n];
            Adjacency out = g.out();
            for (int u = 0; u < n; u++) {
                for (int e = out.start(u); e < out.end(u); e++) {
                    int v = out.neighbor(e);
                    if (v == u) continue;
                    inWeight[v] += out.weight(e);
                    interactors[v]++;
                }
            }
            int hub = 0;
            for (int u = 1; u < n; u++) if (inWeight[u] > inWeight[hub]) hub = u;
            List<Record> hubs = run(c, "top-hubs.cypher", Map.of("k", 5),
                    List.of("id", "in_weight", "interactors", "acts_on", "reciprocity", "pagerank", "kcore")).records();
            assertEquals(5, hubs.size());
            assertEquals(inWeight[hub], hubs.get(0).get("in_weight").asDouble(), 0.0);
            assertEquals(g.ids().id(hub), hubs.get(0).get("id").asString());
            assertEquals(interactors[hub], hubs.get(0).get("interactors").asLong());
            assertEquals(pagerank[hub], hubs.get(0).get("pagerank").asDouble(), 1e-15);

            // neighbourhood: as many rows as distinct neighbours (the undirected view, plus the user if it has a loop)
            String hubId = g.ids().id(hub);
            int expected = g.undirected().degree(hub) + (g.arc(hub, hub) >= 0 ? 1 : 0);
            List<Record> nb = run(c, "neighbourhood.cypher", Map.of("id", hubId, "k", 100_000),
                    List.of("neighbour", "out_weight", "in_weight", "reciprocal", "retweet", "mention", "reply", "community", "pagerank")).records();
            assertEquals(expected, nb.size());
            double sum = nb.stream().mapToDouble(r -> r.get("in_weight").asDouble()).sum();
            assertEquals(inWeight[hub] + (g.arc(hub, hub) >= 0 ? g.out().weight(g.arc(hub, hub)) : 0), sum, 1e-9);

            // passionate clusters: sizes equal the embedded partition's
            int[] sizes = new int[res.clusters().size()];
            for (long k : community) sizes[(int) k]++;
            List<Record> pc = run(c, "passionate-clusters.cypher", Map.of("min_size", 3, "k", 10),
                    List.of("community", "size", "internal_arcs", "internal_weight", "reciprocity", "density", "passion", "members")).records();
            assertTrue(!pc.isEmpty());
            double prev = Double.MAX_VALUE;
            for (Record r : pc) {
                assertEquals(sizes[(int) r.get("community").asLong()], r.get("size").asLong());
                assertTrue(r.get("size").asLong() >= 3);
                assertTrue(r.get("passion").asDouble() <= prev + 1e-12);
                prev = r.get("passion").asDouble();
            }

            // bridges: the heaviest pair of communities joined by interactions, total weight brute force
            Map<Long, Double> cross = new HashMap<>();
            for (int u = 0; u < n; u++) {
                for (int e = out.start(u); e < out.end(u); e++) {
                    long a = community[u];
                    long b = community[out.neighbor(e)];
                    if (a != b) cross.merge(Math.min(a, b) * 1_000_000 + Math.max(a, b), out.weight(e), Double::sum);
                }
            }
            long key = cross.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            List<Record> br = run(c, "bridges.cypher", Map.of("a", key / 1_000_000, "b", key % 1_000_000, "k", 100_000),
                    List.of("user_a", "user_b", "weight", "a_to_b", "b_to_a", "reciprocal")).records();
            assertEquals(cross.get(key), br.stream().mapToDouble(r -> r.get("weight").asDouble()).sum(), 1e-9);

            // GDS files, as a data scientist runs them
            Map<String, Object> prp = Map.of("graph", "t-pr", "undirected", false, "damping", 0.85, "max_iterations", 1000,
                    "tolerance", 1e-10, "k", 5);
            List<Record> gpr = run(c, "gds-pagerank.cypher", prp, List.of("id", "pagerank", "gds_score")).records();
            double[] converged = Neo4jAnalyzeTest.converged(g);
            for (Record r : gpr) assertEquals(converged[g.ids().index(r.get("id").asString())], r.get("pagerank").asDouble(), 1e-4);
            assertEquals(n, run(c, "gds-louvain.cypher", Map.of("graph", "t-lv", "k", n), List.of("id", "community")).records().size());
            assertEquals(n, run(c, "gds-leiden.cypher", Map.of("graph", "t-ld", "k", n, "seed", 1), List.of("id", "community")).records().size());
            List<Record> kc = run(c, "gds-kcore.cypher", Map.of("graph", "t-kc", "k", n), List.of("id", "kcore")).records();
            double[] core = (double[]) res.column("kcore");
            for (Record r : kc) assertEquals(core[g.ids().index(r.get("id").asString())], r.get("kcore").asLong(), 0.0);
            c.autoCommit("CALL gds.graph.list() YIELD graphName CALL gds.graph.drop(graphName) YIELD graphName AS d RETURN count(*)", Map.of(), r -> r.consume());
            run(c, "write-clusters.cypher", Map.of("batch", 100, "rows", List.of()), List.of());

            // parameters that carry Cypher are data: nothing matches, nothing is deleted
            long users = c.list("MATCH (u:User) RETURN count(u) AS n", Map.of()).get(0).get("n").asLong();
            for (String evil : List.of("}) DETACH DELETE n //", "x' OR 1=1 //", "`User`", "\") MATCH (m) DETACH DELETE m //")) {
                assertEquals(0, run(c, "neighbourhood.cypher", Map.of("id", evil, "k", 10), List.of("neighbour", "out_weight", "in_weight",
                        "reciprocal", "retweet", "mention", "reply", "community", "pagerank")).records().size());
            }
            assertEquals(users, c.list("MATCH (u:User) RETURN count(u) AS n", Map.of()).get(0).get("n").asLong());

            // every file in cypher/ was run above
            List<String> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(Path.of("cypher"))) {
                s.filter(p -> p.toString().endsWith(".cypher")).forEach(p -> files.add(p.getFileName().toString()));
            }
            assertEquals(new HashSet<>(files), covered);

            // the CLI: CSV and JSON, parameters as JSON literals or strings
            io = Neo4jResumeTest.run("neo4j", "query", "cypher/top-hubs.cypher", "--uri", Neo4jTestServer.boltUri().toString(), "--param", "k=3");
            assertEquals("0", io[0], io[2]);
            List<String> lines = io[1].lines().toList();
            assertEquals("id,in_weight,interactors,acts_on,reciprocity,pagerank,kcore", lines.get(0));
            assertEquals(4, lines.size());
            assertTrue(lines.get(1).startsWith(hubId + ","), lines.get(1));
            io = Neo4jResumeTest.run("neo4j", "query", "cypher/neighbourhood.cypher", "--uri", Neo4jTestServer.boltUri().toString(),
                    "--param", "id=" + hubId, "--param", "k=2", "--output", "json");
            assertEquals("0", io[0], io[2]);
            JsonNode json = new ObjectMapper().readTree(io[1]);
            assertEquals(2, json.size());
            assertEquals(nb.get(0).get("neighbour").asString(), json.get(0).get("neighbour").asText());
            io = Neo4jResumeTest.run("neo4j", "query", "cypher/neighbourhood.cypher", "--uri", Neo4jTestServer.boltUri().toString(),
                    "--param", "id=}) DETACH DELETE n //", "--param", "k=2");
            assertEquals("0", io[0], io[2]);
            assertEquals(List.of("neighbour,out_weight,in_weight,reciprocal,retweet,mention,reply,community,pagerank"), io[1].lines().toList());
            assertEquals(users, c.list("MATCH (u:User) RETURN count(u) AS n", Map.of()).get(0).get("n").asLong());
        }
    }

    @Test
    void unreachableServerIsExitFourWithOneLine() {
        String[] io = Neo4jResumeTest.run("neo4j", "load", "datasets/karate/karate.edges", "--uri", "bolt://127.0.0.1:1", "-q");
        assertEquals("4", io[0]);
        assertEquals(1, io[2].strip().lines().count(), io[2]);
        assertTrue(io[2].startsWith("chorus: cannot reach Neo4j at bolt://127.0.0.1:1"), io[2]);
        io = Neo4jResumeTest.run("neo4j", "query", "cypher/top-hubs.cypher", "--uri", "bolt://127.0.0.1:1", "--param", "k=1");
        assertEquals("4", io[0]);
        io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", "bolt://127.0.0.1:1");
        assertEquals("4", io[0]);
        io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", "bolt://127.0.0.1:1", "--engine", "spark");
        assertEquals("2", io[0]);
    }

    @Test
    void cliLoadAccountsForEveryRow() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.write(bad, List.of("source\ttarget\tweight", "a\tb\t1", "a\tb\t2", "b\tc\tnot-a-number", "c\td\t-1", "d\ta\t0.5"));
        Path rejects = dir.resolve("rejected.tsv");
        Neo4jTestServer.clear();
        String[] io = Neo4jResumeTest.run("neo4j", "load", bad.toString(), "--uri", Neo4jTestServer.boltUri().toString(), "-q",
                "--rejects", rejects.toString(), "--checkpoint", dir.resolve("cp").toString());
        assertEquals("0", io[0], io[2]);
        assertTrue(io[2].contains("5 rows read = 3 loaded + 2 rejected"), io[2]);
        assertEquals(3, Files.readAllLines(rejects).size()); // header + 2
        JsonNode json = new ObjectMapper().readTree(io[1]);
        assertEquals(5, json.get("rows").get("read").asLong());
        assertEquals(3, json.get("users").asLong()); // a, b, d: c only appears in rejected rows
        try (Neo4jClient c = Neo4jTestServer.client()) {
            assertEquals(3.0, c.list("MATCH (:User {id:'a'})-[e:INTERACTED]->(:User {id:'b'}) RETURN e.weight AS w", Map.of()).get(0).get("w").asDouble(), 0.0);
        }
    }

    /** Every row rejected: exit 3 with one line naming the rejected rows' file, and nothing written to Neo4j. */
    @Test
    void cliLoadOfAnInputWhoseEveryRowIsRejectedIsExit3() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.write(bad, List.of("source\ttarget\tweight", "b\tc\tnot-a-number", "c\td\t-1"));
        Path rejects = dir.resolve("rejected.tsv");
        Neo4jTestServer.clear();
        String[] io = Neo4jResumeTest.run("neo4j", "load", bad.toString(), "--uri", Neo4jTestServer.boltUri().toString(), "-q",
                "--rejects", rejects.toString(), "--checkpoint", dir.resolve("cp").toString());
        assertEquals("3", io[0], io[2]);
        assertEquals(1, io[2].strip().lines().count(), io[2]);
        assertTrue(io[2].startsWith("chorus: " + bad + ": no row could be read: 2 rejected as tsv"), io[2]);
        assertTrue(io[2].strip().endsWith("; rejected rows in " + rejects), io[2]);
        assertEquals(3, Files.readAllLines(rejects).size());
        try (Neo4jClient c = Neo4jTestServer.client()) {
            assertEquals(0, c.list("MATCH (u:User) RETURN count(u) AS n", Map.of()).get(0).get("n").asLong());
        }
    }
}
