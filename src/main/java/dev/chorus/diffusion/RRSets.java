package dev.chorus.diffusion;

import dev.chorus.parallel.Chunks;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * A growing collection of random reverse-reachable (RR) sets (Borgs et al., SODA 2014, doi:10.1137/1.9781611973402.70):
 * from a uniformly random root, the nodes that would have activated it in one random live-edge world. For IC
 * that is a reverse BFS keeping each influence in-edge with its probability; for LT a reverse random walk that
 * takes at most one in-edge per node, edge (v,u) with probability b(v,u), stopping at a revisit (Tang et al. 2015,
 * Section 3). Sets are stored back to back in one int array with offsets.
 * <p>
 * Sets are generated in fixed blocks of {@link #BLOCK}; block b draws from its own random stream (seed, stream,
 * b) and blocks are appended in order, so the collection is identical for any thread count. Counts are therefore
 * rounded up to whole blocks.
 */
final class RRSets {
    static final int BLOCK = 256;

    private final InfluenceGraph g;
    private final boolean lt;
    private final long seed;
    private final long stream;
    private int[] data = new int[1 << 16];
    private long size;
    private int[] offsets = new int[BLOCK + 1];
    private int count;

    RRSets(InfluenceGraph g, boolean lt, long seed, long stream) {
        this.g = g;
        this.lt = lt;
        this.seed = seed;
        this.stream = stream;
    }

    int count() {
        return count;
    }

    long entries() {
        return size;
    }

    int[] data() {
        return data;
    }

    int start(int set) {
        return offsets[set];
    }

    int end(int set) {
        return offsets[set + 1];
    }

    /** Adds sets until there are at least {@code target} (rounded up to a whole block). */
    void growTo(long target, ForkJoinPool pool, ThreadLocal<Cascade.Scratch> scratch) {
        if (target > Integer.MAX_VALUE - BLOCK) throw new IllegalStateException("IMM needs " + target + " RR sets, more than 2^31: raise epsilon");
        int firstBlock = count / BLOCK;
        int lastBlock = (int) ((target + BLOCK - 1) / BLOCK);
        // waves bound the memory held in per-block buffers before they are appended
        int wave = 256;
        for (int from = firstBlock; from < lastBlock; from += wave) {
            int to = Math.min(lastBlock, from + wave);
            Cascade.IntList[] sets = new Cascade.IntList[to - from];
            int[][] lengths = new int[to - from][];
            Chunks chunks = Chunks.even(to - from, to - from);
            int base = from;
            chunks.forEach(pool, c -> {
                Cascade.Scratch s = scratch.get();
                SplittableRandom rng = SpreadEstimator.random(seed, stream, base + c);
                Cascade.IntList buf = new Cascade.IntList(BLOCK * 8);
                int[] len = new int[BLOCK];
                for (int j = 0; j < BLOCK; j++) {
                    int before = buf.size();
                    if (lt) sampleLt(rng, s, buf);
                    else sampleIc(rng, s, buf);
                    len[j] = buf.size() - before;
                }
                sets[c] = buf;
                lengths[c] = len;
            });
            for (int c = 0; c < sets.length; c++) append(sets[c], lengths[c]);
        }
    }

    private void append(Cascade.IntList buf, int[] len) {
        if (size + buf.size() > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("RR sets exceed 2^31 entries: raise epsilon or use a smaller graph");
        }
        if (size + buf.size() > data.length) data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(size + buf.size(), data.length * 3L / 2)));
        System.arraycopy(buf.data, 0, data, (int) size, buf.size());
        if (count + len.length + 1 > offsets.length) offsets = Arrays.copyOf(offsets, Math.max(count + len.length + 1, offsets.length * 3 / 2));
        for (int l : len) {
            offsets[count + 1] = offsets[count] + l;
            count++;
        }
        size += buf.size();
    }

    private void sampleIc(SplittableRandom rng, Cascade.Scratch s, Cascade.IntList out) {
        int[] off = g.revOffsets();
        int[] src = g.revSources();
        double[] p = g.revWeight();
        int epoch = s.nextEpoch();
        int[] mark = s.mark;
        int[] q = s.queue;
        int root = rng.nextInt(g.nodeCount());
        mark[root] = epoch;
        q[0] = root;
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            int u = q[head];
            for (int e = off[u], end = off[u + 1]; e < end; e++) {
                int v = src[e];
                if (mark[v] != epoch && rng.nextDouble() < p[e]) {
                    mark[v] = epoch;
                    q[tail++] = v;
                }
            }
        }
        out.addAll(q, 0, tail);
    }

    private void sampleLt(SplittableRandom rng, Cascade.Scratch s, Cascade.IntList out) {
        int[] off = g.revOffsets();
        int[] src = g.revSources();
        double[] w = g.revWeight();
        int epoch = s.nextEpoch();
        int[] mark = s.mark;
        int u = rng.nextInt(g.nodeCount());
        while (true) {
            mark[u] = epoch;
            out.add(u);
            double x = rng.nextDouble();
            double cum = 0;
            int pick = -1;
            for (int e = off[u], end = off[u + 1]; e < end; e++) {
                cum += w[e];
                if (x < cum) {
                    pick = src[e];
                    break;
                }
            }
            if (pick < 0 || mark[pick] == epoch) return;
            u = pick;
        }
    }

    /**
     * Greedy maximum coverage: k nodes, each covering the most RR sets not yet covered (ties: smaller index).
     * O(k n + entries). Returns the nodes; {@code coveredOut[0]} receives the number of sets covered.
     */
    int[] select(int k, long[] coveredOut) {
        int n = g.nodeCount();
        int[] deg = new int[n];
        for (long i = 0; i < size; i++) deg[data[(int) i]]++;
        int[] invOff = new int[n + 1];
        for (int v = 0; v < n; v++) invOff[v + 1] = invOff[v] + deg[v];
        int[] inv = new int[(int) size];
        int[] fill = Arrays.copyOf(invOff, n);
        for (int s = 0; s < count; s++) for (int i = offsets[s]; i < offsets[s + 1]; i++) inv[fill[data[i]]++] = s;
        boolean[] covered = new boolean[count];
        boolean[] chosen = new boolean[n];
        int[] seeds = new int[Math.min(k, n)];
        long coveredCount = 0;
        for (int j = 0; j < seeds.length; j++) {
            int best = -1;
            for (int v = 0; v < n; v++) if (!chosen[v] && (best < 0 || deg[v] > deg[best])) best = v;
            chosen[best] = true;
            seeds[j] = best;
            for (int i = invOff[best]; i < invOff[best + 1]; i++) {
                int s = inv[i];
                if (covered[s]) continue;
                covered[s] = true;
                coveredCount++;
                for (int x = offsets[s]; x < offsets[s + 1]; x++) deg[data[x]]--;
            }
        }
        coveredOut[0] = coveredCount;
        return seeds;
    }
}
