package dev.chorus.diffusion;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.concurrent.ForkJoinPool;

/**
 * Greedy influence maximization with Monte Carlo spread estimates, lazily evaluated (CELF).
 * <p>
 * Kempe, Kleinberg &amp; Tardos, KDD 2003, doi:10.1145/956750.956769 (greedy hill climbing, a (1 - 1/e)-approximation
 * for submodular spread); Leskovec, Krause, Guestrin, Faloutsos, VanBriesen &amp; Glance, "Cost-effective outbreak
 * detection in networks", KDD 2007, doi:10.1145/1281192.1281239 (CELF): by submodularity a candidate's marginal
 * gain only shrinks as the seed set grows, so a gain computed in an earlier round is an upper bound; candidates
 * sit in a priority queue by their last gain and only the top one is re-evaluated until it stays on top.
 * <p>
 * Every spread evaluation uses the same {@code runs} random streams (common random numbers), so differences
 * between candidates are not drowned in independent noise; the streams are those of {@link SpreadEstimator} with
 * {@link SpreadEstimator#STREAM_CELF}, never the evaluation stream. Cost: the first round evaluates all n nodes
 * (n x runs cascades, in parallel over nodes); later rounds usually a handful (in parallel over runs). Plain
 * greedy ({@code lazy = false}) evaluates all remaining nodes every round: k x n x runs cascades. Results do not
 * depend on the thread count (sums of integer spreads are exact).
 */
public final class Celf {
    private Celf() {
    }

    public static SeedSelection compute(InteractionGraph g, CelfConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static SeedSelection compute(InteractionGraph g, CelfConfig config, Progress progress) {
        Cascade cascade = config.propagation().cascade(g);
        long t0 = System.nanoTime();
        int n = g.nodeCount();
        int k = Math.min(config.k(), n);
        ForkJoinPool pool = Chunks.pool(config.threads());
        ThreadLocal<Cascade.Scratch> scratch = ThreadLocal.withInitial(() -> new Cascade.Scratch(n));
        int runs = config.runs();
        long seed = config.seed();
        long[] evaluations = {0};
        int[] seeds = new int[k];
        try (Progress.Task task = progress.begin(config.lazy() ? "celf" : "greedy", k, "seeds")) {
            double[] with = new double[n]; // sigma(S + v) when last evaluated
            int[] round = new int[n];
            Chunks byNode = Chunks.even(n, 256);
            // round 0 for both variants: sigma({v}) for every node, each node's runs on one thread
            evaluateAll(byNode, pool, scratch, cascade, new int[0], null, with, runs, seed);
            evaluations[0] += n;
            double sigma = 0;
            boolean[] chosen = new boolean[n];
            if (config.lazy()) {
                double[] gain = with.clone();
                PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, n), (a, b) -> gain[a] != gain[b]
                        ? Double.compare(gain[b], gain[a]) : Integer.compare(a, b));
                for (int v = 0; v < n; v++) queue.add(v);
                Chunks byRun = Chunks.even(runs, Chunks.DEFAULT_CHUNKS);
                int size = 0;
                while (size < k) {
                    int v = queue.poll();
                    if (round[v] == size) {
                        seeds[size++] = v;
                        sigma = with[v];
                        task.stepTo(size);
                        continue;
                    }
                    int[] set = Arrays.copyOf(seeds, size + 1);
                    set[size] = v;
                    with[v] = meanSpread(byRun, pool, scratch, cascade, set, runs, seed);
                    evaluations[0]++;
                    gain[v] = with[v] - sigma;
                    round[v] = size;
                    queue.add(v);
                }
            } else {
                for (int size = 0; size < k; size++) {
                    if (size > 0) {
                        evaluateAll(byNode, pool, scratch, cascade, Arrays.copyOf(seeds, size), chosen, with, runs, seed);
                        evaluations[0] += n - size;
                    }
                    int best = -1;
                    for (int v = 0; v < n; v++) if (!chosen[v] && (best < 0 || with[v] > with[best])) best = v;
                    chosen[best] = true;
                    seeds[size] = best;
                    sigma = with[best];
                    task.stepTo(size + 1);
                }
            }
            return SeedSelection.of(config.lazy() ? "celf" : "greedy", g, seeds, sigma, evaluations[0], t0);
        } finally {
            if (pool != null) pool.shutdown();
        }
    }

    /** with[v] = sigma(base + v) for every v not chosen (runs of one node on one thread). */
    private static void evaluateAll(Chunks byNode, ForkJoinPool pool, ThreadLocal<Cascade.Scratch> scratch, Cascade cascade,
                                    int[] base, boolean[] chosen, double[] with, int runs, long seed) {
        byNode.forEach(pool, c -> {
            Cascade.Scratch s = scratch.get();
            int[] set = Arrays.copyOf(base, base.length + 1);
            for (int v = byNode.start(c); v < byNode.end(c); v++) {
                if (chosen != null && chosen[v]) continue;
                set[base.length] = v;
                int[] canonical = SpreadEstimator.canonical(set, with.length);
                long sum = 0;
                for (int r = 0; r < runs; r++) sum += cascade.run(canonical, SpreadEstimator.random(seed, SpreadEstimator.STREAM_CELF, r), s, null);
                with[v] = (double) sum / runs;
            }
        });
    }

    private static double meanSpread(Chunks byRun, ForkJoinPool pool, ThreadLocal<Cascade.Scratch> scratch, Cascade cascade,
                                     int[] set, int runs, long seed) {
        int[] canonical = SpreadEstimator.canonical(set, Integer.MAX_VALUE);
        long[] partial = new long[byRun.count()];
        byRun.forEach(pool, c -> {
            Cascade.Scratch s = scratch.get();
            long sum = 0;
            for (int r = byRun.start(c); r < byRun.end(c); r++) sum += cascade.run(canonical, SpreadEstimator.random(seed, SpreadEstimator.STREAM_CELF, r), s, null);
            partial[c] = sum;
        });
        long total = 0;
        for (long p : partial) total += p;
        return (double) total / runs;
    }
}
