package dev.chorus.neo4j;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which batches each of a load's writers commits, and in what order, so that writers running at the same time
 * never touch the same user.
 * <p>
 * Creating a relationship locks both of its users, so two writers whose batches share users wait for each other
 * or deadlock (a retry, and wasted work). The cure is the "Mix and Batch" technique ("Mix and Batch: A
 * Technique for Fast, Parallel Relationship Loading in Neo4j", Neo4j Developer Blog, June 2024): users are
 * split into {@code P} parts by a hash of their index, pairs into buckets by the parts of their two ends, and
 * buckets run in rounds whose buckets share no part. Chorus graphs are monopartite (a user is a source and a
 * target), so a bucket is an unordered pair of parts, and the rounds are a round-robin tournament between
 * {@code P = 4W} parts (W writers): {@code P - 1} rounds of {@code P/2} disjoint cross buckets, then one round of
 * the pairs inside each part. The buckets of a round are shared out between the writers by size
 * ({@link #balance}). Users come first (user batch {@code i} to writer {@code i mod W}): pairs need their
 * element ids. They are sent in id order ({@link #userOrder}), so that each batch inserts one key range of the
 * {@code :User(id)} index instead of keys spread over all of it.
 * <p>
 * A writer's batches never span two phases (users, then each round); writers wait for each other between
 * phases. With one writer there is one round holding every stored pair in (source, target) order.
 * <p>
 * Deterministic: the same graph, batch size and number of writers give the same schedule, which is what lets
 * {@code --resume} skip exactly the batches each writer's progress node lists. Cost: a sort of the ids
 * (O(n log n) string comparisons, boxed indices: ~20 bytes per user while it runs), two passes over the arcs,
 * 4 bytes per user and 8 bytes per stored pair (arc and source index).
 */
final class LoadSchedule {
    /** Parts per writer: each round then has two buckets per writer, which lets {@link #balance} even them out. */
    static final int PARTS_PER_WRITER = 4;
    /**
     * One transaction's worth of work. Users batches cover positions {@code [from, to)} of {@link #userOrder};
     * pair batches cover positions {@code [from, to)} of the writer's {@link #arcs} and {@link #sources}.
     *
     * @param phase 0 for users, 1 + r for round r
     */
    record Batch(int phase, boolean users, int from, int to) {
        int size() {
            return to - from;
        }
    }

    final int writers;
    final int phases;
    /** User indices in the order their batches send them: by id ({@link String#compareTo}). */
    final int[] userOrder;
    /** Per writer: arc index of each of its stored pairs, in its order. */
    final int[][] arcs;
    /** Per writer: source user of each of its stored pairs. */
    final int[][] sources;
    /** Per writer: its batches in order. */
    final List<List<Batch>> batches;

    LoadSchedule(InteractionGraph g, int batchSize, int writers) {
        if (writers < 1) throw new IllegalArgumentException("--writers must be >= 1, got " + writers);
        this.writers = writers;
        int parts = writers == 1 ? 1 : PARTS_PER_WRITER * writers;
        int rounds = parts; // parts - 1 rounds of cross buckets, then the round of pairs inside a part
        this.phases = 1 + rounds;
        int[][] bucketOf = new int[parts][parts];
        tournament(parts, bucketOf);

        int n = g.nodeCount();
        userOrder = idOrder(g);
        Adjacency out = g.out();
        long[] bucketSize = new long[rounds * parts];
        for (int u = 0; u < n; u++) {
            int pu = part(u, parts);
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (!GraphModel.stored(g, u, v)) continue;
                bucketSize[bucketOf[pu][part(v, parts)]]++;
            }
        }
        int[] writerOf = balance(bucketSize, rounds, parts, writers);
        int[][] count = new int[writers][rounds];
        for (int bucket = 0; bucket < bucketSize.length; bucket++) count[writerOf[bucket]][bucket / parts] += (int) bucketSize[bucket];
        int[][] next = new int[writers][rounds];
        arcs = new int[writers][];
        sources = new int[writers][];
        for (int w = 0; w < writers; w++) {
            int total = 0;
            for (int r = 0; r < rounds; r++) {
                next[w][r] = total;
                total += count[w][r];
            }
            arcs[w] = new int[total];
            sources[w] = new int[total];
        }
        for (int u = 0; u < n; u++) {
            int pu = part(u, parts);
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (!GraphModel.stored(g, u, v)) continue;
                int bucket = bucketOf[pu][part(v, parts)];
                int w = writerOf[bucket];
                int at = next[w][bucket / parts]++;
                arcs[w][at] = e;
                sources[w][at] = u;
            }
        }

        batches = new ArrayList<>(writers);
        for (int w = 0; w < writers; w++) {
            List<Batch> list = new ArrayList<>();
            for (long from = (long) w * batchSize; from < n; from += (long) writers * batchSize) {
                list.add(new Batch(0, true, (int) from, (int) Math.min(n, from + batchSize)));
            }
            int start = 0;
            for (int r = 0; r < rounds; r++) {
                int end = start + count[w][r];
                for (long from = start; from < end; from += batchSize) {
                    list.add(new Batch(1 + r, false, (int) from, (int) Math.min(end, from + batchSize)));
                }
                start = end;
            }
            batches.add(List.copyOf(list));
        }
    }

    private static int[] idOrder(InteractionGraph g) {
        int n = g.nodeCount();
        String[] ids = new String[n];
        Integer[] order = new Integer[n];
        for (int u = 0; u < n; u++) {
            ids[u] = g.ids().id(u);
            order[u] = u;
        }
        Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = order[i];
        return out;
    }

    long totalBatches() {
        long t = 0;
        for (List<Batch> b : batches) t += b.size();
        return t;
    }

    /**
     * The bucket {@code round * parts + slot} of every pair of parts {a, b} ({@code parts} is 1 or even): the
     * circle method of round-robin scheduling gives rounds 0 .. parts-2 of parts/2 disjoint pairs each, then
     * round parts-1 holds the pairs inside each part. Buckets of one round share no part.
     */
    static void tournament(int parts, int[][] bucketOf) {
        int last = parts - 1;
        for (int r = 0; r < last; r++) {
            set(bucketOf, last, r, r * parts);
            for (int i = 1; i < parts / 2; i++) set(bucketOf, (r + i) % last, (r - i + last) % last, r * parts + i);
        }
        for (int p = 0; p < parts; p++) bucketOf[p][p] = last * parts + p;
    }

    private static void set(int[][] bucketOf, int a, int b, int bucket) {
        bucketOf[a][b] = bucketOf[b][a] = bucket;
    }

    /**
     * The writer of every bucket: in each round, the biggest bucket first to the writer with the fewest pairs so
     * far in that round (Graham's LPT rule, within 4/3 of the best split), so that hubs, which make the buckets
     * of their part bigger, do not leave writers waiting at the end of the round. Ties go to the lower index,
     * so the result depends only on the sizes.
     */
    static int[] balance(long[] bucketSize, int rounds, int parts, int writers) {
        int[] writerOf = new int[bucketSize.length];
        for (int r = 0; r < rounds; r++) {
            Integer[] order = new Integer[parts];
            for (int i = 0; i < parts; i++) order[i] = r * parts + i;
            Arrays.sort(order, (x, y) -> bucketSize[x] != bucketSize[y] ? Long.compare(bucketSize[y], bucketSize[x]) : Integer.compare(x, y));
            long[] load = new long[writers];
            for (int bucket : order) {
                int least = 0;
                for (int w = 1; w < writers; w++) if (load[w] < load[least]) least = w;
                writerOf[bucket] = least;
                load[least] += bucketSize[bucket];
            }
        }
        return writerOf;
    }

    /** The part of user {@code u}: a multiplicative hash, so parts do not follow the input's order. */
    static int part(int u, int parts) {
        return (int) (((u * 0x9E3779B9L) & 0xFFFFFFFFL) * parts >>> 32);
    }
}
