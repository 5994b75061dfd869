package dev.chorus.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** The one description of "model + edge weights": what it accepts, and that nothing runs on another model's weights. */
class PropagationTest {
    /** Rows "a b", "b c": influence runs c -> b -> a. */
    static InteractionGraph chain() {
        return new GraphBuilder(true).add("a", "b", 1).add("b", "c", 1).build();
    }

    @Test
    void weightsGoWithTheModelsThatReadThem() {
        assertThrows(IllegalArgumentException.class, () -> Propagation.lt(EdgeWeights.uniform(0.1)), "lt weights are normalized");
        assertThrows(IllegalArgumentException.class, () -> Propagation.ic(null));
        assertThrows(IllegalArgumentException.class, () -> new Propagation(DiffusionModel.THRESHOLD, EdgeWeights.uniform(0.1), 2,
                Double.NaN, 0.1, 0.5, 10), "threshold reads no weights");
        assertThrows(IllegalArgumentException.class, () -> Propagation.threshold(0));
        assertThrows(IllegalArgumentException.class, () -> Propagation.thresholdFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> Propagation.sir(0.1, 0));
        assertEquals(null, Propagation.sir(0.1, 0.5).weights());
        assertEquals(EdgeWeights.uniform(0.1), Propagation.defaults().weights(), "the CLI's default: ic with uniform p = 0.1");
    }

    /** A graph built for one propagation's weights is refused by a cascade or IMM of another's. */
    @Test
    void noCascadeRunsOnAnotherModelsWeights() {
        InteractionGraph g = chain();
        InfluenceGraph wc = Propagation.ic(EdgeWeights.weightedCascade()).influenceGraph(g);
        assertThrows(IllegalArgumentException.class, () -> Propagation.ic(EdgeWeights.uniform(0.5)).cascade(wc));
        assertThrows(IllegalArgumentException.class, () -> Propagation.lt(EdgeWeights.weightedCascade()).cascade(wc));
        assertThrows(IllegalArgumentException.class, () -> Imm.compute(wc, ImmConfig.defaults().withK(1), Progress.NONE));
        // threshold and sir read only the structure, so any influence graph of g serves them
        Propagation.threshold(1).cascade(wc);
        assertThrows(IllegalArgumentException.class, () -> ImmConfig.defaults().withPropagation(Propagation.threshold(2)));
    }

    /** Spark ships it to executors by Java serialization: it must come back equal, and simulate the same. */
    @Test
    void travelsBySerialization() throws Exception {
        Propagation p = Propagation.ic(EdgeWeights.interaction(0.5));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        Propagation back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Propagation) in.readObject();
        }
        assertEquals(p, back);
        // from c with p = 0.5 per single interaction: 1 + 0.5 + 0.25 = 1.75 expected
        SimulationResult r = Simulation.compute(chain(), java.util.List.of("c"),
                SimulationConfig.defaults().withPropagation(back).withRuns(100_000).withSeed(3).withThreads(2));
        assertTrue(r.ciContains(1.75), r.toString());
    }
}
