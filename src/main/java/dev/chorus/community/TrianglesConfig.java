package dev.chorus.community;

/**
 * Settings of {@link Triangles}.
 *
 * @param threads worker threads, >= 1; results do not depend on it
 */
public record TrianglesConfig(int threads) {
    public TrianglesConfig {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** All processors. */
    public static TrianglesConfig defaults() {
        return new TrianglesConfig(Runtime.getRuntime().availableProcessors());
    }

    public TrianglesConfig withThreads(int t) {
        return new TrianglesConfig(t);
    }
}
