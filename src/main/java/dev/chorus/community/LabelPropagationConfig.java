package dev.chorus.community;

/**
 * Settings of {@link LabelPropagation}. There is no thread count: the asynchronous update order is what makes
 * the result a function of the seed alone.
 *
 * @param maxIterations upper bound on sweeps over all nodes, >= 1
 * @param weighted      count neighbours' labels by interaction weight (default) rather than once per neighbour
 * @param seed          drives the node order and the tie-breaking
 */
public record LabelPropagationConfig(int maxIterations, boolean weighted, long seed) {
    public static final int MAX_ITERATIONS_DEFAULT = 100;
    public static final long SEED_DEFAULT = 42;

    public LabelPropagationConfig {
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }

    /** 100 sweeps at most, weighted, seed 42. */
    public static LabelPropagationConfig defaults() {
        return new LabelPropagationConfig(MAX_ITERATIONS_DEFAULT, true, SEED_DEFAULT);
    }

    public LabelPropagationConfig withMaxIterations(int m) {
        return new LabelPropagationConfig(m, weighted, seed);
    }

    public LabelPropagationConfig withWeighted(boolean w) {
        return new LabelPropagationConfig(maxIterations, w, seed);
    }

    public LabelPropagationConfig withSeed(long s) {
        return new LabelPropagationConfig(maxIterations, weighted, s);
    }
}
