package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.diffusion.SeedStrategies;
import dev.chorus.diffusion.SeedingExperimentConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeding experiment on Spark against the embedded estimator: hub seeds equal to the embedded ones, every
 * arm's Monte Carlo mean inside the embedded interval overlap, threshold arms (deterministic) equal, and the
 * independent-cascade numbers bit-identical for any partition count.
 */
class SparkSeedingTest {
    private static final JavaSparkContext SC = SparkTestContext.get();
    private static final String EMAIL = "datasets/email-eu-core/email-Eu-core.txt.gz";

    @TempDir
    Path dir;

    @Test
    void armsAgreeWithTheEmbeddedEstimator() throws Exception {
        int runs = 400;
        SparkJob.Config c = new SparkJob.Config(null, EMAIL, SparkInput.Options.of(IngestOptions.defaults()), dir, 3, 42,
                dev.chorus.centrality.PageRankConfig.defaults(), dev.chorus.community.LabelPropagationConfig.defaults().withSeed(42), List.of(),
                dev.chorus.diffusion.SimulationConfig.defaults(), true, null);
        SparkJob.analyze(SC, c, new PrintWriter(new StringWriter(), true), AnalysisConfig.defaults().withSeed(42).withSeedingRuns(runs));
        JsonNode seeding = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).path("seeding");
        assertEquals(10, seeding.path("k").asInt());
        assertEquals(runs, seeding.path("runs").asInt());
        // untyped: both models on the whole graph, as embedded
        assertEquals("all", seeding.at("/layers/ic").asText());
        assertEquals("all", seeding.at("/layers/threshold").asText());

        InteractionGraph g = GraphLoader.load(EMAIL, IngestOptions.defaults()).graph();
        SeedingExperimentConfig config = SeedingExperimentConfig.defaults().withRuns(runs).withSeed(42).withThreads(2);
        List<String> strategies = new ArrayList<>();
        try (SpreadEstimator ic = new SpreadEstimator(g.nodeCount(), config.simple().cascade(g), runs, 42, SpreadEstimator.STREAM_EVALUATE, 2);
             SpreadEstimator th = new SpreadEstimator(g.nodeCount(), config.complex().cascade(g), runs, 42, SpreadEstimator.STREAM_EVALUATE, 2)) {
            for (JsonNode arm : seeding.path("arms")) {
                String strategy = arm.path("strategy").asText();
                List<String> ids = new ArrayList<>();
                arm.path("seeds").forEach(s -> ids.add(s.asText()));
                assertTrue(ids.size() <= 10, strategy);
                int[] seeds = ids.stream().mapToInt(id -> g.ids().index(id)).toArray();
                if (strategy.equals("degree") || strategy.equals("pagerank")) {
                    int[] embedded = SeedStrategies.choose(strategy, g, SeedStrategies.Groups.single(g), 10, config);
                    assertEquals(Arrays.stream(embedded).mapToObj(u -> g.ids().id(u)).toList(), ids, strategy + " seeds");
                    assertEquals(10, ids.size());
                }
                double mean = arm.path("mean").asDouble();
                if (arm.path("model").asText().equals("ic")) {
                    strategies.add(strategy);
                    SimulationResult e = ic.simulate("ic", seeds);
                    double low = arm.path("ci95_low").asDouble();
                    double high = arm.path("ci95_high").asDouble();
                    assertTrue(low <= e.ci95High() && e.ci95Low() <= high, strategy + ": spark " + mean + " [" + low + ", " + high
                            + "] vs embedded " + e.mean() + " [" + e.ci95Low() + ", " + e.ci95High() + "]");
                    if (!ids.isEmpty()) assertTrue(high > low && mean > ids.size(), strategy + " spreads, with an interval");
                } else {
                    assertEquals("threshold", arm.path("model").asText());
                    assertEquals(th.simulate("threshold", seeds).mean(), mean, 0.0, strategy + " threshold");
                }
            }
        }
        assertEquals(SparkSeeding.STRATEGIES, strategies);
    }

    @Test
    void sameSeedSameNumbersForAnyPartitionCount() {
        SparkInput.Result in = SparkInput.read(SC, EMAIL, SparkInput.Options.of(IngestOptions.defaults()), 2);
        SparkGraph g = SparkGraph.of(in.edges(), in.directed());
        Broadcast<SparkLocalGraph> b = SparkLocalGraph.broadcast(SC, g, false);
        try {
            Map<String, int[]> sets = new LinkedHashMap<>();
            sets.put("a", new int[] {0, 1, 2});
            sets.put("b", new int[] {5, 50, 500});
            sets.put("a again", new int[] {2, 1, 0});
            SeedingExperimentConfig config = SeedingExperimentConfig.defaults().withRuns(300).withSeed(7);
            Map<String, SimulationResult> one = SparkSeeding.independentCascade(SC, b, null, sets, config, 1, Progress.NONE);
            Map<String, SimulationResult> five = SparkSeeding.independentCascade(SC, b, null, sets, config, 5, Progress.NONE);
            for (String k : sets.keySet()) {
                assertEquals(one.get(k).mean(), five.get(k).mean(), 0.0, k);
                assertEquals(one.get(k).sd(), five.get(k).sd(), 0.0, k);
                assertTrue(Arrays.equals(one.get(k).curve(), five.get(k).curve()), k);
            }
            assertEquals(one.get("a").mean(), one.get("a again").mean(), 0.0);
            // a different seed draws different cascades
            Map<String, SimulationResult> other = SparkSeeding.independentCascade(SC, b, null, sets, config.withSeed(8), 5, Progress.NONE);
            assertTrue(other.get("b").mean() != five.get("b").mean() || other.get("b").sd() != five.get("b").sd());
        } finally {
            SparkLocalGraph.release(b);
        }
    }
}
