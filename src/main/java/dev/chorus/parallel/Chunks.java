package dev.chorus.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs work over fixed chunks of an index range on a given number of threads.
 * <p>
 * The chunk boundaries depend only on the range, never on the thread count, and callers combine per-chunk
 * partial results in chunk order. That is what makes parallel algorithms here give bit-identical results for
 * 1 and N threads: every floating-point sum is taken in the same order whoever computes it.
 */
public final class Chunks {
    /** Chunks per range: enough to balance 2–16 threads, few enough to keep per-chunk overhead invisible. */
    public static final int DEFAULT_CHUNKS = 64;

    private final int[] bounds;

    private Chunks(int[] bounds) {
        this.bounds = bounds;
    }

    /** {@code [0, n)} cut into at most {@code parts} equal ranges. */
    public static Chunks even(int n, int parts) {
        int p = Math.max(1, Math.min(parts, n));
        int[] b = new int[p + 1];
        for (int i = 0; i <= p; i++) b[i] = (int) ((long) n * i / p);
        return new Chunks(b);
    }

    /** {@code [0, n)} cut so that each range holds about the same weight; {@code prefix} has n+1 cumulative weights. */
    public static Chunks balanced(int[] prefix, int parts) {
        int n = prefix.length - 1;
        long total = prefix[n];
        int p = Math.max(1, Math.min(parts, Math.max(n, 1)));
        int[] b = new int[p + 1];
        int k = 1;
        for (int u = 0; u < n && k < p; u++) {
            while (k < p && prefix[u] >= total * k / p) b[k++] = u;
        }
        while (k <= p) b[k++] = n;
        return new Chunks(b);
    }

    public int count() {
        return bounds.length - 1;
    }

    public int start(int chunk) {
        return bounds[chunk];
    }

    public int end(int chunk) {
        return bounds[chunk + 1];
    }

    /** Calls {@code body} once per chunk index on {@code pool} (or inline for one thread) and waits. */
    public void forEach(ForkJoinPool pool, IntConsumer body) {
        if (pool == null || pool.getParallelism() == 1 || count() == 1) {
            for (int c = 0; c < count(); c++) body.accept(c);
            return;
        }
        Futures.join(pool.submit(() -> IntStream.range(0, count()).parallel().forEach(body)));
    }

    /** A pool with {@code threads} workers, or {@code null} for one thread (work then runs on the caller). */
    public static ForkJoinPool pool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        return threads == 1 ? null : new ForkJoinPool(threads);
    }
}
