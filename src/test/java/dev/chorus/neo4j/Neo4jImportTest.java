package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.LoadThreadsTest;
import dev.chorus.ingest.IngestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * {@code neo4j import} through Neo4j's real offline importer ({@code org.neo4j.cli.AdminTool database import full},
 * from the test classpath, behind a {@code neo4j-admin} script given to {@code --run}) into the data directory of
 * a standalone Neo4j server in a child JVM, then started: the imported store holds the embedded graph, analyzes
 * and takes an incremental load; a failing or missing importer is one line and exit 4; bad rows are rejected as
 * by {@code neo4j load}.
 */
class Neo4jImportTest {
    @TempDir
    Path dir;

    @Test
    void importedStoreEqualsTheEmbeddedGraphAnalyzesAndMergesAnIncrementalLoad() throws Exception {
        Path passwordFile = dir.resolve("pw");
        Files.writeString(passwordFile, StandaloneNeo4j.PASSWORD + "\n");
        try (StandaloneNeo4j server = new StandaloneNeo4j(dir.resolve("neo4j-home"))) {
            Path admin = server.adminScript(dir.resolve("bin"));
            Neo4jSettings settings = new Neo4jSettings(server.uri(), "neo4j", StandaloneNeo4j.PASSWORD, Duration.ofSeconds(5));

            // the shipped Higgs activity, imported into a store that was never started
            Path higgsDir = dir.resolve("higgs-import");
            String[] io = Neo4jResumeTest.run("neo4j", "import", Neo4jLoadTest.HIGGS, "--to", higgsDir.toString(), "--run",
                    "--neo4j-admin", admin.toString(), "-q");
            assertEquals("0", io[0], io[2] + log(higgsDir));
            assertEquals(List.of("--nodes=User=users.header.csv,users.csv", "--nodes=ChorusGraph=graph.header.csv,graph.csv",
                    "--relationships=interactions.header.csv,interactions-1.csv", "--id-type=actual",
                    "--threads=" + 2 * Runtime.getRuntime().availableProcessors(), "--report-file=import.report"),
                    Files.readAllLines(higgsDir.resolve("import.args")), "Higgs: 771k records, under the gzip threshold");
            assertEquals(":ID,id:string,load_order:long", Files.readString(higgsDir.resolve("users.header.csv")).strip());
            assertEquals(":START_ID,:END_ID,:TYPE,weight:double,retweet:long,mention:long,reply:long,first_time:long,last_time:long",
                    Files.readString(higgsDir.resolve("interactions.header.csv")).strip());
            GraphLoader.Loaded higgs = GraphLoader.load(Neo4jLoadTest.HIGGS, IngestOptions.defaults());
            InteractionGraph g = higgs.graph();
            server.start();
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                Neo4jLoadTest.Counts got = Neo4jLoadTest.counts(c);
                assertEquals(304_691, got.users()); // SOURCE.txt of the dataset
                assertEquals(g.nodeCount(), got.users());
                assertEquals(g.edgeCount(), got.interactions());
                assertEquals(563_069.0, got.weightSum(), 0.0); // one per row
                assertEquals(g.weightSum(), got.weightSum(), 1e-6);
                Map<String, Long> types = new HashMap<>();
                g.rowsByType().forEach((t, k) -> types.put(t.label(), k));
                assertEquals(types, got.types());
                Record meta = c.list("MATCH (m:ChorusGraph {id: 'graph'}) RETURN m.directed AS d, m.rows_read AS r, m.edges AS e, m.types AS t",
                        Map.of()).get(0);
                assertTrue(meta.get("d").asBoolean());
                assertEquals(563_069, meta.get("r").asLong());
                assertEquals(g.edgeCount(), meta.get("e").asLong());
                assertEquals(List.of("retweet", "mention", "reply"), meta.get("t").asList(v -> v.asString()));
                // read back as `neo4j analyze` reads it: the input's graph, node numbering, arcs, weights, counts and times
                LoadThreadsTest.assertSameGraph(g, Neo4jGraphReader.read(c, null));
                assertEquals(0, constraints(c).size(), "the importer creates no schema");
            }

            // an importer failure (the database exists, the server holds it): one line, exit 4
            Path part = dir.resolve("part.csv");
            Path all = dir.resolve("all.csv");
            writeSlices(part, all);
            Path partDir = dir.resolve("part-import");
            io = Neo4jResumeTest.run("neo4j", "import", part.toString(), "--to", partDir.toString(), "--run", "--neo4j-admin", admin.toString(), "-q");
            assertEquals("4", io[0], io[2]);
            List<String> failure = io[2].lines().filter(l -> l.startsWith("chorus: neo4j-admin")).toList();
            assertEquals(1, failure.size(), io[2]);
            assertTrue(failure.get(0).startsWith("chorus: neo4j-admin database import failed (exit "), failure.get(0));
            assertTrue(failure.get(0).endsWith("its output is in " + partDir.resolve("import.log")), failure.get(0));
            assertEquals(failure.get(0), io[2].strip().lines().reduce((a, b) -> b).get(), "the failure is the last line");
            // and an absent importer
            io = Neo4jResumeTest.run("neo4j", "import", part.toString(), "--to", partDir.toString(), "--run", "--neo4j-admin",
                    dir.resolve("no-such-admin").toString(), "-q");
            assertEquals("4", io[0]);
            assertEquals("chorus: --neo4j-admin " + dir.resolve("no-such-admin") + ": not an executable file", io[2].strip().lines().reduce((a, b) -> b).get());

            // a first slice imported over the old store, then the grown input loaded over Bolt: a single load's graph
            server.close();
            io = Neo4jResumeTest.run("neo4j", "import", part.toString(), "--to", partDir.toString(), "--run", "--overwrite",
                    "--neo4j-admin", admin.toString(), "-q");
            assertEquals("0", io[0], io[2] + log(partDir));
            assertTrue(Files.readAllLines(partDir.resolve("import.args")).contains("--overwrite-destination=true"));
            server.start();
            GraphLoader.Loaded partGraph = GraphLoader.load(part.toString(), IngestOptions.defaults());
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                Neo4jLoadTest.Counts got = Neo4jLoadTest.counts(c);
                assertEquals(partGraph.graph().nodeCount(), got.users());
                assertEquals(partGraph.graph().edgeCount(), got.interactions());
                assertEquals(ids(partGraph.graph()), users(c), "ids with quotes, commas, semicolons and spaces survive the importer's CSV");
                // weights written as 2 for 2.0, and fractional, huge and summed ones, read back as the same doubles
                LoadThreadsTest.assertSameGraph(partGraph.graph(), Neo4jGraphReader.read(c, null));
                assertEquals(Set.of(0.30000000000000004, 1.0E20, 3.0E9, 2.5), Set.copyOf(c.list("MATCH ()-[e:INTERACTED]->() WHERE e.weight IN "
                        + "[0.30000000000000004, 1.0E20, 3.0E9, 2.5] RETURN DISTINCT e.weight AS w", Map.of()).stream().map(r -> r.get("w").asDouble()).toList()));
            }
            // analyze --write on the imported store: applies cypher/schema.cypher, writes every user
            io = Neo4jResumeTest.run("neo4j", "analyze", "--uri", server.uri().toString(), "--password-file", passwordFile.toString(),
                    "--write", "--communities", "louvain", "--out", dir.resolve("nodes.csv").toString(), "-q");
            assertEquals("0", io[0], io[2]);
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                assertTrue(constraints(c).containsAll(Set.of("user_id", "cluster_id")), constraints(c).toString());
                assertEquals(partGraph.graph().nodeCount(), c.list("MATCH (u:User) WHERE u.pagerank IS NOT NULL AND u.community IS NOT NULL RETURN count(u) AS n",
                        Map.of()).get(0).get("n").asLong());
                assertEquals(1.0, c.list("MATCH (u:User) RETURN sum(u.pagerank) AS s", Map.of()).get(0).get("s").asDouble(), 1e-6);
            }

            io = Neo4jResumeTest.run("neo4j", "load", all.toString(), "--uri", server.uri().toString(), "--password-file", passwordFile.toString(),
                    "--checkpoint", dir.resolve("cp").toString(), "-q");
            assertEquals("0", io[0], io[2]);
            assertTrue(io[1].contains("\"first_load\" : false"), "users exist: the MERGE path " + io[1]);
            GraphLoader.Loaded allGraph = GraphLoader.load(all.toString(), IngestOptions.defaults());
            Neo4jTestServer.clear();
            Neo4jLoadTest.Counts reference;
            List<String> referenceEdges;
            List<String> referenceUsers;
            try (Neo4jClient c = Neo4jTestServer.client()) {
                Neo4jLoader.load(c, allGraph.graph(), all.toString(), allGraph.rows(), Neo4jLoader.Config.defaults(), dev.chorus.progress.Progress.NONE, null);
                reference = Neo4jLoadTest.counts(c);
                referenceEdges = Neo4jResumeTest.edges(c);
                referenceUsers = usersInLoadOrder(c);
            }
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                assertEquals(reference, Neo4jLoadTest.counts(c));
                assertEquals(referenceEdges, Neo4jResumeTest.edges(c));
                assertEquals(referenceUsers, usersInLoadOrder(c));
                assertEquals(allGraph.rows().read(), c.list("MATCH (m:ChorusGraph) RETURN m.rows_read AS r", Map.of()).get(0).get("r").asLong());
                assertEquals(1, c.list("MATCH (m:ChorusGraph) RETURN count(m) AS n", Map.of()).get(0).get("n").asLong());
            }
        }
    }

    /** Bad rows: the same rejects file and row accounting as {@code neo4j load}, and the same exit 3 above --max-rejects. */
    @Test
    void badRowsAreRejectedAsByNeo4jLoad() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.write(bad, List.of("source\ttarget\tweight", "a\tb\t2", "a\t\t1", "b\tc\tx", "c\ta\t1.5", "d", "b\tc\t-"));
        Path importDir = dir.resolve("imp");
        String[] imp = Neo4jResumeTest.run("neo4j", "import", bad.toString(), "--to", importDir.toString(), "-q");
        assertEquals("0", imp[0], imp[2]);
        // the printed commands: the docker compose service of docker-compose.yml, and the contract's local command
        String service = composeService();
        assertTrue(imp[2].contains("docker compose run --rm --no-deps -v " + importDir.toAbsolutePath() + ":/import -w /import " + service
                + " neo4j-admin database import full neo4j @import.args"), imp[2]);
        assertTrue(imp[2].contains("cd " + importDir + " && neo4j-admin database import full neo4j @import.args"), imp[2]);
        Neo4jTestServer.clear();
        Path loadRejects = dir.resolve("load-rejected.tsv");
        String[] load = Neo4jResumeTest.run("neo4j", "load", bad.toString(), "--uri", Neo4jTestServer.boltUri().toString(),
                "--rejects", loadRejects.toString(), "--checkpoint", dir.resolve("cp").toString(), "-q");
        assertEquals("0", load[0], load[2]);
        List<String> rejected = Files.readAllLines(importDir.resolve("rejected.tsv"));
        assertEquals(Files.readAllLines(loadRejects), rejected);
        assertEquals(1 + 4, rejected.size(), "header + the 4 bad rows: " + rejected);
        assertTrue(imp[2].contains("6 rows read = 2 loaded + 4 rejected"), imp[2]);
        assertTrue(load[2].contains("6 rows read = 2 loaded + 4 rejected"), load[2]);
        assertTrue(imp[1].contains("\"rejected\" : 4") && load[1].contains("\"rejected\" : 4"), imp[1] + load[1]);
        try (Neo4jClient c = Neo4jTestServer.client()) {
            assertEquals(Neo4jLoadTest.counts(c).users(), Files.readAllLines(importDir.resolve("users.csv")).size());
            assertEquals(Neo4jLoadTest.counts(c).interactions(), Files.readAllLines(importDir.resolve("interactions-1.csv")).size());
        }
        imp = Neo4jResumeTest.run("neo4j", "import", bad.toString(), "--to", dir.resolve("imp2").toString(), "--max-rejects", "3", "-q");
        load = Neo4jResumeTest.run("neo4j", "load", bad.toString(), "--uri", Neo4jTestServer.boltUri().toString(), "--max-rejects", "3",
                "--checkpoint", dir.resolve("cp").toString(), "-q");
        assertEquals("3", imp[0], imp[2]);
        assertEquals("3", load[0], load[2]);
        assertEquals(1, imp[2].strip().lines().count(), imp[2]);
        assertFalse(Files.exists(dir.resolve("imp2").resolve("users.csv")), "no import files after an input error");
    }

    /** The one service of docker-compose.yml. */
    private static String composeService() throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Path.of("docker-compose.yml").toFile());
        List<String> names = new ArrayList<>();
        root.get("services").fieldNames().forEachRemaining(names::add);
        assertEquals(1, names.size(), names.toString());
        return names.get(0);
    }

    /** Pairs split into files by source range (Higgs, directed, files of 100k arcs): in order, the lines of one file. */
    @Test
    void pairFilesSplitBySourceRangeHoldTheLinesOfOneFile() throws Exception {
        GraphLoader.Loaded l = GraphLoader.load(Neo4jLoadTest.HIGGS, IngestOptions.defaults());
        ImportFiles.Result one = ImportFiles.write(l.graph(), Neo4jLoadTest.HIGGS, l.rows(), dir.resolve("one"), ImportFiles.Config.defaults(),
                dev.chorus.progress.Progress.NONE);
        ImportFiles.Result split = ImportFiles.write(l.graph(), Neo4jLoadTest.HIGGS, l.rows(), dir.resolve("split"), ImportFiles.Config.defaults(),
                dev.chorus.progress.Progress.NONE, 100_000);
        assertEquals(List.of("interactions-1.csv"), one.files().stream().filter(f -> f.startsWith("interactions-")).toList());
        List<String> parts = split.files().stream().filter(f -> f.startsWith("interactions-")).toList();
        assertEquals(one.interactions(), split.interactions());
        assertEquals(466_545, split.interactions());
        assertTrue(parts.size() >= 2 && parts.size() <= 5, "466,545 arcs in files of at least 100,000 but the last: " + parts);
        assertTrue(split.args().contains("--relationships=interactions.header.csv," + String.join(",", parts)), split.args().toString());
        List<String> joined = new ArrayList<>();
        int lastSource = -1;
        for (int k = 0; k < parts.size(); k++) {
            List<String> lines = Files.readAllLines(dir.resolve("split").resolve(parts.get(k)));
            if (k < parts.size() - 1) assertTrue(lines.size() >= 100_000, parts.get(k) + ": " + lines.size());
            int first = Integer.parseInt(lines.get(0).substring(0, lines.get(0).indexOf(',')));
            assertTrue(first > lastSource, "source ranges are disjoint and ascending");
            String last = lines.get(lines.size() - 1);
            lastSource = Integer.parseInt(last.substring(0, last.indexOf(',')));
            joined.addAll(lines);
        }
        assertEquals(Files.readAllLines(dir.resolve("one").resolve("interactions-1.csv")), joined);
        assertEquals(Files.readString(dir.resolve("one").resolve("users.csv")), Files.readString(dir.resolve("split").resolve("users.csv")));
    }

    /** Files of a graph format: node attributes, isolated users, undirected pairs once, line breaks switch on multiline fields. */
    @Test
    void graphFormatFilesKeepAttributesIsolatedUsersAndQuoteIds() throws Exception {
        Path gml = dir.resolve("g.gml");
        Files.writeString(gml, "graph [ directed 0\n node [ id 1 label \"a, b;c\" ] node [ id 2 label \"line\nbreak\" ] node [ id 3 label \"lonely\" ]\n"
                + " edge [ source 1 target 2 weight 2 ] edge [ source 2 target 1 weight 3 ] edge [ source 2 target 2 ] ]\n");
        GraphLoader.Loaded l = GraphLoader.load(gml.toString(), IngestOptions.defaults());
        ImportFiles.Result r = ImportFiles.write(l.graph(), gml.toString(), l.rows(), dir.resolve("f"), ImportFiles.Config.defaults(),
                dev.chorus.progress.Progress.NONE);
        assertEquals(3, r.users());
        assertEquals(2, r.interactions());
        Path f = dir.resolve("f");
        assertEquals(":ID,id:string,load_order:long,label:string", Files.readString(f.resolve("users.header.csv")).strip());
        String users = Files.readString(f.resolve("users.csv"));
        assertTrue(users.contains("2,\"3\",2,\"lonely\""), users);
        assertTrue(r.args().contains("--multiline-fields=true"), r.args().toString());
        // pairs by import id (the user's index: 1 -> 0, 2 -> 1)
        assertEquals(List.of("0,1,INTERACTED,5", "1,1,INTERACTED,1"),
                Files.readAllLines(f.resolve("interactions-1.csv")).stream().sorted().toList());
        assertTrue(Files.readString(f.resolve("graph.csv")).startsWith("3,\"graph\",false,"), "the node after the users");
        assertNull(Neo4jAdmin.onPath(dir.toString()));
    }

    /**
     * part.csv: the first 3000 Higgs rows (every fifth of weight 2), rows with awkward ids and rows whose pairs
     * sum to weights that are not integers or are beyond the int and long range (three rows of 0.1 make
     * 0.30000000000000004); all.csv: part plus the next 3000 rows and more awkward ones.
     */
    private static void writeSlices(Path part, Path all) throws Exception {
        List<String> higgs = Neo4jLoadTest.gunzip(Neo4jLoadTest.HIGGS, 6_000);
        List<String> rows = new ArrayList<>(List.of("source,target,timestamp,type,weight"));
        for (String line : higgs) {
            String[] f = line.split(" ");
            rows.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3] + "," + (rows.size() % 5 == 0 ? "2" : "1"));
        }
        List<String> odd = List.of("\"say \"\"hi\"\", now\",223789,1341100973,RT,1", "\"a;b c\",\"x\\y\",1341100974,MT,1", "\"é ü\",\"a;b c\",1341100975,RE,1");
        List<String> first = new ArrayList<>(rows.subList(0, 3_001));
        first.addAll(odd.subList(0, 2));
        for (int k = 0; k < 3; k++) first.add("w1,w2,1341100976,RT,0.1");
        first.addAll(List.of("w3,w4,1341100977,MT,1e20", "w5,w6,1341100978,RE,3000000000", "w7,w8,1341100979,RT,2.5"));
        Files.write(part, first);
        List<String> grown = new ArrayList<>(first);
        grown.addAll(rows.subList(3_001, rows.size()));
        grown.add(odd.get(2));
        grown.add(odd.get(0)); // a pair of the imported part again: its weight grows
        Files.write(all, grown);
    }

    private static String log(Path importDir) throws Exception {
        Path log = importDir.resolve(Neo4jAdmin.LOG);
        return Files.exists(log) ? "\n" + Files.readString(log) : "";
    }

    private static Set<String> constraints(Neo4jClient c) {
        return c.list("SHOW CONSTRAINTS YIELD name RETURN name", Map.of()).stream().map(r -> r.get("name").asString()).collect(Collectors.toSet());
    }

    private static Set<String> ids(InteractionGraph g) {
        Set<String> ids = new TreeSet<>();
        for (int u = 0; u < g.nodeCount(); u++) ids.add(g.ids().id(u));
        return ids;
    }

    private static Set<String> users(Neo4jClient c) {
        return new TreeSet<>(c.list("MATCH (u:User) RETURN u.id AS id", Map.of()).stream().map(r -> r.get("id").asString()).toList());
    }

    private static List<String> usersInLoadOrder(Neo4jClient c) {
        return c.list("MATCH (u:User) RETURN u.id + ' ' + u.load_order AS k ORDER BY u.load_order", Map.of()).stream()
                .map(r -> r.get("k").asString()).toList();
    }
}
