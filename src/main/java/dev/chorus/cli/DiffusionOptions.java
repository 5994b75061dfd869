package dev.chorus.cli;

import picocli.CommandLine.Option;

/** Randomness and threads shared by {@code simulate} and {@code seeds} (edge weights: {@link PropagationOptions}). */
final class DiffusionOptions {
    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    int threads() {
        if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** JSON-safe number: NaN and infinities become null. */
    static Double num(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
