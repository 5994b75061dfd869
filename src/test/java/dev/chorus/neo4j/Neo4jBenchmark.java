package dev.chorus.neo4j;

import dev.chorus.generate.SocialGraphGenerator;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks of the Neo4j backend against the in-process harness server; excluded from {@code mvn test}
 * (tag "bench"). Run:
 * <pre>flock /tmp/chorus-bench.lock mvn -B test -Dtest=Neo4jBenchmark -Dchorus.test.excludedGroups=none \
 *     -Dbench.rows=1000000 -Dbench.nodes=200000 -Dbench.writeNodes=1000000</pre>
 * {@code -Dbench.input=FILE} loads that file instead of a generated graph of {@code bench.rows} rows.
 * Prints rows/s of {@code neo4j load} (read + aggregate + write), for {@code bench.loads} loads in a row
 * (default 1; the first is JIT-cold), each with every number of writers in {@code bench.writers} (default 2;
 * {@code 1,2} compares them side by side), and the time to write back pagerank/kcore/community for
 * {@code bench.writeNodes} users.
 */
@Tag("bench")
class Neo4jBenchmark {
    @TempDir
    Path dir;

    @Test
    void loadThroughputAndWriteBack() throws Exception {
        long rows = Long.getLong("bench.rows", 200_000);
        int nodes = Integer.getInteger("bench.nodes", 50_000);
        int batch = Integer.getInteger("bench.batch", Neo4jLoader.DEFAULT_BATCH_SIZE);
        // bench.input loads a real file instead (e.g. datasets/higgs-twitter/higgs-activity_time.txt.gz)
        String given = System.getProperty("bench.input");
        Path input = given != null ? Path.of(given) : dir.resolve("gen.txt");
        if (given == null) {
            try (OutputStream out = Files.newOutputStream(input)) {
                new SocialGraphGenerator(nodes, rows, 7, 0.3, 0.3, 1.0, true).write(out, x -> { });
            }
        }
        // bench.loads > 1 repeats the load into an emptied database in the same JVM: the first is cold (the
        // harness server shares the JVM and its JIT), the later ones show a warm server's throughput.
        // bench.writers=1,2 runs each load once per number of writers, side by side, as a baseline
        int loads = Integer.getInteger("bench.loads", 1);
        String[] writerCounts = System.getProperty("bench.writers", String.valueOf(Neo4jLoader.DEFAULT_WRITERS)).split(",");
        for (int k = 1; k <= loads; k++) {
            for (String wc : writerCounts) {
                int writers = Integer.parseInt(wc.trim());
                Neo4jTestServer.clear();
                try (Neo4jClient c = Neo4jTestServer.client()) {
                    long t0 = System.nanoTime();
                    GraphLoader.Loaded l = GraphLoader.load(input.toString(), IngestOptions.defaults());
                    double read = (System.nanoTime() - t0) / 1e9;
                    InteractionGraph g = l.graph();
                    long[] last = {System.nanoTime()};
                    long userBatches = (g.nodeCount() + batch - 1) / batch;
                    long[] usersDone = {0};
                    long w0 = System.nanoTime();
                    Neo4jLoader.Result r = Neo4jLoader.load(c, g, "bench", l.rows(), new Neo4jLoader.Config(batch, writers, null, false), Progress.NONE,
                            (b, total) -> {
                                if (Boolean.getBoolean("bench.verbose")) {
                                    System.out.printf("batch %d/%d %.2f s%n", b + 1, total, (System.nanoTime() - last[0]) / 1e9);
                                }
                                last[0] = System.nanoTime();
                                if (b + 1 == userBatches) usersDone[0] = last[0]; // user batches all come first
                            });
                    double total = (System.nanoTime() - t0) / 1e9;
                    double usersPhase = (usersDone[0] - w0) / 1e9;
                    System.out.printf("BENCH load %d/%d (%s), %d writer(s): %d rows -> %d users, %d interactions, batch %d, %s path: "
                                    + "read+aggregate %.2f s, write %.2f s (users %.2f s, pairs %.2f s), total %.2f s = %.0f rows/s (%.0f rows/s of write alone)%n",
                            k, loads, k == 1 ? "cold" : "warm", writers, l.rows().read(), r.users(), r.interactions(), batch,
                            r.firstLoad() ? "CREATE" : "MERGE", read, r.seconds(), usersPhase, r.seconds() - usersPhase, total, l.rows().read() / total,
                            l.rows().read() / r.seconds());
                }
            }
        }
        int writeNodes = Integer.getInteger("bench.writeNodes", 0);
        if (writeNodes > 0) writeBack(writeNodes, batch);
    }

    private void writeBack(int n, int batch) {
        Neo4jTestServer.clear();
        try (Neo4jClient c = Neo4jTestServer.client()) {
            dev.chorus.graph.GraphBuilder b = new dev.chorus.graph.GraphBuilder(true);
            for (int i = 0; i < n; i++) b.addNode("u" + i);
            InteractionGraph g = b.build();
            Neo4jLoader.load(c, g, "bench-nodes", new dev.chorus.ingest.RowCounts(0, 0, 0), new Neo4jLoader.Config(batch, Neo4jLoader.DEFAULT_WRITERS, null, false),
                    Progress.NONE, null);
            NodeResults results = NodeResults.synthetic(g);
            long t0 = System.nanoTime();
            ResultWriter.writeNodes(c, results, batch, Progress.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("BENCH write-back: %d users x %d properties in %.2f s (%.0f users/s)%n", n, results.columns().size(), s, n / s);
            long written = c.list("MATCH (u:User) WHERE u.pagerank IS NOT NULL RETURN count(u) AS n", Map.of()).get(0).get("n").asLong();
            if (written != n) throw new AssertionError("wrote " + written + " of " + n);
        }
    }
}
