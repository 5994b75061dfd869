package dev.chorus.diffusion;

import java.util.SplittableRandom;

/**
 * Linear threshold: every node u draws a threshold uniformly from [0, 1) and becomes active once the summed
 * weights {@code b(v,u)} of its active influence in-neighbours reach it; weights sum to 1 per node
 * ({@link InfluenceGraph#linearThreshold}).
 * <p>
 * Kempe, Kleinberg &amp; Tardos, "Maximizing the spread of influence through a social network", KDD 2003,
 * doi:10.1145/956750.956769 (Theorem 2.5: equivalent to a live-edge process in which each node keeps at most one
 * in-edge, edge (v,u) with probability b(v,u); tests check it that way). Thresholds are drawn lazily, when a node
 * first hears from an active neighbour, so one run is O(n_touched + m_active).
 */
public final class LinearThreshold implements Cascade {
    private final int[] offsets;
    private final int[] targets;
    private final double[] weight;

    public LinearThreshold(InfluenceGraph g) {
        offsets = g.fwdOffsets();
        targets = g.fwdTargets();
        weight = g.fwdWeight();
    }

    @Override
    public int run(int[] seeds, SplittableRandom rng, Scratch s, IntList curve) {
        int active = s.nextEpoch();
        // mark: active in this run; touched: threshold drawn (or count reset) in this run
        int[] mark = s.mark;
        int[] touched = s.touched;
        double[] acc = s.acc;
        double[] theta = s.theta;
        int[] q = s.queue;
        int tail = s.enqueueSeeds(seeds, active);
        if (curve != null) curve.add(tail);
        int head = 0;
        while (head < tail) {
            int levelEnd = tail;
            for (; head < levelEnd; head++) {
                int v = q[head];
                for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                    int u = targets[i];
                    if (mark[u] == active) continue;
                    if (touched[u] != active) {
                        touched[u] = active;
                        acc[u] = 0;
                        theta[u] = rng.nextDouble();
                    }
                    acc[u] += weight[i];
                    if (acc[u] >= theta[u] && weight[i] > 0) {
                        mark[u] = active;
                        q[tail++] = u;
                    }
                }
            }
            if (curve != null && tail > levelEnd) curve.add(tail);
        }
        return tail;
    }
}
