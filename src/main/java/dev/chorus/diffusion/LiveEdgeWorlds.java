package dev.chorus.diffusion;

/**
 * The independent cascade from many seed sets in the same random worlds: common random numbers for the arms of a
 * seeding experiment, so that their differences are measured on the same coin flips and every world is
 * traversed once for all of them.
 * <p>
 * A world is a live-edge graph (Kempe, Kleinberg &amp; Tardos, KDD 2003, doi:10.1145/956750.956769, Claim 2.3):
 * influence arc i is live with its probability, independently; the cascade from S activates exactly the nodes
 * reachable from S over live arcs, the step being the BFS distance. Whether arc i is live in world w is a fixed
 * function of (seed, stream, w, i), a SplitMix64 hash, so an arc reads the same coin however often and in whatever
 * order it is tried. The sets are traversed together by a multi-source BFS (Then et al., "The more the merrier:
 * efficient multi-source graph traversal", VLDB 2014, doi:10.14778/2735496.2735507): each node holds one bit per
 * set, a frontier node passes on only the bits it gained in the last step, and an arc is tried only for bits its
 * head lacks. Up to 64 sets share one traversal (more go in groups of 64, in the same worlds).
 * <p>
 * Cost per world: at most one pass over the arcs leaving each reached node per distinct step at which it gains
 * bits, i.e. between one cascade (the sets reach the same nodes at the same step) and one cascade per set.
 * Memory: 36 bytes per node per worker thread.
 */
final class LiveEdgeWorlds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int[] offsets;
    private final int[] targets;
    private final double[] prob;
    private final int[][] sets;
    private final long key;

    /**
     * @param sets seed sets, each sorted and without duplicates ({@link SpreadEstimator#canonical})
     */
    LiveEdgeWorlds(InfluenceGraph ig, int[][] sets, long seed, long stream) {
        this.offsets = ig.fwdOffsets();
        this.targets = ig.fwdTargets();
        this.prob = ig.fwdWeight();
        this.sets = sets;
        this.key = SpreadEstimator.mix(seed + GOLDEN * stream);
    }

    /** Per-thread working memory; all-zero between worlds (a world clears what it touched). */
    static final class Scratch {
        final long[] seen;
        final long[] frontierBits;
        final long[] nextBits;
        final int[] frontier;
        final int[] next;
        final int[] touched;

        Scratch(int n) {
            seen = new long[n];
            frontierBits = new long[n];
            nextBits = new long[n];
            frontier = new int[n];
            next = new int[n];
            touched = new int[n];
        }
    }

    /**
     * Runs world {@code w} for every set.
     *
     * @param spread receives each set's final active count (seeds included)
     * @param curves receives each set's cumulative active count after each step (step 0 = its seeds), as the
     *               curve of {@link Cascade#run}: one entry per step that activated someone
     */
    void run(long w, Scratch s, int[] spread, int[][] curves) {
        long worldKey = worldKey(w);
        for (int from = 0; from < sets.length; from += 64) run(worldKey, Math.min(sets.length, from + 64), from, s, spread, curves);
    }

    private void run(long worldKey, int to, int from, Scratch s, int[] spread, int[][] curves) {
        int arms = to - from;
        long[] seen = s.seen;
        long[] bits = s.frontierBits;
        long[] nextBits = s.nextBits;
        int[] frontier = s.frontier;
        int[] next = s.next;
        int[] touched = s.touched;
        int touchedCount = 0;
        int size = 0;
        Cascade.IntList[] curve = new Cascade.IntList[arms];
        int[] total = new int[arms];
        for (int a = 0; a < arms; a++) {
            long bit = 1L << a;
            for (int v : sets[from + a]) {
                if (seen[v] == 0) touched[touchedCount++] = v;
                if (bits[v] == 0) frontier[size++] = v;
                seen[v] |= bit;
                bits[v] |= bit;
            }
            total[a] = sets[from + a].length;
            curve[a] = new Cascade.IntList();
            curve[a].add(total[a]);
        }
        int[] gained = new int[arms];
        while (size > 0) {
            int nextSize = 0;
            for (int j = 0; j < size; j++) {
                int v = frontier[j];
                long b = bits[v];
                bits[v] = 0;
                for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                    int u = targets[i];
                    // bits u has, or will have after this step, need no coin
                    long nb = b & ~seen[u] & ~nextBits[u];
                    if (nb == 0 || !live(worldKey, i)) continue;
                    if (nextBits[u] == 0) next[nextSize++] = u;
                    nextBits[u] |= nb;
                }
            }
            for (int j = 0; j < nextSize; j++) {
                int u = next[j];
                long nb = nextBits[u];
                nextBits[u] = 0;
                if (seen[u] == 0) touched[touchedCount++] = u;
                seen[u] |= nb;
                bits[u] = nb;
                for (long m = nb; m != 0; m &= m - 1) gained[Long.numberOfTrailingZeros(m)]++;
            }
            for (int a = 0; a < arms; a++) {
                if (gained[a] == 0) continue;
                total[a] += gained[a];
                curve[a].add(total[a]);
                gained[a] = 0;
            }
            int[] t = frontier;
            frontier = next;
            next = t;
            size = nextSize;
        }
        for (int j = 0; j < touchedCount; j++) seen[touched[j]] = 0;
        for (int a = 0; a < arms; a++) {
            spread[from + a] = total[a];
            curves[from + a] = curve[a].toArray();
        }
    }

    /** The key of world {@code w}, which {@link #live} reads. */
    long worldKey(long w) {
        return SpreadEstimator.mix(key ^ w);
    }

    /** Whether arc i is live in the world of {@code worldKey}: a uniform [0,1) number from its hash below the arc's probability. */
    boolean live(long worldKey, int i) {
        double p = prob[i];
        if (p >= 1) return true;
        if (p <= 0) return false;
        return (SpreadEstimator.mix(worldKey + GOLDEN * (i + 1L)) >>> 11) * 0x1.0p-53 < p;
    }
}
