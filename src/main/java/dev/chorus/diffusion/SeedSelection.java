package dev.chorus.diffusion;

import java.util.List;

/**
 * Seeds chosen by an influence-maximization method.
 *
 * @param method      {@code imm}, {@code celf}, {@code greedy}, {@code degree}, {@code pagerank}, {@code kcore}
 * @param nodes       node indices in the order chosen (rank 1 first)
 * @param seeds       the same as original ids
 * @param estimate    the method's own spread estimate of the set (IMM: n x covered fraction of its RR sets; CELF:
 *                    its Monte Carlo mean; NaN for the baselines). Biased upwards by the choice: report an
 *                    independent estimate ({@link SpreadEstimator} on another stream) instead
 * @param samples     RR sets (IMM) or spread evaluations of {@code runs} cascades (CELF, greedy); 0 for baselines
 * @param seconds     wall-clock time of the selection
 */
public record SeedSelection(String method, int[] nodes, List<String> seeds, double estimate, long samples, double seconds) {
    public SeedSelection {
        seeds = List.copyOf(seeds);
    }

    static SeedSelection of(String method, dev.chorus.graph.InteractionGraph g, int[] nodes, double estimate, long samples, long t0) {
        List<String> ids = new java.util.ArrayList<>();
        for (int v : nodes) ids.add(g.ids().id(v));
        return new SeedSelection(method, nodes, ids, estimate, samples, (System.nanoTime() - t0) / 1e9);
    }
}
