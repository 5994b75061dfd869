package dev.chorus.community;

/**
 * The settings a {@link CommunityAlgorithms} entry runs with: the options of every community algorithm in one
 * record, each entry reading those it has (the {@code chorus communities} flags of the same names).
 *
 * @param resolution    Louvain, Leiden: resolution gamma
 * @param quality       Leiden: the objective
 * @param maxIterations Leiden: iterations, label propagation: sweeps; null = each one's default
 * @param weighted      label propagation: use interaction weights (Louvain and Leiden always do)
 * @param seed          seed of the randomized algorithms
 * @param threads       worker threads, >= 1; results do not depend on it
 */
public record CommunitySettings(double resolution, LeidenConfig.Quality quality, Integer maxIterations, boolean weighted,
                                long seed, int threads) {
    /** Modularity at resolution 1, each algorithm's iteration default, weighted, seed 42, all processors. */
    public static CommunitySettings defaults() {
        return new CommunitySettings(LeidenConfig.RESOLUTION_DEFAULT, LeidenConfig.Quality.MODULARITY, null, true,
                LeidenConfig.SEED_DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    public CommunitySettings withResolution(double r) {
        return new CommunitySettings(r, quality, maxIterations, weighted, seed, threads);
    }

    public CommunitySettings withQuality(LeidenConfig.Quality q) {
        return new CommunitySettings(resolution, q, maxIterations, weighted, seed, threads);
    }

    public CommunitySettings withMaxIterations(Integer m) {
        return new CommunitySettings(resolution, quality, m, weighted, seed, threads);
    }

    public CommunitySettings withWeighted(boolean w) {
        return new CommunitySettings(resolution, quality, maxIterations, w, seed, threads);
    }

    public CommunitySettings withSeed(long s) {
        return new CommunitySettings(resolution, quality, maxIterations, weighted, s, threads);
    }

    public CommunitySettings withThreads(int t) {
        return new CommunitySettings(resolution, quality, maxIterations, weighted, seed, t);
    }
}
