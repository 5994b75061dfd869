package dev.chorus.community;

import dev.chorus.graph.NodeScores;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;

/**
 * Triangles at each node and the local clustering coefficient, on the undirected simple graph
 * ({@link InteractionGraph#undirected()}: directions merged, self-loops dropped, weights ignored). Conventions
 * of NetworkX's {@code triangles} and unweighted {@code clustering} applied to {@code G.to_undirected()}:
 * <ul>
 * <li>{@code triangles}: t(u), the number of edges between neighbours of u;</li>
 * <li>{@code clustering}: 2 t(u) / (d(u) (d(u) - 1)) with d(u) the number of distinct neighbours, and 0 when
 * d(u) &lt; 2.</li>
 * </ul>
 * For directed inputs this is the clustering of the undirected view, not Fagiolo's directed clustering that
 * NetworkX computes on a {@code DiGraph}. The graph holds {@code sum t(u) / 3} triangles.
 * <p>
 * Each triangle is found once, from its lowest corner in the order (degree, index), by intersecting the
 * lists of higher neighbours of an edge's two ends: O(m sqrt(m)) time, because a node has fewer than
 * sqrt(2m) higher neighbours (the "forward" algorithm of Schank &amp; Wagner, "Finding, counting and listing
 * all triangles in large graphs", WEA 2005, doi:10.1007/11427186_54). Memory: m + n ints for the oriented
 * lists, plus 12 bytes per node (and 8 per community) for each thread. Nodes are split into fixed chunks run on {@code threads}
 * threads; counts are integers, so the result does not depend on the thread count.
 */
public final class Triangles {
    private Triangles() {
    }

    public static NodeScores compute(InteractionGraph g, TrianglesConfig config) {
        return compute(g, config, Progress.NONE);
    }

    /** Columns {@code triangles} (ranked by) and {@code clustering}. */
    public static NodeScores compute(InteractionGraph g, TrianglesConfig config, Progress progress) {
        return scores(g, count(g.undirected(), new int[0][], new int[0], config.threads(), progress).atNode());
    }

    /** The columns of {@link #compute(InteractionGraph, TrianglesConfig, Progress)} from the triangles at each node. */
    static NodeScores scores(InteractionGraph g, long[] t) {
        Adjacency adj = g.undirected();
        int n = adj.nodeCount();
        double[] triangles = new double[n];
        double[] clustering = new double[n];
        for (int u = 0; u < n; u++) {
            triangles[u] = t[u];
            clustering[u] = clustering(t[u], adj.degree(u));
        }
        return new NodeScores("triangles", g.ids(), List.of("triangles", "clustering"), List.of(triangles, clustering),
                "triangles", 0, true);
    }

    /** Local clustering of a node with {@code t} triangles and {@code d} distinct neighbours. */
    static double clustering(long t, long d) {
        return d < 2 ? 0.0 : 2.0 * t / (d * (d - 1));
    }

    /**
     * @param atNode      triangles at each node
     * @param inCommunity per partition given, triangles with all corners in community c
     */
    record Counts(long[] atNode, long[][] inCommunity) {
    }

    /** Per-thread scratch: marks of the current node's higher neighbours, and partial counts. */
    private static final class Scratch {
        final int[] mark;
        final long[] atNode;
        final long[][] inCommunity;

        Scratch(int n, int[] communities) {
            mark = new int[n];
            atNode = new long[n];
            inCommunity = new long[communities.length][];
            for (int p = 0; p < communities.length; p++) inCommunity[p] = new long[communities[p]];
        }
    }

