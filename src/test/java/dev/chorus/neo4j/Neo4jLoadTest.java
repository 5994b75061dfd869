package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InteractionType;
import dev.chorus.progress.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/** {@code neo4j load} against the real in-process server: counts, idempotence, injection-proof ids. */
class Neo4jLoadTest {
    static final String EMAIL = "datasets/email-eu-core/email-Eu-core.txt.gz";
    static final String HIGGS = "datasets/higgs-twitter/higgs-activity_time.txt.gz";
    static final String FOOTBALL = "datasets/football/football_newman.gml";

    @TempDir
    Path dir;

    /** Users, interactions, weight sum and per-type counts in the database. */
    record Counts(long users, long interactions, double weightSum, Map<String, Long> types, long isolated) {
    }

    static Counts counts(Neo4jClient c) {
        long users = c.list("MATCH (u:User) RETURN count(u) AS n", Map.of()).get(0).get("n").asLong();
        Record r = c.list("MATCH (:User)-[e:INTERACTED]->(:User) RETURN count(e) AS m, sum(e.weight) AS w", Map.of()).get(0);
        Map<String, Long> types = new HashMap<>();
        for (InteractionType t : InteractionType.values()) {
            long k = c.list("MATCH ()-[e:INTERACTED]->() RETURN sum(coalesce(e[$p], 0)) AS k", Map.of("p", t.label()))
                    .get(0).get("k").asLong();
            if (k > 0) types.put(t.label(), k);
        }
        long isolated = c.list("MATCH (u:User) WHERE NOT (u)--() RETURN count(u) AS n", Map.of()).get(0).get("n").asLong();
        return new Counts(users, r.get("m").asLong(), r.get("w").asDouble(), types, isolated);
    }

    static Neo4jLoader.Result load(Neo4jClient c, GraphLoader.Loaded l, Neo4jLoader.Config config) {
        return Neo4jLoader.load(c, l.graph(), "test", l.rows(), config, Progress.NONE, null);
    }

    @Test
    void shippedDatasetCountsEqualTheEmbeddedGraphAndABruteForceCount() throws IOException {
        Neo4jTestServer.clear();
        // brute force over the raw lines, independent of the readers: distinct nodes and pairs
        Set<String> nodes = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        long lines = 0;
        for (String line : gunzip(EMAIL, Integer.MAX_VALUE)) {
            String[] f = line.trim().split("\\s+");
            nodes.add(f[0]);
            nodes.add(f[1]);
            pairs.add(f[0] + " " + f[1]);
            lines++;
        }
        GraphLoader.Loaded l = GraphLoader.load(EMAIL, IngestOptions.defaults());
        for (int writers : new int[] {1, 3}) {
            Neo4jTestServer.clear();
            try (Neo4jClient c = Neo4jTestServer.client()) {
                Neo4jLoader.Result r = load(c, l, new Neo4jLoader.Config(4000, writers, null, false));
                assertEquals(writers, r.writers());
                Counts got = counts(c);
                assertEquals(nodes.size(), got.users());
                assertEquals(pairs.size(), got.interactions());
                assertEquals(lines, got.weightSum(), 0.0); // weight 1 per row, summed per pair
                assertEquals(l.graph().nodeCount(), got.users());
                assertEquals(l.graph().edgeCount(), got.interactions());
                assertEquals(l.graph().weightSum(), got.weightSum(), 1e-9);
                assertEquals(l.rows().read(), l.rows().loaded() + l.rows().rejected());
                if (writers == 1) assertEquals((1005 + 3999) / 4000 + (pairs.size() + 3999) / 4000, r.batches());
                assertTrue(r.firstLoad(), "an empty database takes the CREATE path");
                assertEquals(0, c.list("MATCH (l:ChorusLoad|ChorusLoadWriter) RETURN count(l) AS n", Map.of()).get(0).get("n").asLong(), "progress removed");
                Record meta = c.list("MATCH (g:ChorusGraph) RETURN g.directed AS d, g.rows_read AS rr, g.edges AS e", Map.of()).get(0);
                assertTrue(meta.get("d").asBoolean());
                assertEquals(lines, meta.get("rr").asLong());
            }
        }
    }

