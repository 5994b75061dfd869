package dev.chorus.diffusion;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * IMM influence maximization: k seeds whose expected spread is at least (1 - 1/e - epsilon) of the optimum with
 * probability at least 1 - n^-ell, under IC or LT.
 * <p>
 * Tang, Shi &amp; Xiao, "Influence maximization in near-linear time: a martingale approach", SIGMOD 2015,
 * doi:10.1145/2723372.2723734 (Algorithms 1-3). Sampling phase: for x = n/2, n/4, ... draw
 * theta_i = lambda' / x RR sets ({@link RRSets}) and stop at the first i where greedy coverage certifies
 * {@code n F(S_i) >= (1 + epsilon') x}, which gives the lower bound LB = n F(S_i) / (1 + epsilon') on OPT
 * (epsilon' = sqrt(2) epsilon; lambda' and lambda* as in the paper, with ell raised by log 2 / log n so that both
 * phases together fail with probability at most n^-ell). Then theta = lambda* / LB sets and greedy maximum
 * coverage. The final theta sets are drawn afresh rather than reusing the sampling phase's, following Chen,
 * "An issue in the martingale analysis of the influence maximization algorithm IMM" (CSoNet 2018,
 * doi:10.1007/978-3-030-04648-4_24), which restores the guarantee at a small cost.
 * <p>
 * Cost: O((k + ell)(n + m) log n / epsilon^2) expected time; memory 8 bytes per RR-set entry plus the inverted
 * index while selecting. RR sets are generated in parallel in fixed blocks, so the result is the same for any
 * thread count.
 */
public final class Imm {
    static final long STREAM_SAMPLING = 11;
    static final long STREAM_FINAL = 12;

    private Imm() {
    }

    public static SeedSelection compute(InteractionGraph g, ImmConfig config) {
        return compute(g, config, Progress.NONE);
    }

    /** IMM on {@code g} under {@code config.propagation()}. */
    public static SeedSelection compute(InteractionGraph g, ImmConfig config, Progress progress) {
        return compute(config.propagation().influenceGraph(g), config, progress);
    }

    /**
     * IMM on an influence graph built by {@code config.propagation().influenceGraph(g)}, for callers that run
     * other cascades on the same graph (the seeding experiment) or time IMM alone (the benchmark).
     */
    public static SeedSelection compute(InfluenceGraph ig, ImmConfig config, Progress progress) {
        ig.requireFor(config.propagation());
        long t0 = System.nanoTime();
        InteractionGraph g = ig.graph();
        int n = ig.nodeCount();
        int k = Math.min(config.k(), n);
        if (n == 0) return SeedSelection.of("imm", g, new int[0], 0, 0, t0);
        boolean lt = config.propagation().model() == DiffusionModel.LT;
        double eps = config.epsilon();
        double logN = Math.log(n);
        double ell = n > 1 ? config.ell() * (1 + Math.log(2) / logN) : config.ell();
        double logCnk = CombinatoricsUtils.binomialCoefficientLog(n, k);
        double epsPrime = Math.sqrt(2) * eps;
        double log2N = Math.log(n) / Math.log(2);
        double lambdaPrime = (2 + 2.0 / 3 * epsPrime) * (logCnk + ell * logN + Math.log(Math.max(log2N, 1))) * n / (epsPrime * epsPrime);
        ForkJoinPool pool = Chunks.pool(config.threads());
        ThreadLocal<Cascade.Scratch> scratch = ThreadLocal.withInitial(() -> new Cascade.Scratch(n));
        long[] covered = new long[1];
        try (Progress.Task task = progress.begin("imm", -1, "RR sets")) {
            double lb = 1;
            RRSets sampling = new RRSets(ig, lt, config.seed(), STREAM_SAMPLING);
            for (int i = 1; i < log2N; i++) {
                double x = n / Math.pow(2, i);
                long thetaI = (long) Math.ceil(lambdaPrime / x);
                sampling.growTo(thetaI, pool, scratch);
                task.stepTo(sampling.count());
                sampling.select(k, covered);
                double spread = (double) n * covered[0] / sampling.count();
                if (spread >= (1 + epsPrime) * x) {
                    lb = spread / (1 + epsPrime);
                    break;
                }
            }
            long sampled = sampling.count();
            sampling = null; // let the sampling phase's sets go before the final ones are drawn
            double e1 = 1 - 1 / Math.E;
            double alpha = Math.sqrt(ell * logN + Math.log(2));
            double beta = Math.sqrt(e1 * (logCnk + ell * logN + Math.log(2)));
            double lambdaStar = 2 * n * Math.pow(e1 * alpha + beta, 2) / (eps * eps);
            long theta = (long) Math.ceil(lambdaStar / lb);
            RRSets fin = new RRSets(ig, lt, config.seed(), STREAM_FINAL);
            fin.growTo(theta, pool, scratch);
            task.stepTo(sampled + fin.count());
            int[] seeds = fin.select(k, covered);
            return SeedSelection.of("imm", g, seeds, (double) n * covered[0] / fin.count(), sampled + fin.count(), t0);
        } finally {
            if (pool != null) pool.shutdown();
        }
    }
}
