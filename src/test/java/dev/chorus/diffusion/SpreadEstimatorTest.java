package dev.chorus.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shortcuts of {@link SpreadEstimator} give exactly what the full Monte Carlo loop gives. */
class SpreadEstimatorTest {
    /** A path 0 - 1 - ... - 9 plus the chords i - i+2: with threshold 2, seeds {0, 1} activate everyone, one per round. */
    static InteractionGraph ladder() {
        GraphBuilder b = new GraphBuilder(false);
        for (int i = 0; i < 9; i++) b.add("n" + i, "n" + (i + 1), 1);
        for (int i = 0; i < 8; i++) b.add("n" + i, "n" + (i + 2), 1);
        return b.build();
    }

    /** The same cascade, but the estimator is not told it is deterministic: the full loop of runs. */
    record Opaque(Cascade inner) implements Cascade {
        @Override
        public int run(int[] seeds, SplittableRandom rng, Scratch scratch, IntList curve) {
            return inner.run(seeds, rng, scratch, curve);
        }
    }

    @Test
    void deterministicCascadeRunsOnceWithTheResultOfEveryRun() {
        InteractionGraph g = ladder();
        Cascade threshold = Propagation.threshold(2).cascade(g);
        int[] seeds = {g.ids().index("n0"), g.ids().index("n1")};
        try (SpreadEstimator once = new SpreadEstimator(g.nodeCount(), threshold, 40, 7, SpreadEstimator.STREAM_EVALUATE, 2);
             SpreadEstimator full = new SpreadEstimator(g.nodeCount(), new Opaque(threshold), 40, 7, SpreadEstimator.STREAM_EVALUATE, 2)) {
            SimulationResult a = once.simulate("threshold", seeds);
            SimulationResult b = full.simulate("threshold", seeds);
            // by hand: node i >= 2 has neighbours i-1 and i-2, so it joins in round i-1
            assertEquals(10, a.mean());
            assertArrayEquals(new double[] {2, 3, 4, 5, 6, 7, 8, 9, 10}, a.curve());
            assertEquals(b.runs(), a.runs());
            assertEquals(b.mean(), a.mean());
            assertEquals(b.sd(), a.sd());
            assertEquals(b.ci95Low(), a.ci95Low());
            assertEquals(b.ci95High(), a.ci95High());
            assertArrayEquals(b.curve(), a.curve());
            assertEquals(b.mean(), once.mean(seeds));
        }
    }

    @Test
    void aSeedSetSimulatedBeforeGivesTheSameResultWithoutRerunning() {
        InteractionGraph g = ladder();
        Cascade ic = Propagation.defaults().cascade(g);
        int a = g.ids().index("n3");
        int b = g.ids().index("n7");
        try (SpreadEstimator e = new SpreadEstimator(g.nodeCount(), ic, 200, 11, SpreadEstimator.STREAM_EVALUATE, 2);
             SpreadEstimator fresh = new SpreadEstimator(g.nodeCount(), ic, 200, 11, SpreadEstimator.STREAM_EVALUATE, 1)) {
            SimulationResult first = e.simulate("ic", new int[] {a, b});
            assertSame(first, e.simulate("ic", new int[] {b, a, b}), "the same set in another order is the same simulation");
            SimulationResult independent = fresh.simulate("ic", new int[] {b, a});
            assertEquals(independent.mean(), first.mean());
            assertEquals(independent.sd(), first.sd());
            assertArrayEquals(independent.curve(), first.curve());
            // a different set is simulated, not looked up
            SimulationResult other = e.simulate("ic", new int[] {a});
            assertEquals(fresh.simulate("ic", new int[] {a}).mean(), other.mean());
        }
    }
}
