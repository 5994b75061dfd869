package dev.chorus.community;

/**
 * Settings of {@link Cohesion}.
 *
 * @param coreSize how many members {@code core} lists at most, >= 0
 * @param threads  worker threads for the triangle counts, >= 1; results do not depend on it
 */
public record CohesionConfig(int coreSize, int threads) {
    public static final int CORE_SIZE_DEFAULT = 5;

    public CohesionConfig {
        if (coreSize < 0) throw new IllegalArgumentException("coreSize must be >= 0, got " + coreSize);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Core of 5, all processors. */
    public static CohesionConfig defaults() {
        return new CohesionConfig(CORE_SIZE_DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    public CohesionConfig withCoreSize(int k) {
        return new CohesionConfig(k, threads);
    }

    public CohesionConfig withThreads(int t) {
        return new CohesionConfig(coreSize, t);
    }
}
