package dev.chorus.diffusion;

import java.util.SplittableRandom;

/**
 * Independent cascade: a node activated at step t gets one chance to activate each inactive influence
 * out-neighbour u, succeeding with the edge's probability; u becomes active at step t+1.
 * <p>
 * Goldenberg, Libai &amp; Muller, "Talk of the network", Marketing Letters 12 (2001),
 * doi:10.1023/A:1011122126881; Kempe, Kleinberg &amp; Tardos, "Maximizing the spread of influence through a social
 * network", KDD 2003, doi:10.1145/956750.956769. One run is O(n_active + m_active): only arcs leaving active nodes
 * are tried, and an arc into an already active node draws no random number.
 */
public final class IndependentCascade implements Cascade {
    private final int[] offsets;
    private final int[] targets;
    private final double[] prob;

    public IndependentCascade(InfluenceGraph g) {
        offsets = g.fwdOffsets();
        targets = g.fwdTargets();
        prob = g.fwdWeight();
    }

    @Override
    public int run(int[] seeds, SplittableRandom rng, Scratch s, IntList curve) {
        int epoch = s.nextEpoch();
        int[] mark = s.mark;
        int[] q = s.queue;
        int tail = s.enqueueSeeds(seeds, epoch);
        if (curve != null) curve.add(tail);
        int head = 0;
        while (head < tail) {
            int levelEnd = tail;
            for (; head < levelEnd; head++) {
                int v = q[head];
                for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                    int u = targets[i];
                    if (mark[u] != epoch && rng.nextDouble() < prob[i]) {
                        mark[u] = epoch;
                        q[tail++] = u;
                    }
                }
            }
            if (curve != null && tail > levelEnd) curve.add(tail);
        }
        return tail;
    }
}
