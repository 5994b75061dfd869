package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.cli.Chorus;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load interrupted by a crashed server resumes from its checkpoint to exactly the counts of an uninterrupted
 * load; wrong credentials are exit 4 with one line. Runs against a standalone Neo4j server in a child process
 * (authentication on), killed with SIGKILL in the interactions phase of a first load (with one writer, then
 * with two) and restarted on the same data directory.
 */
class Neo4jResumeTest {
    @TempDir
    Path dir;

    @Test
    void crashedLoadResumesToTheCountsOfAnUninterruptedLoad() throws Exception {
        Path input = dir.resolve("higgs-6k.txt");
        Files.write(input, Neo4jLoadTest.gunzip(Neo4jLoadTest.HIGGS, 6_000));
        GraphLoader.Loaded loaded = GraphLoader.load(input.toString(), IngestOptions.defaults());

        // reference: the same input loaded without interruption into the shared harness server
        Neo4jTestServer.clear();
        Neo4jLoadTest.Counts reference;
        List<String> referenceEdges;
        try (Neo4jClient c = Neo4jTestServer.client()) {
            Neo4jLoadTest.load(c, loaded, new Neo4jLoader.Config(500, 2, null, false));
            reference = Neo4jLoadTest.counts(c);
            referenceEdges = edges(c);
        }
        assertEquals(loaded.graph().edgeCount(), reference.interactions());

        Path passwordFile = dir.resolve("pw");
        Files.writeString(passwordFile, StandaloneNeo4j.PASSWORD + "\n");
        Path checkpoint = dir.resolve("load.checkpoint");
        try (StandaloneNeo4j server = new StandaloneNeo4j(dir.resolve("neo4j-home"))) {
            server.start();
            Neo4jSettings settings = new Neo4jSettings(server.uri(), "neo4j", StandaloneNeo4j.PASSWORD, Duration.ofSeconds(2));

            // wrong password: exit 4, one line, the password never printed
            Path wrong = dir.resolve("wrong");
            Files.writeString(wrong, "not-the-password-xyz\n");
            String[] io = run("neo4j", "load", input.toString(), "--uri", server.uri().toString(), "--password-file", wrong.toString(), "-q");
            assertEquals("4", io[0]);
            assertEquals(1, io[2].strip().lines().count(), io[2]);
            assertTrue(io[2].startsWith("chorus: Neo4j at " + server.uri() + " refused the credentials"), io[2]);
            assertFalse(io[1].contains("not-the-password-xyz") || io[2].contains("not-the-password-xyz"));

            // interrupted first load: the server is killed after the second interactions batch, on the CREATE path
            // (the path a first load takes, and the one that would double a batch if resuming were not exact)
            long killAfter = (loaded.graph().nodeCount() + 499) / 500 + 1;
            long total;
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                long[] seen = {0};
                BackendException e = assertThrows(BackendException.class, () -> Neo4jLoader.load(c, loaded.graph(), input.toString(),
                        loaded.rows(), new Neo4jLoader.Config(500, 1, checkpoint, false), Progress.NONE, (batch, all) -> {
                            seen[0] = all;
                            if (batch == killAfter) {
                                try {
                                    server.kill();
                                } catch (InterruptedException ex) {
                                    throw new IllegalStateException(ex);
                                }
                            }
                        }));
                assertTrue(e.getMessage().contains("cannot reach") || e.getMessage().contains("gave up"), e.getMessage());
                total = seen[0];
            }
            assertTrue(total > killAfter + 3, "enough batches to interrupt: " + total);
            Checkpoint saved = Checkpoint.read(checkpoint);
            assertEquals(killAfter + 1, saved.committedBatches());
            assertTrue(saved.firstLoad(), "a load into an empty database CREATEs its users and interactions");

            server.start(); // recovers the committed batches from the transaction log
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                Neo4jLoadTest.Counts partial = Neo4jLoadTest.counts(c);
                assertEquals(loaded.graph().nodeCount(), partial.users(), "all user batches survived the crash: " + partial);
                assertEquals(2 * 500L, partial.interactions(), "both committed interactions batches survived the crash: " + partial);
            }

            // resume through the CLI, password from a file
            io = run("neo4j", "load", input.toString(), "--uri", server.uri().toString(), "--password-file", passwordFile.toString(),
                    "--batch-size", "500", "--checkpoint", checkpoint.toString(), "--resume", "-q");
            assertEquals("0", io[0], io[2]);
            assertTrue(io[1].contains("\"resumed_after_batches\" : " + (killAfter + 1)), io[1]);
            assertTrue(io[1].contains("\"first_load\" : true"), io[1]);
            assertTrue(io[1].contains("\"writers\" : 1"), "the CLI's 2 writers give way to the interrupted load's 1: " + io[1]);
            assertFalse(Files.exists(checkpoint), "a completed load deletes its checkpoint");
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                assertEquals(reference, Neo4jLoadTest.counts(c));
                assertEquals(referenceEdges, edges(c));
                assertEquals(0, c.list("MATCH (l:ChorusLoad|ChorusLoadWriter) RETURN count(l) AS n", Map.of()).get(0).get("n").asLong());
            }

            // the same crash with two concurrent writers (the CLI's default), resumed through the CLI: exact too
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                c.write("MATCH (n) DETACH DELETE n", Map.of());
                assertThrows(BackendException.class, () -> Neo4jLoader.load(c, loaded.graph(), input.toString(), loaded.rows(),
                        new Neo4jLoader.Config(500, 2, checkpoint, false), Progress.NONE, (batch, all) -> {
                            if (batch == killAfter) {
                                try {
                                    server.kill();
                                } catch (InterruptedException ex) {
                                    throw new IllegalStateException(ex);
                                }
                            }
                        }));
            }
            assertEquals(2, Checkpoint.read(checkpoint).writers());
            server.start();
            io = run("neo4j", "load", input.toString(), "--uri", server.uri().toString(), "--password-file", passwordFile.toString(),
                    "--batch-size", "500", "--checkpoint", checkpoint.toString(), "--resume", "-q");
            assertEquals("0", io[0], io[2]);
            assertTrue(io[1].contains("\"first_load\" : true") && io[1].contains("\"writers\" : 2"), io[1]);
            assertFalse(io[1].contains("\"resumed_after_batches\" : 0,"), "resumed, not loaded again: " + io[1]);
            try (Neo4jClient c = Neo4jClient.connect(settings)) {
                assertEquals(reference, Neo4jLoadTest.counts(c));
                assertEquals(referenceEdges, edges(c));
            }
        }
    }

    /** Every stored pair with its properties, sorted: equal lists mean nothing doubled, lost or changed. */
    static List<String> edges(Neo4jClient c) {
        return c.list("MATCH (a:User)-[e:INTERACTED]->(b:User) "
                + "RETURN a.id + '>' + b.id + ' ' + e.weight + ' ' + coalesce(e.retweet, 0) + ' ' + coalesce(e.mention, 0) + ' ' "
                + "+ coalesce(e.reply, 0) + ' ' + e.first_time + ' ' + e.last_time AS k ORDER BY k", Map.of())
                .stream().map(r -> r.get("k").asString()).toList();
    }

    /** exit code, stdout, stderr of the CLI. */
    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Chorus.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
