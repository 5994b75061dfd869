package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.parallel.Chunks;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;

/**
 * One level of {@link Louvain} or {@link Leiden}: a symmetric weighted graph in CSR form plus a weight per node
 * (weighted degree for modularity, node count for CPM). Level 0 shares the arrays of
 * {@link dev.chorus.graph.InteractionGraph#undirected()}; each aggregate has one node per community. Edges inside a community are dropped on aggregation rather than
 * kept as self-loops: the moves only ever need edge weights to <em>other</em> nodes, and the node weight
 * already carries the community's degree.
 */
final class CommunityGraph {
    final int n;
    final int[] offsets;
    final int[] neighbors;
    final double[] weights;
    final double[] nodeWeight;

    private CommunityGraph(int[] offsets, int[] neighbors, double[] weights, double[] nodeWeight) {
        this.n = offsets.length - 1;
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.weights = weights;
        this.nodeWeight = nodeWeight;
    }

    /** Level 0 on {@code undirected} (no self-loops), sharing its arrays. */
    static CommunityGraph of(Adjacency undirected, double[] nodeWeight) {
        return new CommunityGraph(undirected.offsets(), undirected.neighbors(), undirected.weights(), nodeWeight);
    }

    /** Weighted degree of every node. */
    static double[] strengths(Adjacency undirected) {
        double[] s = new double[undirected.nodeCount()];
        for (int u = 0; u < s.length; u++) s[u] = undirected.weightedDegree(u);
        return s;
    }

    /**
     * The graph with one node per community of {@code community} (labels {@code 0..k-1}): node weights summed,
     * weights between communities summed, edges inside a community dropped. Rows are built independently on
     * {@code pool}, each from its members in ascending order, so the result does not depend on the thread count.
     * O(n + m) time; O(k) scratch per running thread.
     */
    CommunityGraph aggregate(int[] community, int k, ForkJoinPool pool) {
        int[] start = new int[k + 1];
        for (int u = 0; u < n; u++) start[community[u] + 1]++;
        for (int c = 0; c < k; c++) start[c + 1] += start[c];
        int[] members = new int[n];
        int[] cursor = Arrays.copyOf(start, k);
        double[] aggWeight = new double[k];
        for (int u = 0; u < n; u++) {
            members[cursor[community[u]]++] = u;
            aggWeight[community[u]] += nodeWeight[u];
        }
        int[] arcs = new int[k + 1];
        for (int u = 0; u < n; u++) arcs[community[u] + 1] += offsets[u + 1] - offsets[u];
        for (int c = 0; c < k; c++) arcs[c + 1] += arcs[c];
        Chunks chunks = Chunks.balanced(arcs, Chunks.DEFAULT_CHUNKS);

        int[] aggOffsets = new int[k + 1];
        ConcurrentLinkedQueue<int[]> marks = new ConcurrentLinkedQueue<>();
        chunks.forEach(pool, chunk -> {
            int[] mark = scratch(marks, k);
            for (int c = chunks.start(chunk); c < chunks.end(chunk); c++) {
                int distinct = 0;
                mark[c] = c; // c itself is not a neighbour
                for (int j = start[c]; j < start[c + 1]; j++) {
                    int u = members[j];
                    for (int i = offsets[u], end = offsets[u + 1]; i < end; i++) {
                        int d = community[neighbors[i]];
                        distinct += 1 - Leiden.same(mark[d], c);
                        mark[d] = c;
                    }
                }
                aggOffsets[c + 1] = distinct;
            }
            marks.add(mark);
        });
        for (int c = 0; c < k; c++) aggOffsets[c + 1] += aggOffsets[c];

        int[] aggNeighbors = new int[aggOffsets[k]];
        double[] aggWeights = new double[aggOffsets[k]];
        ConcurrentLinkedQueue<int[]> slots = new ConcurrentLinkedQueue<>();
        chunks.forEach(pool, chunk -> {
            int[] slot = scratch(slots, k); // position of community d in the current row; stale values lie outside it
            for (int c = chunks.start(chunk); c < chunks.end(chunk); c++) {
                int rowStart = aggOffsets[c];
                int next = rowStart;
                for (int j = start[c]; j < start[c + 1]; j++) {
                    int u = members[j];
                    for (int i = offsets[u], end = offsets[u + 1]; i < end; i++) {
                        int d = community[neighbors[i]];
                        if (d == c) continue;
                        int s = slot[d];
                        if (s >= rowStart && s < next) {
                            aggWeights[s] += weights[i];
                        } else {
                            slot[d] = next;
                            aggNeighbors[next] = d;
                            aggWeights[next++] = weights[i];
                        }
                    }
                }
            }
            slots.add(slot);
        });
        return new CommunityGraph(aggOffsets, aggNeighbors, aggWeights, aggWeight);
    }

    /** Reuses a scratch array left by a finished chunk, so that at most one exists per running thread. */
    private static int[] scratch(ConcurrentLinkedQueue<int[]> free, int k) {
        int[] a = free.poll();
        if (a == null) {
            a = new int[k];
            Arrays.fill(a, -1);
        }
        return a;
    }

    /** Renumbers non-negative labels in place to {@code 0..k-1} in order of first appearance; returns k. */
    static int compact(int[] labels) {
        int max = -1;
        for (int l : labels) max = Math.max(max, l);
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        int k = 0;
        for (int u = 0; u < labels.length; u++) {
            int l = labels[u];
            if (map[l] < 0) map[l] = k++;
            labels[u] = map[l];
        }
        return k;
    }

    /** Fisher–Yates shuffle of {@code a[from, to)}. */
    static void shuffle(int[] a, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
