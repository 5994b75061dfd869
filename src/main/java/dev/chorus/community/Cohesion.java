package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Cohesion metrics of every community of a partition: how tightly knit, reciprocal and closed each group is.
 * <p>
 * Everything but reciprocity is measured on the undirected weighted view ({@link InteractionGraph#undirected()}:
 * w(u,v) = w(u->v) + w(v->u), self-loops dropped, since talking to oneself is no interaction between members).
 * For a community C with s members, w(u) the weighted degree, and W_in(C) = sum of w(u,v) over member pairs:
 * <ul>
 * <li>{@code size} = s;</li>
 * <li>{@code internal_edges} E_in = member pairs {u,v} with an interaction either way;</li>
 * <li>{@code internal_weight} = W_in;</li>
 * <li>{@code external_weight} cut(C) = sum of w(u,v) over u in C, v not in C;</li>
 * <li>{@code density} = E_in / (s(s-1)/2), 0 when s &lt; 2 (1 for a clique);</li>
 * <li>{@code reciprocity} = arcs u->v between distinct members whose reverse v->u exists / all such arcs,
 * unweighted, as {@link InteractionGraph#reciprocity()}; 0 when there are no such arcs; NaN for undirected
 * inputs, where direction, and so reciprocity, is not recorded;</li>
 * <li>{@code conductance} = cut(C) / min(vol(C), vol(V \ C)) with vol(X) = sum of w(u) over X (Kannan,
 * Vempala &amp; Vetta, J. ACM 51 (2004), doi:10.1145/990308.990313); in [0, 1], low means well separated; 0
 * when the denominator is 0 (the cut is then 0 too);</li>
 * <li>{@code avg_clustering} = mean over members of the local clustering coefficient in the whole graph
 * ({@link Triangles}, unweighted);</li>
 * <li>{@code internal_triangles} T_in = triangles with all three corners in C;</li>
 * <li>{@code triangle_density} = T_in / (s(s-1)(s-2)/6), 0 when s &lt; 3 (1 for a clique);</li>
 * <li>{@code internal_external_ratio} = W_in / cut(C): +Infinity when C has no outside interaction, NaN when
 * it has no interaction at all;</li>
 * <li>{@code weight_per_pair} = W_in / (s(s-1)/2), the mean interaction weight per member pair, 0 when s &lt; 2;</li>
 * <li>{@code core}: up to {@link CohesionConfig#coreSize()} members with the highest internal weighted degree (sum of
 * w(u,v) over members v), highest first, ties by original id; members with none are left out.</li>
 * </ul>
 * O(n + m) plus one triangle count, O(m sqrt(m)) on {@code threads} threads; results do not depend on the
 * thread count. Filtering by size is the caller's business.
 */
public final class Cohesion {
    private Cohesion() {
    }

    public static List<ClusterCohesion> compute(InteractionGraph g, Communities communities, CohesionConfig config) {
        return compute(g, communities, config, Progress.NONE);
    }

    /** One entry per community, in community order. */
    public static List<ClusterCohesion> compute(InteractionGraph g, Communities communities, CohesionConfig config,
                                                Progress progress) {
        int n = g.nodeCount();
        int[] member = communities.membership();
        if (member.length != n) {
            throw new IllegalArgumentException("partition has " + member.length + " nodes, graph has " + n);
        }
        int k = communities.count();
        Adjacency adj = g.undirected();
        int[] size = communities.sizes();
        long[] edges = new long[k];
        double[] inside = new double[k];
        double[] cut = new double[k];
        double[] volume = new double[k];
        double[] internalDegree = new double[n];
        double totalVolume = 0;
        for (int u = 0; u < n; u++) {
            int c = member[u];
            for (int i = adj.start(u); i < adj.end(u); i++) {
                int v = adj.neighbor(i);
                double w = adj.weight(i);
                volume[c] += w;
                totalVolume += w;
                if (member[v] != c) {
                    cut[c] += w;
                } else {
                    internalDegree[u] += w;
                    if (v > u) {
                        edges[c]++;
                        inside[c] += w;
                    }
                }
            }
        }
        long[] arcs = new long[k];
        long[] answered = new long[k];
        if (g.isDirected()) {
            Adjacency out = g.out();
            for (int u = 0; u < n; u++) {
                for (int e = out.start(u); e < out.end(u); e++) {
                    int v = out.neighbor(e);
                    if (v == u || member[v] != member[u]) continue;
                    arcs[member[u]]++;
                    if (g.isReciprocated(e)) answered[member[u]]++;
                }
            }
        }
        Triangles.Counts triangles = Triangles.count(adj, member, k, config.threads(), progress);
        double[] clusteringSum = new double[k];
        for (int u = 0; u < n; u++) clusteringSum[member[u]] += Triangles.clustering(triangles.atNode()[u], adj.degree(u));
        List<List<String>> cores = cores(g.ids(), member, k, internalDegree, config.coreSize());

        List<ClusterCohesion> result = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            double s = size[c];
            double pairs = s * (s - 1) / 2;
            double triples = pairs * (s - 2) / 3;
            double smallerSide = Math.min(volume[c], totalVolume - volume[c]);
            double reciprocity = !g.isDirected() ? Double.NaN : arcs[c] == 0 ? 0.0 : (double) answered[c] / arcs[c];
            long t = triangles.inCommunity()[c];
            result.add(new ClusterCohesion(c, size[c], edges[c], inside[c], cut[c],
                    s < 2 ? 0.0 : edges[c] / pairs,
                    reciprocity,
                    smallerSide > 0 ? cut[c] / smallerSide : 0.0,
                    clusteringSum[c] / s,
                    t,
                    s < 3 ? 0.0 : t / triples,
                    inside[c] / cut[c],
                    s < 2 ? 0.0 : inside[c] / pairs,
                    cores.get(c)));
        }
        return result;
    }

    /**
     * Top members per community by internal degree, ties by id: members grouped by a counting sort, then one
     * bounded heap reused across communities. O(n log coreSize), no per-community objects besides the lists.
     */
    private static List<List<String>> cores(IdMap ids, int[] member, int k, double[] degree, int coreSize) {
        int[] start = new int[k + 1];
        for (int c : member) start[c + 1]++;
        for (int c = 0; c < k; c++) start[c + 1] += start[c];
        int[] byCommunity = new int[member.length];
        int[] fill = Arrays.copyOf(start, k);
        for (int u = 0; u < member.length; u++) byCommunity[fill[member[u]]++] = u;

        Comparator<Integer> better = Comparator.<Integer>comparingDouble(u -> -degree[u]).thenComparing(ids::id);
        PriorityQueue<Integer> heap = new PriorityQueue<>(better.reversed()); // worst kept member on top
        List<List<String>> cores = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            for (int i = start[c]; i < start[c + 1] && coreSize > 0; i++) {
                int u = byCommunity[i];
                if (degree[u] <= 0) continue;
                if (heap.size() < coreSize) {
                    heap.add(u);
                } else if (degree[u] >= degree[heap.peek()] && better.compare(u, heap.peek()) < 0) {
                    heap.poll();
                    heap.add(u);
                }
            }
            List<Integer> top = new ArrayList<>(heap);
            heap.clear();
            top.sort(better);
            cores.add(top.stream().map(ids::id).toList());
        }
        return cores;
    }
}
