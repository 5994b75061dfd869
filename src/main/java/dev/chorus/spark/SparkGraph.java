package dev.chorus.spark;

import java.util.Arrays;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.VertexRDD;
import org.apache.spark.graphx.impl.GraphImpl;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The interaction graph as a GraphX graph: vertices carry the original id, edges the summed interaction
 * weight, one edge per aggregated (source, target) pair (per unordered pair for undirected inputs). On typed input
 * the typed pairs' row counts per layer come along ({@link #layerArcs}), from which each {@link #layer} is built.
 * <p>
 * Vertex ids: when every id is a canonical decimal number (SNAP data) it is its own GraphX id, which saves two
 * joins over the edges; otherwise ids are numbered with {@code zipWithIndex}. Never hashed: at a billion nodes
 * 64-bit hashes collide with a few percent probability, and one collision would merge two people.
 */
public final class SparkGraph {
    private final Graph<String, Double> graph;
    private final boolean directed;
    private final long nodeCount;
    private final JavaRDD<Edge<double[]>> layers;
    private Graph<String, Double> undirected;

    private SparkGraph(Graph<String, Double> graph, boolean directed, JavaRDD<Edge<double[]>> layers) {
        this.graph = graph;
        this.directed = directed;
        this.nodeCount = graph.vertices().count();
        this.layers = layers;
    }

    /** Builds the graph from aggregated edges ({@link SparkInput.Result#edges()}), without interaction types. */
    public static SparkGraph of(JavaPairRDD<Tuple2<String, String>, Double> edges, boolean directed) {
        return of(edges, null, directed);
    }

    /**
     * @param layers the typed pairs' row counts per layer ({@link SparkInput.Result#layers()}); null: untyped input,
     *               no {@link #layer}s
     */
    public static SparkGraph of(JavaPairRDD<Tuple2<String, String>, Double> edges, JavaPairRDD<Tuple2<String, String>, double[]> layers,
                                boolean directed) {
        JavaRDD<String> ids = edges.keys().flatMap(k -> Arrays.asList(k._1(), k._2()).iterator()).distinct();
        JavaPairRDD<Long, String> vertices;
        JavaPairRDD<String, Long> index = null;
        if (ids.filter(id -> !numeric(id)).isEmpty()) {
            vertices = ids.mapToPair(id -> new Tuple2<>(Long.parseLong(id), id));
        } else {
            // kept: the vertices and every join below must see one numbering
            index = ids.zipWithIndex().persist(StorageLevel.MEMORY_AND_DISK());
            vertices = index.mapToPair(Tuple2::swap);
        }
        JavaRDD<Edge<double[]>> typed = layers == null ? null : byVertex(layers, index).persist(StorageLevel.MEMORY_AND_DISK());
        return new SparkGraph(build(vertices, byVertex(edges, index)), directed, typed);
    }

