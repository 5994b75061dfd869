package dev.chorus.diffusion;

import java.util.Arrays;
import java.util.Locale;

/**
 * Settings of {@link SeedBaselines}.
 *
 * @param method  which centrality ranks the nodes
 * @param k       seeds to choose, >= 1 (capped at the node count)
 * @param threads worker threads for PageRank, >= 1; results do not depend on it
 */
public record SeedBaselinesConfig(Method method, int k, int threads) {
    /** The ranking centralities, by their CLI names. */
    public enum Method {
        DEGREE, PAGERANK, KCORE;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Method parse(String s) {
            for (Method m : values()) if (m.cliName().equals(s)) return m;
            throw new IllegalArgumentException("unknown baseline '" + s + "' (available: "
                    + String.join(", ", Arrays.stream(values()).map(Method::cliName).toList()) + ")");
        }
    }

    public SeedBaselinesConfig {
        if (method == null) throw new IllegalArgumentException("method must not be null");
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Degree, k = 50, all processors. */
    public static SeedBaselinesConfig defaults() {
        return new SeedBaselinesConfig(Method.DEGREE, 50, Runtime.getRuntime().availableProcessors());
    }

    public SeedBaselinesConfig withMethod(Method v) {
        return new SeedBaselinesConfig(v, k, threads);
    }

    public SeedBaselinesConfig withK(int v) {
        return new SeedBaselinesConfig(method, v, threads);
    }

    public SeedBaselinesConfig withThreads(int v) {
        return new SeedBaselinesConfig(method, k, v);
    }
}