    /**
     * Counts every triangle once, from its lowest corner u in the order (degree, index): mark u's higher
     * neighbours, then look for marks among the higher neighbours of each of them. Partial counts live in one
     * scratch per running task and are summed at the end; integer sums do not depend on which thread counted
     * what, and no atomic increments contend on the hubs. Several partitions share one enumeration: finding the
     * triangles is the cost, checking a found one's corners against a partition is three loads.
     *
     * @param memberships community per node, one array per partition (none for the counts at nodes alone)
     * @param communities number of communities of each partition
     */
    static Counts count(Adjacency adj, int[][] memberships, int[] communities, int threads, Progress progress) {
        int n = adj.nodeCount();
        int[] offsets = adj.offsets();
        int[] nb = adj.neighbors();
        Chunks nodeChunks = Chunks.balanced(offsets, Chunks.DEFAULT_CHUNKS);
        int[] fwdOffsets = new int[n + 1];
        Queue<Scratch> idle = new ConcurrentLinkedQueue<>();
        Queue<Scratch> all = new ConcurrentLinkedQueue<>();
        ForkJoinPool pool = Chunks.pool(threads);
        try (Progress.Task task = progress.begin("triangles", n, "nodes")) {
            nodeChunks.forEach(pool, c -> {
                for (int u = nodeChunks.start(c); u < nodeChunks.end(c); u++) {
                    int k = 0;
                    for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                        if (higher(adj, u, nb[i])) k++;
                    }
                    fwdOffsets[u + 1] = k;
                }
            });
            for (int u = 0; u < n; u++) fwdOffsets[u + 1] += fwdOffsets[u];
            int[] fwd = new int[fwdOffsets[n]];
            nodeChunks.forEach(pool, c -> {
                for (int u = nodeChunks.start(c); u < nodeChunks.end(c); u++) {
                    int k = fwdOffsets[u];
                    for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                        if (higher(adj, u, nb[i])) fwd[k++] = nb[i];
                    }
                }
            });
            Chunks work = Chunks.balanced(fwdOffsets, Chunks.DEFAULT_CHUNKS);
            long[] done = {0};
            work.forEach(pool, c -> {
                Scratch s = idle.poll();
                if (s == null) {
                    s = new Scratch(n, communities);
                    all.add(s);
                }
                for (int u = work.start(c); u < work.end(c); u++) {
                    int uStart = fwdOffsets[u];
                    int uEnd = fwdOffsets[u + 1];
                    if (uEnd - uStart < 2) continue;
                    for (int i = uStart; i < uEnd; i++) s.mark[fwd[i]] = u + 1;
                    for (int i = uStart; i < uEnd; i++) {
                        int v = fwd[i];
                        for (int j = fwdOffsets[v], vEnd = fwdOffsets[v + 1]; j < vEnd; j++) {
                            int w = fwd[j];
                            if (s.mark[w] != u + 1) continue;
                            s.atNode[u]++;
                            s.atNode[v]++;
                            s.atNode[w]++;
                            for (int p = 0; p < memberships.length; p++) {
                                int[] m = memberships[p];
                                if (m[u] == m[v] && m[u] == m[w]) s.inCommunity[p][m[u]]++;
                            }
                        }
                    }
                }
                idle.add(s);
                synchronized (done) {
                    done[0] += work.end(c) - work.start(c);
                    task.stepTo(done[0]);
                }
            });
        } finally {
            if (pool != null) pool.shutdown();
        }
        long[] atNode = new long[n];
        long[][] inCommunity = new long[memberships.length][];
        for (int p = 0; p < memberships.length; p++) inCommunity[p] = new long[communities[p]];
        for (Scratch s : all) {
            for (int u = 0; u < n; u++) atNode[u] += s.atNode[u];
            for (int p = 0; p < memberships.length; p++) {
                for (int c = 0; c < communities[p]; c++) inCommunity[p][c] += s.inCommunity[p][c];
            }
        }
        return new Counts(atNode, inCommunity);
    }

    /** Whether v comes after u in the order (degree, index), i.e. edge {u, v} is counted from u. */
    private static boolean higher(Adjacency adj, int u, int v) {
        int du = adj.degree(u);
        int dv = adj.degree(v);
        return du < dv || (du == dv && u < v);
    }
}
