package dev.chorus.cli;

import dev.chorus.diffusion.DiffusionModel;
import dev.chorus.diffusion.EdgeWeights;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Edge probabilities, randomness and threads shared by {@code simulate} and {@code seeds}. */
final class DiffusionOptions {
    @Option(names = "--p", paramLabel = "P",
            description = "ic/sir edge probability (uniform; default 0.1), or with --weights edge the per-interaction probability.")
    Double p;

    @Option(names = "--weights", paramLabel = "W",
            description = "wc: weighted cascade, 1/in-degree of the receiving node; edge: from interaction weights "
                    + "(ic: 1-(1-p)^w; lt: w / the receiver's total weight). Default: uniform --p for ic, edge for lt.")
    String weights;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    int threads() {
        if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** The edge weights for {@code model}, with the contract's defaults; conflicting flags are usage errors. */
    EdgeWeights edgeWeights(DiffusionModel model) {
        if (p != null && !(p >= 0 && p <= 1)) throw new IllegalArgumentException("--p must be in [0,1], got " + p);
        String w = weights == null ? null : weights.toLowerCase(Locale.ROOT);
        if (w != null && !w.equals("wc") && !w.equals("edge")) {
            throw new IllegalArgumentException("--weights: unknown '" + weights + "' (use wc or edge)");
        }
        if ("wc".equals(w) && p != null) throw new IllegalArgumentException("--p does not apply to --weights wc (probabilities are 1/in-degree)");
        if ((model == DiffusionModel.THRESHOLD || model == DiffusionModel.SIR) && (p != null || w != null)) {
            throw new IllegalArgumentException("--p and --weights do not apply to " + model.cliName()
                    + (model == DiffusionModel.SIR ? " (use --beta and --gamma)" : " (use --k or --fraction)"));
        }
        if (model == DiffusionModel.LT) {
            if (p != null) throw new IllegalArgumentException("--p does not apply to lt, whose weights are normalized: use --weights wc or edge");
            return "wc".equals(w) ? EdgeWeights.weightedCascade() : EdgeWeights.interaction(0);
        }
        if ("wc".equals(w)) return EdgeWeights.weightedCascade();
        double prob = p == null ? dev.chorus.diffusion.SimulationConfig.P_DEFAULT : p;
        return "edge".equals(w) ? EdgeWeights.interaction(prob) : EdgeWeights.uniform(prob);
    }

    /** JSON-safe number: NaN and infinities become null. */
    static Double num(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
