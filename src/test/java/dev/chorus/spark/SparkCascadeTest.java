package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.diffusion.EdgeWeights;
import dev.chorus.diffusion.Propagation;
import dev.chorus.progress.Progress;
import dev.chorus.diffusion.Simulation;
import dev.chorus.diffusion.SimulationConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monte Carlo IC on Spark: exact expectation on a small graph, and CIs overlapping the embedded estimator's. */
class SparkCascadeTest {
    @TempDir
    Path dir;

    private static SparkGraph spark(String path, IngestOptions options) {
        SparkInput.Result in = SparkInput.read(SparkTestContext.get(), path, SparkInput.Options.of(options), 2);
        return SparkGraph.of(in.edges(), in.directed());
    }

    private static SimulationConfig ic(EdgeWeights w, int runs) {
        return SimulationConfig.defaults().withPropagation(Propagation.ic(w)).withRuns(runs).withSeed(11);
    }

    /**
     * Rows "a b" and "b c" (a acted on b's content, b on c's): influence runs c -> b -> a. From seed c with
     * p = 0.5 the expected spread is 1 + 0.5 + 0.25 = 1.75; with a second route c -> a (row "a c") it is
     * 1 + P(b) + P(a) = 1 + 0.5 + (1 - (1 - 0.5)(1 - 0.25)) = 2.125, by enumerating the three edges.
     */
    @Test
    void exactExpectationOnSmallGraphs() throws IOException {
        Path chain = dir.resolve("chain.txt");
        Files.writeString(chain, "a b\nb c\n");
        SimulationResult r = SparkCascade.simulate(SparkTestContext.get(), spark(chain.toString(), IngestOptions.defaults()), List.of("c"),
                ic(EdgeWeights.uniform(0.5), 20_000), 2, Progress.NONE);
        assertEquals(20_000, r.runs());
        assertTrue(r.ciContains(1.75), r.toString());
        Path triangle = dir.resolve("tri.txt");
        Files.writeString(triangle, "a b\nb c\na c\n");
        SimulationResult t = SparkCascade.simulate(SparkTestContext.get(), spark(triangle.toString(), IngestOptions.defaults()), List.of("c"),
                ic(EdgeWeights.uniform(0.5), 20_000), 2, Progress.NONE);
        assertTrue(t.ciContains(2.125), t.toString());
        assertEquals(1, t.min());
        assertEquals(3, t.max());
    }

    @Test
    void confidenceIntervalsOverlapTheEmbeddedEstimator() {
        record Case(String path, IngestOptions options, List<String> seeds, EdgeWeights weights) {
        }
        for (Case c : List.of(
                new Case("datasets/karate/karate_weighted_networkx.tsv", IngestOptions.defaults().withDirected(false), List.of("0", "33"),
                        EdgeWeights.uniform(0.1)),
                new Case("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults(), List.of("160", "86", "5"),
                        EdgeWeights.weightedCascade()))) {
            InteractionGraph g = GraphLoader.load(c.path(), c.options()).graph();
            SimulationConfig config = ic(c.weights(), 4000);
            SimulationResult embedded = Simulation.compute(g, c.seeds(), config);
            SimulationResult spark = SparkCascade.simulate(SparkTestContext.get(), spark(c.path(), c.options()), c.seeds(),
                    config, 2, Progress.NONE);
            assertTrue(spark.ci95Low() <= embedded.ci95High() && embedded.ci95Low() <= spark.ci95High(),
                    c.path() + ": spark " + spark + " vs embedded " + embedded);
            assertTrue(embedded.mean() > c.seeds().size(), "the cascade spreads at all");
        }
    }
}
