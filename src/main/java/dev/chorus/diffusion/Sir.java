package dev.chorus.diffusion;

import java.util.SplittableRandom;

/**
 * Discrete-time SIR epidemic: at each step every infected node infects each susceptible influence out-neighbour
 * with probability {@code beta} (independently; a node reached by several succeeds if any does), then recovers
 * with probability {@code gamma}; recovered nodes never return. Spread = nodes ever infected (the final
 * epidemic size). With {@code gamma = 1} this is exactly the independent cascade with {@code p = beta}.
 * <p>
 * Kermack &amp; McKendrick, Proc. R. Soc. A 115 (1927), doi:10.1098/rspa.1927.0118; network form as in
 * Pastor-Satorras et al., "Epidemic processes in complex networks", Rev. Mod. Phys. 87 (2015),
 * doi:10.1103/RevModPhys.87.925. Each step is O(infected nodes' arcs); the run stops when nobody is infected or
 * after {@code maxSteps}. Uniform beta, not the edge weights: an epidemic's contact rate.
 */
public final class Sir implements Cascade {
    private final int[] offsets;
    private final int[] targets;
    private final double beta;
    private final double gamma;
    private final int maxSteps;

    public Sir(InfluenceGraph g, double beta, double gamma, int maxSteps) {
        if (!(beta >= 0 && beta <= 1)) throw new IllegalArgumentException("beta must be in [0,1], got " + beta);
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in (0,1], got " + gamma);
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        offsets = g.fwdOffsets();
        targets = g.fwdTargets();
        this.beta = beta;
        this.gamma = gamma;
        this.maxSteps = maxSteps;
    }

    @Override
    public int run(int[] seeds, SplittableRandom rng, Scratch s, IntList curve) {
        int epoch = s.nextEpoch();
        int[] mark = s.mark; // ever infected
        int[] infected = s.queue;
        int[] next = s.buffer;
        int size = s.enqueueSeeds(seeds, epoch);
        int ever = size;
        if (curve != null) curve.add(ever);
        for (int step = 0; step < maxSteps && size > 0; step++) {
            int nextSize = 0;
            for (int j = 0; j < size; j++) {
                int v = infected[j];
                for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                    int u = targets[i];
                    if (mark[u] != epoch && rng.nextDouble() < beta) {
                        mark[u] = epoch;
                        next[nextSize++] = u;
                    }
                }
            }
            ever += nextSize;
            for (int j = 0; j < size; j++) {
                if (rng.nextDouble() >= gamma) next[nextSize++] = infected[j];
            }
            int[] t = infected;
            infected = next;
            next = t;
            size = nextSize;
            if (curve != null) curve.add(ever);
        }
        return ever;
    }
}
