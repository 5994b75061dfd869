package dev.chorus.cli;

import dev.chorus.diffusion.DiffusionModel;
import dev.chorus.diffusion.EdgeWeights;
import dev.chorus.diffusion.Propagation;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --p} and {@code --weights}: the one parser of a {@link Propagation} for simulate, seeds and spark analyze. */
final class PropagationOptions {
    @Option(names = "--p", paramLabel = "P",
            description = "ic/sir edge probability (uniform; default 0.1), or with --weights edge the per-interaction probability.")
    Double p;

    @Option(names = "--weights", paramLabel = "W",
            description = "wc: weighted cascade, 1/in-degree of the receiving node; edge: from interaction weights "
                    + "(ic: 1-(1-p)^w; lt: w / the receiver's total weight). Default: uniform --p for ic, edge for lt.")
    String weights;

    /** The ic or lt propagation the flags describe, with the contract's defaults; conflicting flags are usage errors. */
    Propagation propagation(DiffusionModel model) {
        return propagation(model, Propagation.THRESHOLD_K_DEFAULT, null, Propagation.BETA_DEFAULT, Propagation.GAMMA_DEFAULT,
                Propagation.MAX_STEPS_DEFAULT);
    }

    /**
     * Any model: the edge weights of ic and lt from the flags (for threshold and sir they are usage errors), the
     * other parameters as given (and validated whatever the model, so a bad value is never silently ignored).
     *
     * @param fraction threshold: share of in-neighbours, or null to use {@code k}
     */
    Propagation propagation(DiffusionModel model, int k, Double fraction, double beta, double gamma, int maxSteps) {
        EdgeWeights w = null;
        if (model == DiffusionModel.IC || model == DiffusionModel.LT) {
            w = edgeWeights(model);
        } else if (p != null || weights != null) {
            throw new IllegalArgumentException("--p and --weights do not apply to " + model.cliName()
                    + (model == DiffusionModel.SIR ? " (use --beta and --gamma)" : " (use --k or --fraction)"));
        }
        return new Propagation(model, w, k, fraction == null ? Double.NaN : fraction, beta, gamma, maxSteps);
    }

    private EdgeWeights edgeWeights(DiffusionModel model) {
        if (p != null && !(p >= 0 && p <= 1)) throw new IllegalArgumentException("--p must be in [0,1], got " + p);
        String w = weights == null ? null : weights.toLowerCase(Locale.ROOT);
        if (w != null && !w.equals("wc") && !w.equals("edge")) {
            throw new IllegalArgumentException("--weights: unknown '" + weights + "' (use wc or edge)");
        }
        if ("wc".equals(w) && p != null) throw new IllegalArgumentException("--p does not apply to --weights wc (probabilities are 1/in-degree)");
        if (model == DiffusionModel.LT) {
            if (p != null) throw new IllegalArgumentException("--p does not apply to lt, whose weights are normalized: use --weights wc or edge");
            return "wc".equals(w) ? EdgeWeights.weightedCascade() : EdgeWeights.interaction(0);
        }
        if ("wc".equals(w)) return EdgeWeights.weightedCascade();
        double prob = p == null ? Propagation.P_DEFAULT : p;
        return "edge".equals(w) ? EdgeWeights.interaction(prob) : EdgeWeights.uniform(prob);
    }
}
