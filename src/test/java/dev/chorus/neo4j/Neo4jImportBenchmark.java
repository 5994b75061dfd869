package dev.chorus.neo4j;

import dev.chorus.generate.SocialGraphGenerator;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code neo4j import} end to end (read the input, write the importer's files, run the offline importer, start
 * the server until it answers) beside {@code neo4j load} of the same file in the same run (into the harness
 * server, as {@link Neo4jBenchmark}); excluded from {@code mvn test} (tag "bench"). Run:
 * <pre>flock /tmp/chorus-bench.lock mvn -B test -Dtest=Neo4jImportBenchmark -Dchorus.test.excludedGroups=none \
 *     -Dbench.rows=10000000 -Dbench.nodes=2000000</pre>
 * {@code -Dbench.input=FILE} uses that file instead of a generated one (generated there if it does not exist, to
 * reuse); {@code -Dbench.load=false} skips the {@code neo4j load} baseline, {@code -Dbench.loadRows=N} loads only
 * the first N rows of the input (at ~50k rows/s or less, a 10M-row load alone takes minutes);
 * {@code -Dbench.gzip=yes|auto} gzips the data files (default: plain, as {@code neo4j import}). The standalone server is started once before the
 * timed part (system database, password), as an install that has run before; the import overwrites its empty
 * {@code neo4j} database.
 */
@Tag("bench")
class Neo4jImportBenchmark {
    @TempDir
    Path dir;

    @Test
    void importEndToEndBesideLoad() throws Exception {
        String given = System.getProperty("bench.input");
        Path input = given != null ? Path.of(given) : dir.resolve("gen.txt");
        if (!Files.exists(input)) {
            try (OutputStream out = Files.newOutputStream(input)) {
                new SocialGraphGenerator(Integer.getInteger("bench.nodes", 200_000), Long.getLong("bench.rows", 1_000_000), 7, 0.3, 0.3, 1.0, true)
                        .write(out, x -> { });
            }
        }
        String gz = System.getProperty("bench.gzip", "no");
        // the install exists and has run before (system database, password), as for `neo4j stop; import; neo4j start`
        ImportFiles.Config config = new ImportFiles.Config(gz.equals("auto") ? null : gz.equals("yes"), true);

        try (StandaloneNeo4j server = new StandaloneNeo4j(dir.resolve("neo4j-home"))) {
            Path admin = server.adminScript(dir.resolve("bin"));
            server.start();
            server.close();
            long s0 = System.nanoTime();
            server.start(); // the same server on its empty database: what a start costs without the imported store
            double emptyStart = seconds(s0);
            server.close();
            System.out.printf("BENCH load average before: %s; server start on the empty database %.2f s%n", loadAverage(), emptyStart);
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
            // the importer's own account of its stages
            for (String line : Files.readAllLines(files.resolve(Neo4jAdmin.LOG))) {
                if (line.matches(".*(\\(\\d/\\d\\)|COMPLETED|DONE|Peak memory|Imported:|memory:).*"))
                    System.out.println("BENCH   importer: " + line.strip());
            }
            long bytes = 0;
            for (String f : r.files()) bytes += Files.size(files.resolve(f));
            System.out.printf("BENCH import %d rows -> %d users, %d interactions (%s, %.0f MB of files): read+aggregate %.2f s, write files %.2f s, "
                            + "neo4j-admin %.2f s, server start %.2f s, total %.2f s = %.0f rows/s; load average after: %s%n",
                    l.rows().read(), r.users(), r.interactions(), r.args().get(0).endsWith(".gz") ? "gzipped" : "plain", bytes / 1e6,
                    read, write, imported, start, total, l.rows().read() / total, loadAverage());
        }

        if (!Boolean.parseBoolean(System.getProperty("bench.load", "true"))) return;
        Path loadInput = prefix(input, Long.getLong("bench.loadRows", Long.MAX_VALUE));
        Neo4jTestServer.clear();
        try (Neo4jClient c = Neo4jTestServer.client()) {
            long t0 = System.nanoTime();
            GraphLoader.Loaded l = GraphLoader.load(loadInput.toString(), IngestOptions.defaults());
            Neo4jLoader.Result r = Neo4jLoader.load(c, l.graph(), loadInput.toString(), l.rows(), Neo4jLoader.Config.defaults(), Progress.NONE, null);
            double total = seconds(t0);
            System.out.printf("BENCH load %d rows -> %d users, %d interactions, %d writers: total %.2f s = %.0f rows/s; load average after: %s%n",
                    l.rows().read(), r.users(), r.interactions(), r.writers(), total, l.rows().read() / total, loadAverage());
        }
    }

    /** The first {@code rows} lines of {@code input} (all of it if it has no more), for a shorter {@code neo4j load}. */
    private Path prefix(Path input, long rows) throws Exception {
        if (rows == Long.MAX_VALUE) return input;
        Path out = dir.resolve("prefix.txt");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(input), StandardCharsets.UTF_8));
             BufferedWriter w = Files.newBufferedWriter(out)) {
            String line;
            for (long i = 0; i < rows && (line = r.readLine()) != null; i++) w.append(line).append('\n');
        }
        return out;
    }

    private static InputStream open(Path file) throws Exception {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
