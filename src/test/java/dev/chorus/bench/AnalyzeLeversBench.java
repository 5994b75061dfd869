package dev.chorus.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.Layers;
import dev.chorus.community.Communities;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.community.CommunitySettings;
import dev.chorus.community.LeidenConfig;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.LayerGraph;
import dev.chorus.graph.LayerGraphTest;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.output.NodesCsv;
import dev.chorus.progress.Progress;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's levers on one loaded graph, each beside the code it replaced, alternating in the same JVM
 * ({@code chorus.bench.repeat} times, default 3), printed to stdout with the load average (the machine is shared):
 * the layer graphs rebuilt through the builder ({@link LayerGraphTest#rebuilt}) vs filtered ({@link LayerGraph}); the
 * two Leiden runs of {@code analyze} one after the other vs side by side (with the process CPU time); {@code nodes.csv}
 * on 1 thread vs 2. Tagged {@code bench}, left out of {@code mvn test}:
 * <pre>
 * mvn -B test -Dtest=AnalyzeLeversBench -Dchorus.test.excludedGroups=none -Dchorus.test.heap=6g \
 *     -Dchorus.bench.input=/work/gen10m.txt.gz
 * </pre>
 */
@Tag("bench")
class AnalyzeLeversBench {
    @Test
    void leversBesideTheirBaselines() throws Exception {
        String input = System.getProperty("chorus.bench.input", "/tmp/g1m.txt");
        int repeat = Integer.getInteger("chorus.bench.repeat", 3);
        InteractionGraph g = GraphLoader.load(input, IngestOptions.defaults()).graph();
        g.undirected();
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            LayerGraphTest.rebuilt(g, Layers.SPREAD);
            LayerGraphTest.rebuilt(g, Layers.TALK);
            long t1 = System.nanoTime();
            LayerGraph.of(g, Layers.SPREAD);
            LayerGraph.of(g, Layers.TALK);
            long t2 = System.nanoTime();
            print("layer graphs", "builder", t1 - t0, "filtered", t2 - t1);
        }
        CommunitySettings modularity = CommunitySettings.defaults().withSeed(42).withThreads(2);
        CommunitySettings cpm = modularity.withQuality(LeidenConfig.Quality.CPM).withResolution(0.5);
        ExecutorService aside = Executors.newSingleThreadExecutor();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            for (int r = 0; r < repeat; r++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                Communities a1 = CommunityAlgorithms.LEIDEN.compute(g, modularity, Progress.NONE);
                Communities b1 = CommunityAlgorithms.LEIDEN.compute(g, cpm, Progress.NONE);
                long t1 = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                Future<Communities> b2 = aside.submit(() -> CommunityAlgorithms.LEIDEN.compute(g, cpm, Progress.NONE));
                Communities a2 = CommunityAlgorithms.LEIDEN.compute(g, modularity, Progress.NONE);
                b2.get();
                long t2 = System.nanoTime();
                long c2 = os.getProcessCpuTime();
                assertArrayEquals(a1.membership(), a2.membership());
                assertArrayEquals(b1.membership(), b2.get().membership());
                print("leiden pair", "sequential", t1 - t0, "side by side", t2 - t1);
                System.out.printf("  process CPU: sequential %.2f s, side by side %.2f s%n", (c1 - c0) / 1e9, (c2 - c1) / 1e9);
            }
        } finally {
            aside.shutdown();
        }
        AnalysisResult result = Analysis.compute(g, AnalysisConfig.defaults().withSeedingRuns(0).withThreads(2));
        Path p = Files.createTempFile("chorus-nodes", ".csv");
        try {
            for (int r = 0; r < repeat; r++) {
                long t0 = System.nanoTime();
                NodesCsv.write(p, result.nodes(), 1);
                long t1 = System.nanoTime();
                byte[] one = Files.readAllBytes(p);
                long t2 = System.nanoTime();
                NodesCsv.write(p, result.nodes(), 2);
                long t3 = System.nanoTime();
                assertArrayEquals(one, Files.readAllBytes(p));
                print("nodes.csv", "1 thread", t1 - t0, "2 threads", t3 - t2);
            }
        } finally {
            Files.delete(p);
        }
    }

    private static void print(String what, String before, long beforeNs, String after, long afterNs) {
        System.out.printf("%s: %s %.2f s, %s %.2f s, ratio %.2f (load average %.1f)%n", what, before, beforeNs / 1e9, after,
                afterNs / 1e9, beforeNs / (double) afterNs, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
