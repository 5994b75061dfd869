package dev.chorus.diffusion;

import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Monte Carlo estimation of the expected spread of a seed set under one {@link Cascade}.
 * <p>
 * Run {@code r} draws its randomness from its own {@link SplittableRandom}, seeded from {@code (seed, stream, r)}
 * only; runs are spread over fixed chunks ({@link Chunks}) and their integer results summed exactly, so the
 * numbers are identical for any thread count. Different {@code stream}s give independent samples from the same
 * seed: seed selection (CELF) and the evaluation of its result never share random numbers. Seed sets are
 * sorted and deduplicated first, so the order a caller lists them in does not matter.
 * <p>
 * Confidence interval: mean +- t(0.975, runs-1) * sd / sqrt(runs) with the sample standard deviation
 * (commons-math3 {@link TDistribution}); undefined (NaN) for a single run. Cost: runs x one cascade; one cascade
 * when the cascade is {@link Cascade#deterministic()} (every run would give the same number), and nothing for a
 * seed set this estimator already simulated (the same runs draw the same random numbers, so the result is the same:
 * the arms of a seeding experiment often share their seeds).
 */
public final class SpreadEstimator implements AutoCloseable {
    /** Streams of random numbers, one per purpose. */
    public static final long STREAM_SIMULATE = 1;
    public static final long STREAM_EVALUATE = 2;
    public static final long STREAM_CELF = 3;

    private final int n;
    private final Cascade cascade;
    private final int runs;
    private final long seed;
    private final long stream;
    private final ForkJoinPool pool;
    private final ThreadLocal<Cascade.Scratch> scratch;
    private final Chunks chunks;
    /** Results of {@link #simulate} by canonical seed set and model name. */
    private final java.util.Map<String, SimulationResult> done = new java.util.HashMap<>();

    public SpreadEstimator(int nodeCount, Cascade cascade, int runs, long seed, long stream, int threads) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        this.n = nodeCount;
        this.cascade = cascade;
        this.runs = runs;
        this.seed = seed;
        this.stream = stream;
        this.pool = Chunks.pool(threads);
        this.scratch = ThreadLocal.withInitial(() -> new Cascade.Scratch(nodeCount));
        this.chunks = Chunks.even(runs, Chunks.DEFAULT_CHUNKS);
    }

    /** The random source of run {@code index} in {@code stream}: a SplitMix64 hash of the three. */
    public static SplittableRandom random(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed + 0x9E3779B97F4A7C15L * stream) ^ index));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Seeds sorted, duplicates removed; throws for an index outside the graph. */
    static int[] canonical(int[] seeds, int n) {
        int[] s = Arrays.stream(seeds).sorted().distinct().toArray();
        for (int v : s) if (v < 0 || v >= n) throw new IllegalArgumentException("seed index " + v + " is not a node");
        return s;
    }

    public int runs() {
        return runs;
    }

    /** Mean spread only (no curve, no per-run storage): the fast path for seed selection. */
    public double mean(int[] seeds) {
        int[] s = canonical(seeds, n);
        if (cascade.deterministic()) return cascade.run(s, random(seed, stream, 0), scratch.get(), null);
        long[] partial = new long[chunks.count()];
        chunks.forEach(pool, c -> {
            Cascade.Scratch sc = scratch.get();
            long sum = 0;
            for (int r = chunks.start(c); r < chunks.end(c); r++) sum += cascade.run(s, random(seed, stream, r), sc, null);
            partial[c] = sum;
        });
        long total = 0;
        for (long p : partial) total += p;
        return (double) total / runs;
    }

    /** Full statistics and the mean spread curve. */
    public SimulationResult simulate(String model, int[] seeds) {
        return simulate(model, seeds, Progress.NONE);
    }

    /** Full statistics and the mean spread curve, reporting runs done to {@code progress}. */
    public SimulationResult simulate(String model, int[] seeds, Progress progress) {
        int[] s = canonical(seeds, n);
        String key = model + Arrays.toString(s);
        SimulationResult known = done.get(key);
        if (known != null) return known;
        SimulationResult r = cascade.deterministic() ? once(model, s) : monteCarlo(model, s, progress);
        done.put(key, r);
        return r;
    }

    /** The one result of a deterministic cascade, as {@code runs} identical runs. */
    private SimulationResult once(String model, int[] s) {
        Cascade.IntList curve = new Cascade.IntList();
        int spread = cascade.run(s, random(seed, stream, 0), scratch.get(), curve);
        return SimulationResult.constant(model, runs, spread, curve.toArray());
    }

    private SimulationResult monteCarlo(String model, int[] s, Progress progress) {
        int[] spread = new int[runs];
        int[][] curves = new int[runs][];
        long[] done = {0};
        try (Progress.Task task = progress.begin(model + " monte carlo", runs, "runs")) {
            chunks.forEach(pool, c -> {
                Cascade.Scratch sc = scratch.get();
                Cascade.IntList curve = new Cascade.IntList();
                for (int r = chunks.start(c); r < chunks.end(c); r++) {
                    curve.clear();
                    spread[r] = cascade.run(s, random(seed, stream, r), sc, curve);
                    curves[r] = curve.toArray();
                }
                // one lock per chunk keeps the reported count monotone across threads
                synchronized (done) {
                    done[0] += chunks.end(c) - chunks.start(c);
                    task.stepTo(done[0]);
                }
            });
        }
        return SimulationResult.of(model, spread, curves);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }

    /** mean, sd, ci95Low, ci95High of integer samples (sums exact, so independent of summation order). */
    static double[] stats(int[] x) {
        int k = x.length;
        long sum = 0;
        for (int v : x) sum += v;
        double mean = (double) sum / k;
        if (k < 2) return new double[] {mean, Double.NaN, Double.NaN, Double.NaN};
        double ss = 0;
        for (int v : x) ss += (v - mean) * (v - mean);
        double sd = Math.sqrt(ss / (k - 1));
        double half = new TDistribution(k - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(k);
        return new double[] {mean, sd, mean - half, mean + half};
    }
}