    @Test
    void typedTimedRowsKeepPerTypeCountsAndTimes() throws IOException {
        Neo4jTestServer.clear();
        Path part = dir.resolve("higgs-6k.txt");
        List<String> head = gunzip(HIGGS, 6_000);
        Files.write(part, head);
        // brute force: per (source,target) counts per type; first and last time of one busy pair
        Map<String, Long> perType = new HashMap<>();
        Map<String, long[]> span = new HashMap<>();
        for (String line : head) {
            String[] f = line.split(" ");
            perType.merge(InteractionType.parse(f[3]).label(), 1L, Long::sum);
            long ts = Long.parseLong(f[2]);
            span.merge(f[0] + " " + f[1], new long[] {ts, ts, 1}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]});
        }
        GraphLoader.Loaded l = GraphLoader.load(part.toString(), IngestOptions.defaults());
        try (Neo4jClient c = Neo4jTestServer.client()) {
            load(c, l, new Neo4jLoader.Config(2000, 2, null, false));
            Counts got = counts(c);
            assertEquals(perType, got.types());
            assertEquals(span.size(), got.interactions());
            assertEquals(head.size(), got.weightSum(), 0.0);
            String busiest = span.entrySet().stream().max((a, b) -> Long.compare(a.getValue()[2], b.getValue()[2])).get().getKey();
            String[] st = busiest.split(" ");
            Record e = c.list("MATCH (:User {id: $s})-[e:INTERACTED]->(:User {id: $t}) RETURN e.weight AS w, e.first_time AS f, e.last_time AS l",
                    Map.of("s", st[0], "t", st[1])).get(0);
            assertEquals(span.get(busiest)[2], e.get("w").asDouble(), 0.0);
            assertEquals(span.get(busiest)[0], e.get("f").asLong());
            assertEquals(span.get(busiest)[1], e.get("l").asLong());
        }
    }

    @Test
    void loadingTwiceLeavesIdenticalCounts() {
        Neo4jTestServer.clear();
        GraphLoader.Loaded l = GraphLoader.load(FOOTBALL, IngestOptions.defaults());
        try (Neo4jClient c = Neo4jTestServer.client()) {
            assertTrue(load(c, l, new Neo4jLoader.Config(100, 2, null, false)).firstLoad());
            Counts once = counts(c);
            assertEquals(115, once.users());
            assertEquals(613, once.interactions()); // Newman's football graph: 115 teams, 613 games
            String edges = "MATCH (a)-[e:INTERACTED]->(b) RETURN a.id + '>' + b.id + ':' + e.weight AS k ORDER BY k";
            List<String> before = c.list(edges, Map.of()).stream().map(r -> r.get("k").asString()).toList();
            Neo4jLoader.Result again = load(c, GraphLoader.load(FOOTBALL, IngestOptions.defaults()), new Neo4jLoader.Config(77, 1, null, false)); // another schedule, the same graph
            assertTrue(!again.firstLoad(), "interactions already there: the MERGE path");
            assertEquals(once, counts(c));
            assertEquals(before, c.list(edges, Map.of()).stream().map(r -> r.get("k").asString()).toList());
        }
    }

    /**
     * A first load (CREATE path) interrupted in its users phase, and one interrupted in its interactions phase,
     * whose checkpoint file missed the last commit (a crash between commit and file write), resume from the
     * database's progress nodes to exactly the graph of an uninterrupted load; a second interrupted load (MERGE
     * path) resumes exactly too. With one writer and with three (whose other writers may commit a batch more
     * before they stop).
     */
    @Test
    void interruptedLoadsResumeFromTheDatabaseMarkerEvenWhenTheFileLags() throws IOException {
        Path input = dir.resolve("higgs-6k.txt");
        Files.write(input, gunzip(HIGGS, 6_000));
        GraphLoader.Loaded l = GraphLoader.load(input.toString(), IngestOptions.defaults());
        Path checkpoint = dir.resolve("load.checkpoint");
        long nodeBatches = (l.graph().nodeCount() + 499) / 500;
        Neo4jTestServer.clear();
        try (Neo4jClient c = Neo4jTestServer.client()) {
            load(c, l, new Neo4jLoader.Config(500, 1, null, false));
            Counts reference = counts(c);
            List<String> referenceEdges = Neo4jResumeTest.edges(c);
            assertTrue(nodeBatches >= 4, nodeBatches + " user batches");
            for (int writers : new int[] {1, 3}) {
                // {batch to stop after, clear the database first}: users phase, interactions phase, then a second load
                for (long[] stop : new long[][] {{1, 1}, {nodeBatches + 2, 1}, {nodeBatches + 4, 0}}) {
                    long stopAfter = stop[0];
                    boolean first = stop[1] == 1;
                    if (first) Neo4jTestServer.clear();
                    RuntimeException crash = new IllegalStateException("crash");
                    RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Neo4jLoader.load(c,
                            l.graph(), input.toString(), l.rows(), new Neo4jLoader.Config(500, writers, checkpoint, false), Progress.NONE,
                            (batch, all) -> {
                                if (batch == stopAfter) throw crash;
                            }));
                    assertEquals(crash, thrown);
                    Checkpoint saved = Checkpoint.read(checkpoint);
                    assertTrue(saved.committedBatches() >= stopAfter + 1 && saved.committedBatches() <= stopAfter + writers,
                            writers + " writers stopped after " + saved.committedBatches() + " batches");
                    if (writers == 1) assertEquals(stopAfter + 1, saved.committedBatches());
                    assertEquals(writers, saved.writers());
                    assertEquals(first, saved.firstLoad());
                    int lagging = 0;
                    while (saved.committed().get(lagging) == 0) lagging++;
                    saved.committed(lagging, saved.committed().get(lagging) - 1).save(checkpoint); // the file missed a commit
                    // resumed with another number of writers: the interrupted load's schedule is kept
                    Neo4jLoader.Result r = Neo4jLoader.load(c, l.graph(), input.toString(), l.rows(),
                            new Neo4jLoader.Config(500, 2, checkpoint, true), Progress.NONE, null);
                    assertEquals(saved.committedBatches(), r.resumedAfter(), "the database, not the file, says what is committed");
                    assertEquals(writers, r.writers());
                    assertEquals(first, r.firstLoad());
                    assertEquals(reference, counts(c));
                    assertEquals(referenceEdges, Neo4jResumeTest.edges(c));
                    assertEquals(0, c.list("MATCH (l:ChorusLoad|ChorusLoadWriter) RETURN count(l) AS n", Map.of()).get(0).get("n").asLong());
                }
            }
        }
    }

    /** A checkpoint of another input with the same users, pair count and weight sum (one pair rewired) is refused. */
    @Test
    void resumeRefusesTheCheckpointOfAnotherInputOfTheSameSize() throws IOException {
        Neo4jTestServer.clear();
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("b.tsv");
        Files.write(a, List.of("x\ty", "z\tw", "x\tw"));
        Files.write(b, List.of("x\ty", "z\tw", "z\ty")); // same ids in the same order, same sizes and weights
        GraphLoader.Loaded la = GraphLoader.load(a.toString(), IngestOptions.defaults());
        GraphLoader.Loaded lb = GraphLoader.load(b.toString(), IngestOptions.defaults());
        assertEquals(la.graph().nodeCount(), lb.graph().nodeCount());
        assertEquals(la.graph().edgeCount(), lb.graph().edgeCount());
        assertEquals(la.graph().weightSum(), lb.graph().weightSum(), 0.0);
        assertTrue(Checkpoint.fingerprint(la.graph()) != Checkpoint.fingerprint(lb.graph()));
        assertEquals(Checkpoint.fingerprint(la.graph()), Checkpoint.fingerprint(GraphLoader.load(a.toString(), IngestOptions.defaults()).graph()));
        Path checkpoint = dir.resolve("ab.checkpoint");
        try (Neo4jClient c = Neo4jTestServer.client()) {
            RuntimeException crash = new IllegalStateException("crash");
            assertEquals(crash, org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Neo4jLoader.load(c, la.graph(),
                    a.toString(), la.rows(), new Neo4jLoader.Config(1, 1, checkpoint, false), Progress.NONE, (batch, all) -> {
                        if (batch == 4) throw crash; // all 4 users and the first pair are in
                    })));
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                    Neo4jLoader.load(c, lb.graph(), b.toString(), lb.rows(), new Neo4jLoader.Config(1, 1, checkpoint, true), Progress.NONE, null));
            assertTrue(refused.getMessage().contains("is for another load"), refused.getMessage());
            // the right input resumes
            assertEquals(5, Neo4jLoader.load(c, la.graph(), a.toString(), la.rows(), new Neo4jLoader.Config(1, 1, checkpoint, true), Progress.NONE,
                    null).resumedAfter());
            assertEquals(3, counts(c).interactions());
        }
    }

    @Test
    void isolatedUsersOfGraphFormatsAndUndirectedPairsOnce() throws IOException {
        Neo4jTestServer.clear();
        Path gml = dir.resolve("g.gml");
        Files.writeString(gml, "graph [ directed 0\n node [ id 1 label \"a\" ] node [ id 2 label \"b\" ] node [ id 3 label \"lonely\" ]\n"
                + " edge [ source 1 target 2 weight 2 ] edge [ source 2 target 1 weight 3 ] edge [ source 2 target 2 ] ]\n");
        GraphLoader.Loaded l = GraphLoader.load(gml.toString(), IngestOptions.defaults());
        try (Neo4jClient c = Neo4jTestServer.client()) {
            load(c, l, Neo4jLoader.Config.defaults());
            Counts got = counts(c);
            assertEquals(3, got.users());
            assertEquals(1, got.isolated());
            assertEquals(2, got.interactions()); // {1,2} once with 2 + 3, and the loop
            assertEquals(6.0, got.weightSum(), 0.0);
            assertEquals(5.0, c.list("MATCH (:User {id:'1'})-[e:INTERACTED]-(:User {id:'2'}) RETURN e.weight AS w", Map.of()).get(0).get("w").asDouble(), 0.0);
            assertEquals("lonely", c.list("MATCH (u:User {id:'3'}) RETURN u.label AS l", Map.of()).get(0).get("l").asString());
            assertTrue(!c.list("MATCH (g:ChorusGraph) RETURN g.directed AS d", Map.of()).get(0).get("d").asBoolean());
        }
    }

    @Test
    void injectionAttemptsInIdsAreStoredAsData() throws IOException {
        Neo4jTestServer.clear();
        List<String> evil = List.of("a'b", "x\"y", "`z`", "}) DETACH DELETE n //", "'}) MATCH (n) DETACH DELETE n //", "\\u0027");
        Path csv = dir.resolve("evil.tsv");
        List<String> lines = new ArrayList<>(List.of("source\ttarget"));
        for (int i = 0; i < evil.size(); i++) lines.add(evil.get(i) + "\t" + evil.get((i + 1) % evil.size()));
        lines.add("plain\t" + evil.get(3));
        Files.write(csv, lines, StandardCharsets.UTF_8);
        GraphLoader.Loaded l = GraphLoader.load(csv.toString(), IngestOptions.defaults());
        assertEquals(evil.size() + 1, l.graph().nodeCount());
        try (Neo4jClient c = Neo4jTestServer.client()) {
            load(c, l, new Neo4jLoader.Config(2, 2, null, false));
            Counts got = counts(c);
            assertEquals(evil.size() + 1, got.users());
            assertEquals(evil.size() + 1, got.interactions());
            for (String id : evil) {
                assertEquals(1, c.list("MATCH (u:User {id: $id}) RETURN count(u) AS n", Map.of("id", id)).get(0).get("n").asLong(), id);
            }
            assertEquals(2, c.list("MATCH (u:User {id: $id})<-[e]-() RETURN count(e) AS n", Map.of("id", evil.get(3))).get(0).get("n").asLong());
        }
    }

    static List<String> gunzip(String path, int maxLines) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(Path.of(path))), StandardCharsets.UTF_8))) {
            for (String line; out.size() < maxLines && (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(line);
            }
        }
        return out;
    }
}
