package dev.chorus.spark;

import dev.chorus.analysis.Goal;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.LayerGraph;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The whole graph in one compact, canonical form, for the computations Spark distributes over work items rather
 * than over the graph (betweenness sources, Monte Carlo runs): broadcast once, every executor builds the embedded
 * {@link InteractionGraph} from it once and runs the embedded kernels on it.
 * <p>
 * Canonical: nodes sorted by GraphX vertex id, arcs by (source, target) position, so the built graph, its node
 * numbering and therefore every result are the same whatever the partitioning of the RDDs it came from. Memory:
 * about 16 bytes per arc and 60 per node here, plus the built graph (about 40 bytes per arc) per executor.
 * <p>
 * When the seeding experiment runs on typed input it also carries each arc's rows of every goal's layer, so that
 * each model can run on its goal's layer ({@link #graph(Broadcast, Goal)}) as the embedded engine does: 8 more bytes
 * per arc here, and per executor each layer asked for, built once from the built graph by {@link LayerGraph}.
 *
 * @param vertices  GraphX vertex ids, ascending
 * @param ids       original ids, parallel to {@code vertices}: node {@code i} of this graph
 * @param src       arc sources, positions in {@code vertices}
 * @param layerRows when collected ({@link #collect}), per {@link Goal} (by ordinal) the rows of its layer on each arc,
 *                  parallel to {@code src}; else null
 */
record SparkLocalGraph(long[] vertices, String[] ids, int[] src, int[] dst, double[] weight, boolean directed, int[][] layerRows)
        implements Serializable {
    /** Built graphs by broadcast id: tasks on one executor share one (the graph is read-only). */
    private static final Map<Long, Built> BUILT = new ConcurrentHashMap<>();

    /** The built graph, per node of this graph its index there, and the goals' layers built from it so far. */
    record Built(InteractionGraph graph, int[] index, Map<Goal, InteractionGraph> layers) {
    }

    /**
     * Collects {@code g}'s arcs as primitive arrays (one array triple per partition, not one object per arc).
     *
     * @param layers whether to collect the layers' rows too (a {@link SparkGraph#typed()} graph): only the seeding
     *               experiment on the layers reads them
     */
    static SparkLocalGraph collect(SparkGraph g, boolean layers) {
        List<Tuple2<Long, String>> names = new ArrayList<>(g.ids().collect());
        names.sort((a, b) -> Long.compare(a._1(), b._1()));
        long[] vertices = new long[names.size()];
        String[] ids = new String[names.size()];
        for (int i = 0; i < ids.length; i++) {
            vertices[i] = names.get(i)._1();
            ids[i] = names.get(i)._2();
        }
        List<Object[]> parts = g.graph().edges().toJavaRDD().mapPartitions(it -> {
            long[] s = new long[1024];
            long[] d = new long[1024];
            double[] w = new double[1024];
            int k = 0;
            while (it.hasNext()) {
                var e = it.next();
                if (k == s.length) {
                    s = Arrays.copyOf(s, 2 * k);
                    d = Arrays.copyOf(d, 2 * k);
                    w = Arrays.copyOf(w, 2 * k);
                }
                s[k] = e.srcId();
                d[k] = e.dstId();
                w[k++] = e.attr();
            }
            return List.<Object[]>of(new Object[] {Arrays.copyOf(s, k), Arrays.copyOf(d, k), Arrays.copyOf(w, k)}).iterator();
        }).collect();
        int m = 0;
        for (Object[] p : parts) m += ((long[]) p[0]).length;
        long n = vertices.length;
        long[] key = new long[m];
        double[] byArc = new double[m];
        int k = 0;
        for (Object[] p : parts) {
            long[] s = (long[]) p[0];
            long[] d = (long[]) p[1];
            double[] w = (double[]) p[2];
            for (int i = 0; i < s.length; i++, k++) {
                key[k] = Arrays.binarySearch(vertices, s[i]) * n + Arrays.binarySearch(vertices, d[i]);
                byArc[k] = w[i];
            }
        }
        // arcs are unique per (source, target): sort the keys, then put each weight at its key's place
        long[] sorted = key.clone();
        Arrays.sort(sorted);
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] weight = new double[m];
        for (int i = 0; i < m; i++) {
            src[i] = (int) (sorted[i] / n);
            dst[i] = (int) (sorted[i] % n);
            weight[Arrays.binarySearch(sorted, key[i])] = byArc[i];
        }
        return new SparkLocalGraph(vertices, ids, src, dst, weight, g.isDirected(), layers ? layerRows(g, vertices, sorted) : null);
    }

    /**
     * Each goal's layer rows on the arcs ({@link SparkLayers#of}), from the typed pairs' counts, collected as
     * primitive arrays per partition; an arc without typed rows has none.
     *
     * @param keys the arcs' keys, source position * n + target position, ascending
     */
    private static int[][] layerRows(SparkGraph g, long[] vertices, long[] keys) {
        int[] counts = Arrays.stream(Goal.values()).mapToInt(SparkLayers::of).toArray();
        List<Object[]> parts = g.layerArcs().mapPartitions(it -> {
            long[] s = new long[1024];
            long[] d = new long[1024];
            int[][] r = new int[counts.length][1024];
            int k = 0;
            while (it.hasNext()) {
                var e = it.next();
                if (k == s.length) {
                    s = Arrays.copyOf(s, 2 * k);
                    d = Arrays.copyOf(d, 2 * k);
                    for (int c = 0; c < counts.length; c++) r[c] = Arrays.copyOf(r[c], 2 * k);
                }
                s[k] = e.srcId();
                d[k] = e.dstId();
                for (int c = 0; c < counts.length; c++) r[c][k] = (int) e.attr()[counts[c]];
                k++;
            }
            int[][] rows = new int[counts.length][];
            for (int c = 0; c < counts.length; c++) rows[c] = Arrays.copyOf(r[c], k);
            return List.<Object[]>of(new Object[] {Arrays.copyOf(s, k), Arrays.copyOf(d, k), rows}).iterator();
        }).collect();
        long n = vertices.length;
        int[][] out = new int[counts.length][keys.length];
        for (Object[] p : parts) {
            long[] s = (long[]) p[0];
            long[] d = (long[]) p[1];
            int[][] rows = (int[][]) p[2];
            for (int i = 0; i < s.length; i++) {
                // the typed pairs are the graph's own pairs, in the same orientation (SparkInput keys both alike)
                int arc = Arrays.binarySearch(keys, Arrays.binarySearch(vertices, s[i]) * n + Arrays.binarySearch(vertices, d[i]));
                for (int c = 0; c < counts.length; c++) out[c][arc] = rows[c][i];
            }
        }
        return out;
    }

    /** The embedded graph of {@code b}, built once per JVM and reused by every task there. */
    static synchronized Built built(Broadcast<SparkLocalGraph> b) {
        // one graph per JVM at a time: an executor that outlives the job does not keep old graphs
        if (!BUILT.containsKey(b.id())) BUILT.clear();
        return BUILT.computeIfAbsent(b.id(), id -> b.value().build());
    }

    /**
     * The graph a model runs on: the whole built graph, or with {@code layer} the layer of that goal, built once per
     * JVM ({@link #layer}) and numbered as the whole graph.
     *
     * @param layer a goal, or null for the whole graph; a goal only when the layers' rows were collected
     */
    static InteractionGraph graph(Broadcast<SparkLocalGraph> b, Goal layer) {
        Built built = built(b);
        return layer == null ? built.graph() : built.layers().computeIfAbsent(layer, goal -> b.value().layer(built, goal));
    }

    /** Releases the broadcast and this JVM's copy of the built graph. */
    static synchronized void release(Broadcast<SparkLocalGraph> b) {
        BUILT.remove(b.id());
        b.destroy();
    }

    /** @param layers as {@link #collect} */
    static Broadcast<SparkLocalGraph> broadcast(JavaSparkContext sc, SparkGraph g, boolean layers) {
        return sc.broadcast(collect(g, layers));
    }

    /** Arcs added in canonical order, then the node index map. */
    Built build() {
        GraphBuilder b = new GraphBuilder(directed);
        for (int i = 0; i < src.length; i++) b.add(ids[src[i]], ids[dst[i]], weight[i]);
        InteractionGraph g = b.build();
        int[] index = new int[ids.length];
        for (int i = 0; i < ids.length; i++) index[i] = g.ids().index(ids[i]);
        return new Built(g, index, new ConcurrentHashMap<>());
    }

    /**
     * {@link LayerGraph} of {@code goal} on the built graph, each built arc given the rows of its arc here (an
     * undirected graph's two arcs of a pair share the pair's, which is kept in one orientation). O(m log m).
     */
    private InteractionGraph layer(Built b, Goal goal) {
        if (layerRows == null) throw new IllegalStateException("untyped graph: no layers");
        InteractionGraph g = b.graph();
        int n = ids.length;
        int[] position = new int[n];
        for (int i = 0; i < n; i++) position[b.index()[i]] = i;
        // src and dst come from keys sorted ascending, so these are ascending too
        long[] keys = new long[src.length];
        for (int i = 0; i < keys.length; i++) keys[i] = (long) src[i] * n + dst[i];
        int[] rows = layerRows[goal.ordinal()];
        Adjacency out = g.out();
        long[] byArc = new long[out.size()];
        for (int u = 0; u < n; u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                long from = position[u];
                long to = position[out.neighbor(e)];
                int arc = Arrays.binarySearch(keys, from * n + to);
                if (arc < 0 && !directed) arc = Arrays.binarySearch(keys, to * n + from);
                byArc[e] = rows[arc];
            }
        }
        return LayerGraph.of(g, e -> byArc[e]);
    }

    /** Position of original id {@code id}, or -1. */
    int position(String id) {
        for (int i = 0; i < ids.length; i++) if (ids[i].equals(id)) return i;
        return -1;
    }
}
