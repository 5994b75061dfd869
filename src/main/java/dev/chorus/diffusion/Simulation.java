package dev.chorus.diffusion;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.List;

/**
 * Monte Carlo simulation of a diffusion model from given seeds: the expected number of activated nodes (seeds
 * included), its standard deviation and 95% confidence interval, and the mean spread curve per step.
 * <p>
 * Influence runs from target to source of each interaction arc ({@link InfluenceGraph}). Models:
 * {@link IndependentCascade}, {@link LinearThreshold}, {@link ComplexContagion}, {@link Sir}. Cost: O(n + m) to
 * set up plus {@code runs} cascades, in parallel over runs ({@link SpreadEstimator}); results do not depend on the
 * thread count.
 */
public final class Simulation {
    private Simulation() {
    }

    /** Simulates from seeds given by original id; an unknown id is an {@link IllegalArgumentException}. */
    public static SimulationResult compute(InteractionGraph g, List<String> seeds, SimulationConfig config) {
        return compute(g, indices(g, seeds), config);
    }

    /** Simulates from seeds given by node index. */
    public static SimulationResult compute(InteractionGraph g, int[] seeds, SimulationConfig config) {
        return compute(g, seeds, config, Progress.NONE);
    }

    /** Simulates from seeds given by node index, reporting Monte Carlo runs done to {@code progress}. */
    public static SimulationResult compute(InteractionGraph g, int[] seeds, SimulationConfig config, Progress progress) {
        Cascade cascade = config.propagation().cascade(g);
        try (SpreadEstimator est = new SpreadEstimator(g.nodeCount(), cascade, config.runs(), config.seed(),
                SpreadEstimator.STREAM_SIMULATE, config.threads())) {
            return est.simulate(config.propagation().model().cliName(), seeds, progress);
        }
    }

    /** Node indices of original ids, in order; names the first id that is not in the graph. */
    public static int[] indices(InteractionGraph g, List<String> ids) {
        int[] idx = new int[ids.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = g.ids().index(ids.get(i));
            if (idx[i] < 0) throw new IllegalArgumentException("seed '" + ids.get(i) + "' is not a node of the graph");
        }
        return idx;
    }
}
