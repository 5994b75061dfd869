package dev.chorus.diffusion;

import java.util.SplittableRandom;

/**
 * Complex contagion (threshold model with a fixed count): an inactive node u becomes active once at least
 * {@code threshold(u)} of its distinct influence in-neighbours are active, where the threshold is an absolute
 * count k, or {@code max(1, ceil(f * indeg(u)))} for a fraction f. Deterministic given the seeds; Monte Carlo
 * runs therefore all agree (sd 0).
 * <p>
 * Centola &amp; Macy, "Complex contagions and the weakness of long ties", American Journal of Sociology 113(3)
 * (2007), doi:10.1086/521848; Centola, "The spread of behavior in an online social network experiment", Science
 * 329 (2010), doi:10.1126/science.1185231. Granovetter's threshold model (1978) with one threshold for all.
 * Synchronous rounds; O(n + m_active) per run.
 */
public final class ComplexContagion implements Cascade {
    private final int[] offsets;
    private final int[] targets;
    private final int[] threshold;

    /**
     * @param k        absolute threshold (>= 1), used when {@code fraction} is NaN
     * @param fraction share of in-neighbours in (0, 1], or NaN
     */
    public ComplexContagion(InfluenceGraph g, int k, double fraction) {
        if (Double.isNaN(fraction) && k < 1) throw new IllegalArgumentException("threshold k must be >= 1, got " + k);
        if (!Double.isNaN(fraction) && !(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("threshold fraction must be in (0,1], got " + fraction);
        }
        offsets = g.fwdOffsets();
        targets = g.fwdTargets();
        threshold = new int[g.nodeCount()];
        for (int u = 0; u < threshold.length; u++) {
            // a node nobody influences can only be a seed
            threshold[u] = Double.isNaN(fraction) ? k : Math.max(1, (int) Math.ceil(fraction * g.inDegree(u) - 1e-9));
            if (g.inDegree(u) == 0) threshold[u] = Integer.MAX_VALUE;
        }
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public int run(int[] seeds, SplittableRandom rng, Scratch s, IntList curve) {
        int active = s.nextEpoch();
        int[] mark = s.mark;
        int[] touched = s.touched;
        int[] count = s.count;
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
                        count[u] = 0;
                    }
                    if (++count[u] >= threshold[u]) {
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