    /** Pairs of original ids as edges between vertex ids: the ids themselves when numeric ({@code index} null), else by index. */
    private static <A> JavaRDD<Edge<A>> byVertex(JavaPairRDD<Tuple2<String, String>, A> pairs, JavaPairRDD<String, Long> index) {
        if (index == null) return pairs.map(e -> new Edge<>(Long.parseLong(e._1()._1()), Long.parseLong(e._1()._2()), e._2()));
        JavaPairRDD<String, Tuple2<String, A>> bySource = pairs.mapToPair(e -> new Tuple2<>(e._1()._1(), new Tuple2<>(e._1()._2(), e._2())));
        return bySource.join(index)
                .mapToPair(x -> new Tuple2<>(x._2()._1()._1(), new Tuple2<>(x._2()._2(), x._2()._1()._2())))
                .join(index)
                .map(x -> new Edge<>(x._2()._1()._1(), x._2()._2(), x._2()._1()._2()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Graph<String, Double> build(JavaPairRDD<Long, String> vertices, JavaRDD<Edge<Double>> edges) {
        Graph<String, Double> g = Graph.apply((org.apache.spark.rdd.RDD) vertices.rdd(), edges.rdd(), "",
                StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK(), Fn.tag(String.class), Fn.tag(Double.class));
        g.cache();
        return g;
    }

    /** A canonical decimal long: what {@code Long.toString} gives back, so the id survives the round trip. */
    static boolean numeric(String s) {
        int n = s.length();
        if (n == 0 || n > 19) return false;
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == n || (s.charAt(i) == '0' && n > i + 1) || (i == 1 && s.charAt(1) == '0')) return false;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') return false;
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Rounds between two reliable checkpoints of an iterative kernel's vertices (with a checkpoint directory set). */
    static final int CHECKPOINT_EVERY = 5;

    /**
     * Round {@code round}'s graph of an iterative kernel: its vertices over {@code base}'s edges, both kept; every
     * {@link #CHECKPOINT_EVERY} rounds, when the context has a checkpoint directory, the vertices are written there.
     * <p>
     * Why not GraphX's own {@code outerJoinVertices}: it puts the new vertices over the previous graph's edges as
     * they were last used, i.e. zipped with the vertex attributes shipped to them, so round k's edges are computed
     * from round k - 1's, and so on back to the first. The rounds before are unpersisted, so when an executor dies
     * Spark walks back through every round, resubmitting each round's lost shuffle one stage after the other: in
     * {@code SparkClusterTest} a Worker killed after PageRank left the survivor recomputing this chain for more
     * than 5 minutes (replicating the vertices in memory did not help: the edges and the shuffle outputs were
     * still lost). Over the base edges, a round's graph depends on the previous vertices only, which the
     * checkpoint cuts, so a lost executor costs at most {@link #CHECKPOINT_EVERY} rounds.
     */
    static <VD> Graph<VD, Double> round(VertexRDD<VD> vertices, Graph<?, Double> base, Class<?> vd, int round) {
        Graph<VD, Double> g = over(vertices, base, vd);
        if (round % CHECKPOINT_EVERY == 0 && g.vertices().context().getCheckpointDir().isDefined()) {
            g.vertices().checkpoint();
            g.vertices().count();
        }
        return g;
    }

    /**
     * {@code vertices} (derived from {@code base}'s, so routed alike) over {@code base}'s edges; both persisted, at
     * the levels of the graphs they come from (GraphImpl.apply's doing); see {@link #round} for why not
     * {@code outerJoinVertices} or {@code mapVertices}.
     */
    static <VD> Graph<VD, Double> over(VertexRDD<VD> vertices, Graph<?, Double> base, Class<?> vd) {
        return GraphImpl.apply(vertices, base.edges(), Fn.tag(vd), Fn.tag(Double.class));
    }

    /** Unpersists a graph made by {@link #round} or {@link #over}: its vertices and its copy of the base edges. */
    static void release(Graph<?, ?> round) {
        round.vertices().unpersist(false);
        round.edges().unpersist(false);
    }

    /** Vertices: original id; edges: summed weight (arcs when directed). */
    public Graph<String, Double> graph() {
        return graph;
    }

    public boolean isDirected() {
        return directed;
    }

    public long nodeCount() {
        return nodeCount;
    }

    /**
     * The undirected simple view, as the embedded {@code InteractionGraph.undirected()}: one edge per unordered
     * pair {u, v} with u &lt; v, weight w(u->v) + w(v->u), self-loops dropped.
     */
    public synchronized Graph<String, Double> undirected() {
        if (undirected == null) {
            JavaRDD<Edge<Double>> pairs = graph.edges().toJavaRDD()
                    .filter(e -> e.srcId() != e.dstId())
                    .mapToPair(e -> new Tuple2<>(new Tuple2<>(Math.min(e.srcId(), e.dstId()), Math.max(e.srcId(), e.dstId())), e.attr()))
                    .reduceByKey(Double::sum)
                    .map(x -> new Edge<>(x._1()._1(), x._1()._2(), x._2()));
            @SuppressWarnings({"unchecked", "rawtypes"})
            JavaPairRDD<Long, String> vertices = (JavaPairRDD) JavaPairRDD.fromJavaRDD(graph.vertices().toJavaRDD());
            undirected = build(vertices, pairs);
        }
        return undirected;
    }

    /** Whether the rows carried interaction types, so that {@link #layer}s exist. */
    public boolean typed() {
        return layers != null;
    }

    /**
     * The typed arcs (as the graph's edges: per unordered pair when undirected) with their row counts per layer,
     * indexed as {@link SparkLayers#SPREAD} and the others; only on {@link #typed()} graphs.
     */
    JavaRDD<Edge<double[]>> layerArcs() {
        if (layers == null) throw new IllegalStateException("untyped graph: no layers");
        return layers;
    }

    /**
     * One layer as a graph of its own, as the embedded {@code LayerGraph}: the same vertices, an edge wherever the
     * layer has rows, weighted by how many. Unpersist its {@link #graph()} when done.
     *
     * @param count {@link SparkLayers#SPREAD} or {@link SparkLayers#TALK}
     */
    SparkGraph layer(int count) {
        JavaRDD<Edge<Double>> arcs = layerArcs().filter(e -> e.attr()[count] > 0).map(e -> new Edge<>(e.srcId(), e.dstId(), e.attr()[count]));
        return new SparkGraph(build(ids(), arcs), directed, null);
    }

    /** (vertex id, original id). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public JavaPairRDD<Long, String> ids() {
        return (JavaPairRDD) JavaPairRDD.fromJavaRDD(graph.vertices().toJavaRDD());
    }
}
