package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.cli.Chorus;
import dev.chorus.community.LabelPropagationConfig;
import dev.chorus.diffusion.SimulationConfig;
import dev.chorus.community.Communities;
import dev.chorus.community.ComponentsConfig;
import dev.chorus.community.ConnectedComponents;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code chorus spark analyze} on a real Spark 3.5.6 standalone cluster (a Master and 2 Workers, separate JVMs on
 * 127.0.0.1, executors launched from a distribution layout): the CLI ships {@code target/chorus.jar} to the executors
 * itself, a Worker killed mid-job costs retries but not results, and {@code spark-submit} runs the shaded jar with
 * Spark's own Jackson first on the classpath. The references are the same job on {@code local[2]} and the embedded
 * engine (itself tested against NetworkX, JGraphT and published values).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterTest {
    static final String EMAIL = "datasets/email-eu-core/email-Eu-core.txt.gz";
    static final String KARATE = "datasets/karate/karate_weighted_networkx.tsv";
    static final Path JAR = Path.of("target/chorus.jar").toAbsolutePath();
    static final Path DIR = Path.of("target/spark-cluster-test").toAbsolutePath();
    /** Same partitioning everywhere, so the runs differ only in where tasks run. */
    static final String PARTITIONS = "4";

    static StandaloneCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isRegularFile(JAR) && Files.getLastModifiedTime(JAR).compareTo(newest(Path.of("target/classes"))) >= 0,
                "target/chorus.jar is missing or older than target/classes: a full `mvn test` builds it first; with -Dtest=..., "
                        + "run `mvn package -DskipTests` before");
        deleteTree(DIR);
        cluster = new StandaloneCluster(DIR.resolve("cluster"), 2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    /**
     * As users submit it: Spark's SparkSubmit from the distribution (its Jackson 2.15 first on the classpath), the
     * shaded jar, SparkMain. Karate keeps this run short; it checks the plain cluster run against local[2].
     */
    @Test
    @Order(1)
    void sparkSubmitRunsTheShadedJarAndEqualsLocal() throws Exception {
        Path out = DIR.resolve("submit-run");
        List<String> cmd = new ArrayList<>(List.of(StandaloneCluster.java(), "-Xmx512m"));
        cmd.addAll(StandaloneCluster.jvmFlags());
        cmd.addAll(List.of("-cp", SparkDistribution.classpath(), "org.apache.spark.deploy.SparkSubmit", "--master", cluster.url(),
                "--class", "dev.chorus.cli.SparkMain", JAR.toString(), "analyze", KARATE, "--undirected", "--out", out.toString(),
                "--partitions", PARTITIONS));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        StandaloneCluster.sparkEnv(pb);
        Run run = new Run(pb, out).start();
        assertEquals(0, run.await(), run.log());
        assertTrue(executorsLaunched(1) > 0 && executorsLaunched(2) > 0, "both Workers ran an executor");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("spark", report.path("engine").asText(), report.toString());
        assertEquals(34, report.path("graph").path("nodes").asLong(), report.path("graph").toString());
        assertEquals(78, report.path("graph").path("edges").asLong(), report.path("graph").toString());
        Path local = localRun(KARATE, IngestOptions.defaults().withDirected(false), DIR.resolve("submit-local"));
        assertSameTable(csv(local.resolve("nodes.csv")), csv(out.resolve("nodes.csv")), "nodes.csv, local[2] vs spark-submit");
        assertSameTable(csv(local.resolve("clusters.csv")), csv(out.resolve("clusters.csv")), "clusters.csv, local[2] vs spark-submit");
    }

    /**
     * {@code ./chorus spark analyze --master spark://...} on email-Eu-core, Worker 2 and its executor killed (SIGKILL)
     * once the graph is built and cached on both: Spark recomputes the lost partitions on Worker 1, and the files
     * equal those of local[2] and, wherever both define a value, the embedded engine's.
     */
    @Test
    @Order(2)
    void clusterRunWithAWorkerKilledMidJobEqualsLocalAndTheEmbeddedEngine() throws Exception {
        Path out = DIR.resolve("cluster-run");
        int launchedBefore = executorsLaunched(2);
        Run run = chorus(out, cluster.url()).start();
        run.awaitLog(" graph: ");
        assertEquals(launchedBefore + 1, executorsLaunched(2), "worker 2 runs an executor of this job");
        cluster.kill(2);
        assertEquals(0, run.await(), run.log());
        assertTrue(run.fullLog().contains("ERROR TaskSchedulerImpl: Lost executor"), "the kill happened before the job ended");
        Map<String, Map<String, String>> nodes = csv(out.resolve("nodes.csv"));
        assertEquals(1005, nodes.size());

        Path local = localRun(EMAIL, IngestOptions.defaults(), DIR.resolve("local-run"));
        assertSameTable(csv(local.resolve("nodes.csv")), nodes, "nodes.csv, local[2] vs cluster");
        assertSameTable(csv(local.resolve("clusters.csv")), csv(out.resolve("clusters.csv")), "clusters.csv, local[2] vs cluster");

        // the embedded engine on the same input: every value both define
        Path embedded = DIR.resolve("embedded");
        StringWriter err = new StringWriter();
        int code = Chorus.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("analyze", EMAIL, "--out", embedded.toString(), "--quiet");
        assertEquals(0, code, err.toString());
        Map<String, Map<String, String>> reference = csv(embedded.resolve("nodes.csv"));
        assertEquals(reference.keySet(), nodes.keySet());
        for (String column : List.of("in", "out", "total", "kcore", "clustering", "pagerank", "betweenness")) {
            for (Map.Entry<String, Map<String, String>> row : reference.entrySet()) {
                double want = Double.parseDouble(row.getValue().get(column));
                // betweenness: exact on both (1,005 nodes), sums in another order
                double tolerance = column.equals("pagerank") ? 1e-6 : column.equals("betweenness") ? 1e-9 * Math.max(1, want) : 1e-9;
                assertEquals(want, Double.parseDouble(nodes.get(row.getKey()).get(column)), tolerance, column + " of node " + row.getKey());
            }
        }
        // weakly connected components (not a column of the embedded nodes.csv): the same partition of the people
        Communities wcc = ConnectedComponents.compute(GraphLoader.load(EMAIL, IngestOptions.defaults()).graph(), ComponentsConfig.defaults());
        Map<String, Integer> pairing = new HashMap<>();
        for (Map.Entry<String, Map<String, String>> row : nodes.entrySet()) {
            Integer before = pairing.putIfAbsent(row.getValue().get("component"), wcc.of(row.getKey()));
            assertTrue(before == null || before == wcc.of(row.getKey()), "component of " + row.getKey());
        }
        assertEquals(wcc.count(), pairing.size(), "one Spark component per embedded component");
        assertTrue(wcc.count() > 1, "email-Eu-core has isolated people: a partition that can fail");
    }

    /**
     * A Worker killed right after PageRank: the job still ends, with the same files. Before {@link SparkGraph#round}
     * this stalled for more than the 5 minutes allowed: every PageRank round's edges were computed from the previous
     * round's, so the survivors resubmitted the lost shuffle of every round one stage after the other. A third Worker
     * stands in for the one killed above.
     */
    @Test
    @Order(3)
    void aWorkerKilledAfterPageRankCostsNoRecomputationChain() throws Exception {
        cluster.addWorker();
        Path out = DIR.resolve("after-pagerank-run");
        Run run = chorus(out, cluster.url()).start();
        run.awaitLog("] pagerank: ");
        assertEquals(1, executorsLaunched(3), "worker 3 runs an executor of this job");
        long killed = System.nanoTime();
        cluster.kill(3);
        assertEquals(0, run.await(), run.log());
        System.err.printf("SparkClusterTest: job ended %.1f s after the kill%n", (System.nanoTime() - killed) / 1e9);
        assertTrue(run.fullLog().contains("ERROR TaskSchedulerImpl: Lost executor"), "the kill happened before the job ended");
        assertTrue(run.fullLog().contains("checkpoints in file:" + DIR.resolve("checkpoints") + "/"),
                "the job checkpointed in the directory given");
        try (var left = Files.list(DIR.resolve("checkpoints"))) {
            assertEquals(List.of(), left.toList(), "the job deleted its checkpoints");
        }
        Path local = DIR.resolve("local-run");
        if (!Files.isRegularFile(local.resolve("nodes.csv"))) localRun(EMAIL, IngestOptions.defaults(), local);
        assertSameTable(csv(local.resolve("nodes.csv")), csv(out.resolve("nodes.csv")), "nodes.csv, local[2] vs cluster");
        assertSameTable(csv(local.resolve("clusters.csv")), csv(out.resolve("clusters.csv")), "clusters.csv, local[2] vs cluster");
    }

    static int executorsLaunched(int worker) throws IOException {
        return Files.readString(cluster.workerLog(worker)).split("Asked to launch executor", -1).length - 1;
    }

    /** The same job in this JVM on local[2], with the CLI's defaults. */
    static Path localRun(String input, IngestOptions options, Path out) {
        SparkJob.Config c = new SparkJob.Config(null, input, SparkInput.Options.of(options), out, Integer.parseInt(PARTITIONS), 42,
                PageRankConfig.defaults(), LabelPropagationConfig.defaults().withSeed(42), List.of(), SimulationConfig.defaults(), true, null);
        SparkJob.analyze(SparkTestContext.get(), c, new PrintWriter(new StringWriter(), true));
        return out;
    }

    /**
     * {@code ./chorus spark analyze INPUT --master MASTER}, the launcher users run, in a child process; its checkpoints
     * in a directory every JVM of this one-machine cluster sees, as a shared file system would be on a real one.
     */
    static Run chorus(Path out, String master) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "chorus", "spark", "analyze", EMAIL, "--master", master, "--out", out.toString(),
                "--partitions", PARTITIONS, "--checkpoint-dir", DIR.resolve("checkpoints").toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return new Run(pb, out);
    }

    /** A child process whose stdout and stderr go to {@code OUT.log} next to its output directory. */
    static final class Run {
        private final ProcessBuilder pb;
        private final Path log;
        private Process p;

        Run(ProcessBuilder pb, Path out) throws IOException {
            Files.createDirectories(out.getParent());
            this.log = out.resolveSibling(out.getFileName() + ".log");
            this.pb = pb.redirectErrorStream(true).redirectOutput(log.toFile());
        }

        Run start() throws IOException {
            p = pb.start();
            return this;
        }

        int await() throws IOException, InterruptedException {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                // the driver's threads into the log, to see what it waited for
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(p.pid()), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor(30, TimeUnit.SECONDS);
                p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        }

        void awaitLog(String text) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline && p.isAlive()) {
                if (fullLog().contains(text)) return;
                Thread.sleep(100);
            }
            throw new AssertionError("'" + text + "' never appeared: " + log());
        }

        String fullLog() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** The log's end, for failure messages. */
        String log() throws IOException {
            String s = fullLog();
            return log + ":\n" + (s.length() > 6000 ? s.substring(s.length() - 6000) : s);
        }
    }

    /** Rows by their first column, each as column name -> cell. */
    static Map<String, Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
            assertEquals(null, rows.put(cells[0], row), "duplicate row " + cells[0] + " in " + file);
        }
        return rows;
    }

    /** Equal cell by cell; numbers up to floating-point summation order (shuffles may sum in another order). */
    static void assertSameTable(Map<String, Map<String, String>> want, Map<String, Map<String, String>> got, String what) {
        assertEquals(want.keySet(), got.keySet(), what + ": rows");
        for (Map.Entry<String, Map<String, String>> row : want.entrySet()) {
            Map<String, String> other = got.get(row.getKey());
            assertEquals(row.getValue().keySet(), other.keySet(), what + ": columns");
            for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
                String a = cell.getValue();
                String b = other.get(cell.getKey());
                if (a.equals(b)) continue;
                String where = what + ": " + cell.getKey() + " of " + row.getKey();
                try {
                    double x = Double.parseDouble(a);
                    assertEquals(x, Double.parseDouble(b), 1e-9 * Math.max(1, Math.abs(x)), where);
                } catch (NumberFormatException e) {
                    assertEquals(a, b, where);
                }
            }
        }
    }

    private static java.nio.file.attribute.FileTime newest(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).max(java.util.Comparator.naturalOrder()).orElseThrow();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
