package dev.chorus.diffusion;

import dev.chorus.graph.InteractionGraph;
import java.io.Serializable;

/**
 * How a message spreads: a diffusion model with its parameters, and for the models that read them, the edge
 * weights. The one description of "model + edge weights" that simulation, seed selection, the seeding experiment,
 * the CLI and Spark share; {@link #influenceGraph} and {@link #cascade} turn it into the embedded engine's
 * structures. Serializable, so that it travels to Spark executors as it is.
 * <ul>
 * <li>{@code ic}: {@link IndependentCascade} with activation probabilities from {@code weights};</li>
 * <li>{@code lt}: {@link LinearThreshold} with normalized weights ({@code wc} or {@code edge}; a uniform p is
 * rejected);</li>
 * <li>{@code threshold}: {@link ComplexContagion}, adopt when {@code thresholdK} in-neighbours (or the share
 * {@code thresholdFraction} of them, when it is not NaN) are active;</li>
 * <li>{@code sir}: {@link Sir} with {@code beta}, {@code gamma} and {@code maxSteps}.</li>
 * </ul>
 *
 * @param model             the diffusion model
 * @param weights           edge weights for ic and lt; null for threshold and sir, which do not read them
 * @param thresholdK        threshold: active in-neighbours needed, >= 1
 * @param thresholdFraction threshold: share of in-neighbours needed instead, in (0,1], or NaN to use k
 * @param beta              sir: infection probability per contact and step, in [0,1]
 * @param gamma             sir: recovery probability per step, in (0,1]
 * @param maxSteps          sir: step cap, >= 1
 */
public record Propagation(DiffusionModel model, EdgeWeights weights, int thresholdK, double thresholdFraction,
                          double beta, double gamma, int maxSteps) implements Serializable {
    public static final double P_DEFAULT = 0.1;
    public static final int THRESHOLD_K_DEFAULT = 2;
    public static final double BETA_DEFAULT = 0.1;
    public static final double GAMMA_DEFAULT = 0.5;
    public static final int MAX_STEPS_DEFAULT = 10_000;

    public Propagation {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        boolean reads = model == DiffusionModel.IC || model == DiffusionModel.LT;
        if (reads && weights == null) throw new IllegalArgumentException(model.cliName() + " needs edge weights");
        if (!reads && weights != null) throw new IllegalArgumentException(model.cliName() + " reads no edge weights");
        if (model == DiffusionModel.LT && weights.kind() == EdgeWeights.Kind.UNIFORM) {
            throw new IllegalArgumentException("lt uses normalized weights: choose weighted cascade (wc) or interaction weights (edge), not a uniform p");
        }
        if (thresholdK < 1) throw new IllegalArgumentException("threshold k must be >= 1, got " + thresholdK);
        if (!Double.isNaN(thresholdFraction) && !(thresholdFraction > 0 && thresholdFraction <= 1)) {
            throw new IllegalArgumentException("threshold fraction must be in (0,1], got " + thresholdFraction);
        }
        if (!(beta >= 0 && beta <= 1)) throw new IllegalArgumentException("beta must be in [0,1], got " + beta);
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in (0,1], got " + gamma);
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
    }

    /** The independent cascade with uniform p = 0.1 (the CLI's default). */
    public static Propagation defaults() {
        return ic(EdgeWeights.uniform(P_DEFAULT));
    }

    public static Propagation ic(EdgeWeights weights) {
        return of(DiffusionModel.IC, weights);
    }

    public static Propagation lt(EdgeWeights weights) {
        return of(DiffusionModel.LT, weights);
    }

    /** Complex contagion: adopt when {@code k} in-neighbours are active. */
    public static Propagation threshold(int k) {
        return of(DiffusionModel.THRESHOLD, null).withThresholdK(k);
    }

    /** Complex contagion: adopt when the share {@code fraction} of in-neighbours is active. */
    public static Propagation thresholdFraction(double fraction) {
        return of(DiffusionModel.THRESHOLD, null).withThresholdFraction(fraction);
    }

    public static Propagation sir(double beta, double gamma) {
        return new Propagation(DiffusionModel.SIR, null, THRESHOLD_K_DEFAULT, Double.NaN, beta, gamma, MAX_STEPS_DEFAULT);
    }

    private static Propagation of(DiffusionModel model, EdgeWeights weights) {
        return new Propagation(model, weights, THRESHOLD_K_DEFAULT, Double.NaN, BETA_DEFAULT, GAMMA_DEFAULT, MAX_STEPS_DEFAULT);
    }

    public Propagation withThresholdK(int k) {
        return new Propagation(model, weights, k, thresholdFraction, beta, gamma, maxSteps);
    }

    public Propagation withThresholdFraction(double f) {
        return new Propagation(model, weights, thresholdK, f, beta, gamma, maxSteps);
    }

    public Propagation withMaxSteps(int s) {
        return new Propagation(model, weights, thresholdK, thresholdFraction, beta, gamma, s);
    }

    /**
     * The influence graph the model runs on: IC and SIR read activation probabilities (SIR's are unused), LT
     * normalized weights, complex contagion only the structure. O(n + m).
     */
    public InfluenceGraph influenceGraph(InteractionGraph g) {
        return switch (model) {
            case IC -> InfluenceGraph.independentCascade(g, this);
            case LT -> InfluenceGraph.linearThreshold(g, this);
            case THRESHOLD, SIR -> InfluenceGraph.structure(g, this);
        };
    }

    /** The model's cascade on {@code g}. */
    public Cascade cascade(InteractionGraph g) {
        return cascade(influenceGraph(g));
    }

    /** The model's cascade on an influence graph built by {@link #influenceGraph} of this propagation. */
    public Cascade cascade(InfluenceGraph ig) {
        ig.requireFor(this);
        return switch (model) {
            case IC -> new IndependentCascade(ig);
            case LT -> new LinearThreshold(ig);
            case THRESHOLD -> new ComplexContagion(ig, thresholdK, thresholdFraction);
            case SIR -> new Sir(ig, beta, gamma, maxSteps);
        };
    }
}
