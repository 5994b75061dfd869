package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.progress.Progress;
import dev.chorus.graph.TopNodes;
import dev.chorus.parallel.Futures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
        return compute(g, List.of(communities), config, progress).get(0);
    }

    /**
     * The cohesion of several partitions of {@code g} (the analysis has two: communities and clusters), each as
     * {@link #compute(InteractionGraph, Communities, CohesionConfig, Progress)} gives it. The triangles are
     * enumerated once for all of them, and each partition's sums, one sequential pass over the arcs, run on a
     * thread of their own beside the triangle count.
     */
    public static List<List<ClusterCohesion>> compute(InteractionGraph g, List<Communities> partitions, CohesionConfig config,
                                                      Progress progress) {
        return withTriangles(g, partitions, config, progress).cohesion();
    }

    /**
     * @param cohesion  per partition, as {@link #compute(InteractionGraph, List, CohesionConfig, Progress)} gives it
     * @param triangles {@link Triangles}' columns ({@code triangles}, {@code clustering}), from the same enumeration
     */
    public record WithTriangles(List<List<ClusterCohesion>> cohesion, NodeScores triangles) {
    }

    /**
     * As {@link #compute(InteractionGraph, List, CohesionConfig, Progress)}, with the per-node triangles the count
     * finds anyway: the analysis reads its {@code clustering} column from here instead of enumerating the
     * triangles a second time.
     */
    public static WithTriangles withTriangles(InteractionGraph g, List<Communities> partitions, CohesionConfig config,
                                              Progress progress) {
        int n = g.nodeCount();
        for (Communities c : partitions) {
            if (c.membership().length != n) {
                throw new IllegalArgumentException("partition has " + c.membership().length + " nodes, graph has " + n);
            }
        }
        Adjacency adj = g.undirected();
        int threads = config.threads();
        ExecutorService pool = threads > 1 ? Futures.daemonPool(Math.min(threads, partitions.size()), "cohesion") : null;
        try {
            List<Future<Sums>> pending = new ArrayList<>();
            List<Sums> done = new ArrayList<>();
            for (Communities c : partitions) {
                if (pool == null) done.add(new Sums(g, adj, c, config.coreSize()));
                else pending.add(pool.submit(() -> new Sums(g, adj, c, config.coreSize())));
            }
            int[][] memberships = partitions.stream().map(Communities::membership).toArray(int[][]::new);
            int[] counts = partitions.stream().mapToInt(Communities::count).toArray();
            Triangles.Counts triangles = Triangles.count(adj, memberships, counts, threads, progress);
            for (Future<Sums> f : pending) done.add(Futures.join(f));
            List<List<ClusterCohesion>> result = new ArrayList<>(partitions.size());
            for (int p = 0; p < partitions.size(); p++) {
                result.add(done.get(p).cohesion(g, adj, partitions.get(p), triangles.atNode(), triangles.inCommunity()[p]));
            }
            return new WithTriangles(result, Triangles.scores(g, triangles.atNode()));
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** A partition's sums over its arcs and its cores: everything but the triangles. O(n + m). */
    private static final class Sums {
        final long[] edges;
        final double[] inside;
        final double[] cut;
        final double[] volume;
        final double totalVolume;
        final long[] arcs;
        final long[] answered;
        final List<List<String>> cores;

        Sums(InteractionGraph g, Adjacency adj, Communities communities, int coreSize) {
            int n = g.nodeCount();
            int[] member = communities.membership();
            int k = communities.count();
            edges = new long[k];
            inside = new double[k];
            cut = new double[k];
            volume = new double[k];
            double[] internalDegree = new double[n];
            double total = 0;
            for (int u = 0; u < n; u++) {
                int c = member[u];
                for (int i = adj.start(u); i < adj.end(u); i++) {
                    int v = adj.neighbor(i);
                    double w = adj.weight(i);
                    volume[c] += w;
                    total += w;
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
            totalVolume = total;
            arcs = new long[k];
            answered = new long[k];
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
            cores = cores(g.ids(), member, k, internalDegree, coreSize);
        }

        List<ClusterCohesion> cohesion(InteractionGraph g, Adjacency adj, Communities communities, long[] atNode, long[] inCommunity) {
            int[] member = communities.membership();
            int k = communities.count();
            int[] size = communities.sizes();
            double[] clusteringSum = new double[k];
            for (int u = 0; u < member.length; u++) clusteringSum[member[u]] += Triangles.clustering(atNode[u], adj.degree(u));
            List<ClusterCohesion> result = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                double s = size[c];
                double pairs = s * (s - 1) / 2;
                double triples = pairs * (s - 2) / 3;
                double smallerSide = Math.min(volume[c], totalVolume - volume[c]);
                double reciprocity = !g.isDirected() ? Double.NaN : arcs[c] == 0 ? 0.0 : (double) answered[c] / arcs[c];
                long t = inCommunity[c];
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
    }

    /**
     * Top members per community by internal degree, ties by id ({@link TopNodes}): members grouped by a counting
     * sort, then a bounded heap per community. O(n log coreSize).
     */
    private static List<List<String>> cores(IdMap ids, int[] member, int k, double[] degree, int coreSize) {
        int[] start = new int[k + 1];
        for (int c : member) start[c + 1]++;
        for (int c = 0; c < k; c++) start[c + 1] += start[c];
        int[] byCommunity = new int[member.length];
        int[] fill = Arrays.copyOf(start, k);
        for (int u = 0; u < member.length; u++) byCommunity[fill[member[u]]++] = u;

        List<List<String>> cores = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int[] top = TopNodes.of(byCommunity, start[c], start[c + 1], u -> !(degree[u] <= 0), degree, ids, coreSize);
            List<String> core = new ArrayList<>(top.length);
            for (int u : top) core.add(ids.id(u));
            cores.add(core);
        }
        return cores;
    }
}
