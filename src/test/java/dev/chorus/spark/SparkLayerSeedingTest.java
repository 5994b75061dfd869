package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.Goal;
import dev.chorus.diffusion.SeedStrategies;
import dev.chorus.diffusion.SeedingExperimentConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.LayerGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.output.ReportJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeding experiment on Spark on typed input runs each model on its goal's layer as the embedded
 * {@code analyze} does: Spark's layer graphs are the embedded {@link LayerGraph}s of the same rows, and every arm's
 * numbers are those of the embedded estimator on its model's layer with the arm's seeds (the same random streams on
 * the same graph: equal), hub seeds chosen on the layer. The input has numeric ids and rows sorted by (source,
 * target), so that the embedded reader numbers the people as Spark's canonical copy does and the random streams
 * meet the same arcs in the same order.
 */
class SparkLayerSeedingTest {
    private static final JavaSparkContext SC = SparkTestContext.get();
    private static final List<String> TYPES = List.of("RT", "QT", "RE", "CM", "DM", "MT", "LK");

    @TempDir
    Path dir;

    /** A random typed graph: rows of every layer's types and of neither, repeated pairs, weights other than 1, self-loops. */
    private Path typed() throws java.io.IOException {
        Random r = new Random(1);
        TreeSet<long[]> rows = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1])
                : Long.compare(a[2], b[2]));
        for (int i = 0; i < 1500; i++) {
            // a few hubs get most of the rows, so that the hub seeds differ by layer
            long s = 1 + r.nextInt(150);
            long t = r.nextInt(3) == 0 ? 1 + r.nextInt(8) : 1 + r.nextInt(150);
            rows.add(new long[] {s, t, i});
        }
        StringBuilder b = new StringBuilder("source,target,weight,type\n");
        for (long[] row : rows) {
            String type = TYPES.get(r.nextInt(TYPES.size()));
            b.append(row[0]).append(',').append(row[1]).append(',').append(1 + row[2] % 3).append(',').append(type).append('\n');
        }
        Path file = dir.resolve("typed.csv");
        Files.writeString(file, b);
        return file;
    }

    @Test
    void layerGraphsAreTheEmbeddedOnes() throws Exception {
        Path file = typed();
        for (boolean directed : new boolean[] {true, false}) {
            IngestOptions options = IngestOptions.defaults().withDirected(directed);
            InteractionGraph embedded = GraphLoader.load(file.toString(), options).graph();
            SparkInput.Result in = SparkInput.read(SC, file.toString(), SparkInput.Options.of(options), 3);
            Broadcast<SparkLocalGraph> b = SparkLocalGraph.broadcast(SC, SparkGraph.of(in.edges(), in.layers(), in.directed()), true);
            try {
                InteractionGraph whole = SparkLocalGraph.graph(b, null);
                for (Goal goal : Goal.values()) {
                    InteractionGraph layer = SparkLocalGraph.graph(b, goal);
                    assertTrue(layer.arcCount() > 0 && layer.arcCount() < whole.arcCount(), goal + ": a layer, not the graph");
                    assertSame(whole.ids(), layer.ids(), "numbered as the whole graph");
                    assertEquals(arcs(LayerGraph.of(embedded, goal.types())), arcs(layer), goal + (directed ? "" : ", undirected"));
                }
            } finally {
                SparkLocalGraph.release(b);
            }
        }
    }

    /** Every arc as "source target weight" by original id, sorted: the graph whatever its numbering. */
    private static List<String> arcs(InteractionGraph g) {
        List<String> out = new ArrayList<>();
        Adjacency a = g.out();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = a.start(u); e < a.end(u); e++) out.add(g.ids().id(u) + " " + g.ids().id(a.neighbor(e)) + " " + a.weight(e));
        }
        out.sort(null);
        return out;
    }

    @Test
    void eachModelRunsOnItsGoalsLayerWithTheEmbeddedNumbers() throws Exception {
        int runs = 200;
        Path file = typed();
        SparkJob.Config c = new SparkJob.Config(null, file.toString(), SparkInput.Options.of(IngestOptions.defaults()), dir, 3, 42,
                dev.chorus.centrality.PageRankConfig.defaults(), dev.chorus.community.LabelPropagationConfig.defaults().withSeed(42), List.of(),
                dev.chorus.diffusion.SimulationConfig.defaults(), true, null);
        SparkJob.analyze(SC, c, new PrintWriter(new StringWriter(), true), AnalysisConfig.defaults().withSeed(42).withSeedingRuns(runs));
        JsonNode report = ReportJson.read(dir.resolve("report.json"));
        JsonNode seeding = report.path("seeding");
        assertEquals("spread", seeding.at("/layers/ic").asText());
        assertEquals("talk", seeding.at("/layers/threshold").asText());
        for (JsonNode a : report.path("approximate")) {
            if (a.path("part").asText().equals("seeding")) assertTrue(!a.path("note").asText().contains("whole graph"), a.toString());
        }

        InteractionGraph g = GraphLoader.load(file.toString(), IngestOptions.defaults()).graph();
        SeedingExperimentConfig config = SeedingExperimentConfig.defaults().withRuns(runs).withSeed(42).withThreads(2);
        Map<Goal, InteractionGraph> layers = new EnumMap<>(Goal.class);
        for (Goal goal : Goal.values()) layers.put(goal, LayerGraph.of(g, goal.types()));
        // the premise of equal numbers: the embedded graph numbered as Spark's copy
        SparkInput.Result in = SparkInput.read(SC, file.toString(), SparkInput.Options.of(IngestOptions.defaults()), 3);
        Broadcast<SparkLocalGraph> b = SparkLocalGraph.broadcast(SC, SparkGraph.of(in.edges(), in.layers(), in.directed()), true);
        try {
            InteractionGraph spark = SparkLocalGraph.graph(b, null);
            for (int u = 0; u < g.nodeCount(); u++) assertEquals(g.ids().id(u), spark.ids().id(u), "node " + u);
        } finally {
            SparkLocalGraph.release(b);
        }
        int compared = 0;
        for (JsonNode arm : seeding.path("arms")) {
            String strategy = arm.path("strategy").asText();
            Goal goal = Goal.ofModel(arm.path("model").asText());
            InteractionGraph layer = layers.get(goal);
            List<String> ids = new ArrayList<>();
            arm.path("seeds").forEach(s -> ids.add(s.asText()));
            if (strategy.equals("degree") || strategy.equals("pagerank")) {
                int[] embedded = SeedStrategies.choose(strategy, layer, SeedStrategies.Groups.single(layer), 10, config);
                List<String> expected = java.util.Arrays.stream(embedded).mapToObj(u -> g.ids().id(u)).toList();
                assertEquals(expected, ids, strategy + " seeds on " + goal.layer());
            }
            int[] seeds = ids.stream().mapToInt(id -> g.ids().index(id)).toArray();
            var model = goal == Goal.AWARENESS ? config.simple() : config.complex();
            try (SpreadEstimator e = new SpreadEstimator(layer.nodeCount(), model.cascade(layer), runs, 42,
                    SpreadEstimator.STREAM_EVALUATE, 2)) {
                SimulationResult r = e.simulate(goal.model(), seeds);
                String what = strategy + " " + goal.model() + " on " + goal.layer();
                assertEquals(r.runs(), arm.path("runs").asInt(), what);
                assertEquals(r.mean(), arm.path("mean").asDouble(), 1e-9, what + " mean");
                assertEquals(r.sd(), arm.path("sd").asDouble(), 1e-9, what + " sd");
                assertEquals(r.ci95Low(), arm.path("ci95_low").asDouble(), 1e-9, what + " ci95_low");
                assertEquals(r.ci95High(), arm.path("ci95_high").asDouble(), 1e-9, what + " ci95_high");
            }
            compared++;
        }
        assertEquals(2 * SparkSeeding.STRATEGIES.size(), compared);
    }
}
