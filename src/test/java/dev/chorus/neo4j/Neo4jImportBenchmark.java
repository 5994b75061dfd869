package dev.chorus.neo4j;

import dev.chorus.generate.SocialGraphGenerator;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code neo4j import} end to end (read the input, write the importer's files, run the offline importer, start
 * the server until it answers) beside {@code neo4j load} of the same file in the same run (into the harness
 * server, as {@link Neo4jBenchmark}); excluded from {@code mvn test} (tag "bench"). Run:
 * <pre>flock /tmp/chorus-bench.lock mvn -B test -Dtest=Neo4jImportBenchmark -Dchorus.test.excludedGroups=none \
 *     -Dbench.rows=10000000 -Dbench.nodes=2000000</pre>
 * {@code -Dbench.input=FILE} uses that file instead of a generated one; {@code -Dbench.load=false} skips the
 * {@code neo4j load} baseline; {@code -Dbench.gzip=yes|no} forces the data files' compression.
 */
@Tag("bench")
class Neo4jImportBenchmark {
    @TempDir
    Path dir;

    @Test
    void importEndToEndBesideLoad() throws Exception {
        String given = System.getProperty("bench.input");
        Path input = given != null ? Path.of(given) : dir.resolve("gen.txt");
        if (given == null) {
            try (OutputStream out = Files.newOutputStream(input)) {
                new SocialGraphGenerator(Integer.getInteger("bench.nodes", 200_000), Long.getLong("bench.rows", 1_000_000), 7, 0.3, 0.3, 1.0, true)
                        .write(out, x -> { });
            }
        }
        String gz = System.getProperty("bench.gzip", "auto");
        ImportFiles.Config config = new ImportFiles.Config(gz.equals("auto") ? null : gz.equals("yes"), false);
        System.out.printf("BENCH load average before: %s%n", loadAverage());

        try (StandaloneNeo4j server = new StandaloneNeo4j(dir.resolve("neo4j-home"))) {
            Path admin = server.adminScript(dir.resolve("bin"));
            long t0 = System.nanoTime();
            GraphLoader.Loaded l = GraphLoader.load(input.toString(), IngestOptions.defaults());
            double read = seconds(t0);
            long t1 = System.nanoTime();
            Path files = dir.resolve("import");
            ImportFiles.Result r = ImportFiles.write(l.graph(), input.toString(), l.rows(), files, config, Progress.NONE);
            double write = seconds(t1);
            long t2 = System.nanoTime();
            Neo4jAdmin.runImport(admin, files);
            double imported = seconds(t2);
            long t3 = System.nanoTime();
            server.start();
            double start = seconds(t3);
            double total = seconds(t0);
            try (Neo4jClient c = Neo4jClient.connect(new Neo4jSettings(server.uri(), "neo4j", StandaloneNeo4j.PASSWORD, Duration.ofSeconds(5)))) {
                long rels = c.list("MATCH ()-[e:INTERACTED]->() RETURN count(e) AS n", Map.of()).get(0).get("n").asLong();
                if (rels != r.interactions()) throw new AssertionError("imported " + rels + " of " + r.interactions() + " interactions");
            }
            long bytes = 0;
            for (String f : r.files()) bytes += Files.size(files.resolve(f));
            System.out.printf("BENCH import %d rows -> %d users, %d interactions (%s, %.0f MB of files): read+aggregate %.2f s, write files %.2f s, "
                            + "neo4j-admin %.2f s, server start %.2f s, total %.2f s = %.0f rows/s; load average after: %s%n",
                    l.rows().read(), r.users(), r.interactions(), r.args().get(0).endsWith(".gz") ? "gzipped" : "plain", bytes / 1e6,
                    read, write, imported, start, total, l.rows().read() / total, loadAverage());
        }

        if (!Boolean.parseBoolean(System.getProperty("bench.load", "true"))) return;
        Neo4jTestServer.clear();
        try (Neo4jClient c = Neo4jTestServer.client()) {
            long t0 = System.nanoTime();
            GraphLoader.Loaded l = GraphLoader.load(input.toString(), IngestOptions.defaults());
            Neo4jLoader.Result r = Neo4jLoader.load(c, l.graph(), input.toString(), l.rows(), Neo4jLoader.Config.defaults(), Progress.NONE, null);
            double total = seconds(t0);
            System.out.printf("BENCH load %d rows -> %d users, %d interactions, %d writers: total %.2f s = %.0f rows/s; load average after: %s%n",
                    l.rows().read(), r.users(), r.interactions(), r.writers(), total, l.rows().read() / total, loadAverage());
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
