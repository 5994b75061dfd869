package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.community.ClusterCohesion;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.community.LabelPropagationConfig;
import dev.chorus.diffusion.EdgeWeights;
import dev.chorus.diffusion.Propagation;
import dev.chorus.diffusion.SimulationConfig;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark analyze job end to end (files and their formats) and the CLI without Spark on the classpath. */
class SparkCliTest {
    @TempDir
    Path dir;

    @Test
    void analyzeWritesNodesAndClustersInTheEmbeddedFormats() throws IOException {
        Path in = dir.resolve("k.tsv");
        // karate plus two broken rows: the accounting and rejected.tsv come out as with the embedded reader
        Files.writeString(in, Files.readString(Path.of("datasets/karate/karate_weighted_networkx.tsv")) + "40\n41\t42\tx\n");
        StringWriter err = new StringWriter();
        SimulationConfig ic = SimulationConfig.defaults().withPropagation(Propagation.ic(EdgeWeights.uniform(0.1))).withRuns(500);
        SparkJob.Config c = new SparkJob.Config(null, in.toString(), SparkInput.Options.of(IngestOptions.defaults().withDirected(false)),
                dir.resolve("out"), 2, 42, PageRankConfig.defaults(), LabelPropagationConfig.defaults().withSeed(42), List.of("0"), ic, true, null);
        SparkJob.Summary s = SparkJob.analyze(SparkTestContext.get(), c, new PrintWriter(err, true));
        assertEquals(34, s.nodes());
        assertEquals(78, s.edges());
        assertEquals(80, s.read());
        assertEquals(2, s.rejected());
        List<String> nodes = Files.readAllLines(dir.resolve("out/nodes.csv"), StandardCharsets.UTF_8);
        assertEquals("node,in,out,total,pagerank,kcore,betweenness,clustering,reciprocity,answer_rate,reply_share,participation,linked_communities,"
                + "community,roles,cluster,triangles,component", nodes.get(0));
        assertEquals(35, nodes.size());
        Set<String> ids = nodes.stream().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet());
        assertEquals(34, ids.size());
        String node0 = nodes.stream().filter(l -> l.startsWith("0,")).findFirst().orElseThrow();
        String[] f = node0.split(",", -1);
        assertEquals("4", f[5], "coreness of karate node 0");
        // NetworkX betweenness_centrality(karate, normalized=False)[0]: 231.0714 (exact: 34 nodes, every source)
        assertEquals(231.0714, Double.parseDouble(f[6]), 1e-4, "betweenness of karate node 0");
        assertEquals("18", f[16], "triangles at karate node 0");
        assertEquals("", f[8], "reciprocity is undefined on undirected input");
        // roles as labels (their values are checked against the embedded rules in SparkRolesTest)
        for (String r : f[14].isEmpty() ? new String[0] : f[14].split(";")) dev.chorus.roles.Role.valueOf(r.toUpperCase(java.util.Locale.ROOT));
        List<String> rejected = Files.readAllLines(dir.resolve("out/rejected.tsv"), StandardCharsets.UTF_8);
        assertEquals(3, rejected.size());
        assertTrue(rejected.get(1).startsWith("80\t") && rejected.get(2).startsWith("81\t"), rejected.toString());
        List<String> clusters = Files.readAllLines(dir.resolve("out/clusters.csv"), StandardCharsets.UTF_8);
        assertEquals(String.join(",", ClusterCohesion.COLUMNS) + ",core,reach,kind", clusters.get(0));
        // reach and kind of every community (SparkRingsTest: as the embedded rules give them)
        for (String row : clusters.subList(1, clusters.size())) assertTrue(row.matches(".*,[0-9]+,(choir|ring|other)"), row);
        assertEquals(s.communities() + 1, clusters.size());
        assertTrue(s.communities() > 1);
        assertTrue(s.ic() != null && s.ic().mean() > 1, String.valueOf(s.ic()));
        assertTrue(s.json().contains("\"ic\": {\"model\": \"ic\", \"runs\": 500"), s.json());
    }

    /** {@code --layer} on Spark: the same nodes.csv as the unfiltered job on a file cut down here to the kept rows. */
    @Test
    void layerEqualsThePrefilteredFile() throws IOException {
        List<String> rows = List.of("a b 1 RT", "b c 2 RE", "c a 3 RT", "d a 4 MT", "a d 5 reply", "e b 6 retweet", "b a 7 RE");
        Path typed = dir.resolve("typed.txt");
        Path cut = dir.resolve("cut.txt");
        Files.write(typed, rows);
        Files.write(cut, rows.stream().filter(r -> r.endsWith(" RT") || r.endsWith(" retweet")).toList());
        SimulationConfig ic = SimulationConfig.defaults().withPropagation(Propagation.ic(EdgeWeights.uniform(0.1))).withRuns(10);
        IngestOptions layer = IngestOptions.defaults().withFilter(dev.chorus.ingest.RowFilter.parse("RT", null));
        for (Object[] run : new Object[][] {{typed, layer, "layer"}, {cut, IngestOptions.defaults(), "file"}}) {
            SparkJob.Config c = new SparkJob.Config(null, run[0].toString(), SparkInput.Options.of((IngestOptions) run[1]),
                    dir.resolve((String) run[2]), 2, 42, PageRankConfig.defaults(), LabelPropagationConfig.defaults().withSeed(42), null, ic, true, null);
            SparkJob.Summary s = SparkJob.analyze(SparkTestContext.get(), c, new PrintWriter(new StringWriter(), true));
            assertEquals(3, s.read());
        }
        assertEquals(Files.readString(dir.resolve("file/nodes.csv")), Files.readString(dir.resolve("layer/nodes.csv")));
        assertEquals(Files.readString(dir.resolve("file/clusters.csv")), Files.readString(dir.resolve("layer/clusters.csv")));
    }

    /** Every row rejected: the embedded engine's input error (exit 3 in the CLI), after rejected.tsv is written. */
    @Test
    void inputWhoseEveryRowIsRejectedIsAnInputError() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "source,target,weight\na,b,x\nc,,1\n", StandardCharsets.UTF_8);
        SimulationConfig ic = SimulationConfig.defaults().withPropagation(Propagation.ic(EdgeWeights.uniform(0.1))).withRuns(10);
        SparkJob.Config c = new SparkJob.Config(null, in.toString(), SparkInput.Options.of(IngestOptions.defaults()),
                dir.resolve("out"), 2, 42, PageRankConfig.defaults(), LabelPropagationConfig.defaults().withSeed(42), null, ic, true, null);
        InputException e = assertThrows(InputException.class, () -> SparkJob.analyze(SparkTestContext.get(), c, new PrintWriter(new StringWriter(), true)));
        assertEquals(in + ": no row could be read: 2 rejected; rejected rows in " + dir.resolve("out/rejected.tsv"), e.getMessage());
        assertEquals(3, Files.readAllLines(dir.resolve("out/rejected.tsv")).size());
    }

    /**
     * A cluster master needs a jar to ship to executors; from a classes directory (here, as in an IDE) there is none:
     * one clear line before any Spark context starts, instead of tasks failing on the executors.
     */
    @Test
    void clusterMasterFromAClassesDirectoryAsksForTheJar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkJob.context("spark://127.0.0.1:1", 2));
        assertTrue(e.getMessage().startsWith("a cluster master needs the Chorus jar to ship to executors, but Chorus runs from ")
                && e.getMessage().contains("target/classes"), e.getMessage());
    }

    /** {@code java -jar target/chorus.jar spark ...} has no Spark: one clear line, exit 1, no stack trace. */
    @Test
    void withoutSparkOnTheClasspathOneLineAndExit1() throws Exception {
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("/org/apache/spark/") && !e.contains("/org/scala-lang/"))
                .collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                "dev.chorus.cli.Chorus", "spark", "analyze", "datasets/karate/karate.edges", "--master", "local[2]")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor());
        assertEquals("chorus: Spark is not on the classpath: use spark-submit or ./chorus spark ...\n", out);
        assertTrue(new HashSet<>(List.of(out.split("\n"))).size() == 1);
    }
}
