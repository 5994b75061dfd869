package dev.chorus.spark;

import dev.chorus.centrality.PageRankConfig;
import dev.chorus.progress.Progress;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.EdgeContext;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.TripletFields;
import org.apache.spark.graphx.VertexRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Option;
import scala.Tuple2;

/**
 * Weighted PageRank on GraphX with the embedded engine's conventions ({@code dev.chorus.centrality.PageRank},
 * NetworkX's): a walker at u follows u -> v with probability w(u,v) / out-weight(u); a node with no out-weight
 * is dangling and its mass is spread uniformly; restart 1 - damping uniformly; start uniform; stop when
 * {@code sum |x' - x| < n * tolerance} or after {@code maxIterations}; undirected graphs walk both directions
 * of every edge (a self-loop once). Same iterates as the embedded engine, so the scores agree to rounding.
 * <p>
 * GraphX's own {@code PageRank} is not used: it is unweighted and handles dangling nodes differently. Each
 * iteration is one {@code aggregateMessages} (ships ranks to edge partitions, O(m) work) plus one pass over
 * the vertices for the change and the dangling mass (one Spark job). Of {@link PageRankConfig}, damping,
 * maxIterations and tolerance apply; the walk is weighted and not personalized, and Spark's partitions, not
 * {@code threads}, set the parallelism.
 */
public final class SparkPageRank {
    private SparkPageRank() {
    }

    /**
     * @param scores     by GraphX vertex id, summing to 1
     * @param iterations power iterations run
     * @param converged  whether the change fell below the tolerance before {@code maxIterations}
     */
    public record Result(JavaPairRDD<Long, Double> scores, int iterations, boolean converged) {
    }

    /** Reports iterations done to {@code progress}. */
    public static Result compute(SparkGraph sg, PageRankConfig config, Progress progress) {
        if (!config.weighted() || !config.personalize().isEmpty()) {
            throw new IllegalArgumentException("Spark PageRank is weighted and not personalized");
        }
        double damping = config.damping();
        double tolerance = config.tolerance();
        int maxIterations = config.maxIterations();
        long n = sg.nodeCount();
        Graph<String, Double> g = sg.graph();
        Graph<String, Double> arcs = g;
        if (!sg.isDirected()) {
            JavaRDD<Edge<Double>> both = g.edges().toJavaRDD().flatMap(e -> e.srcId() == e.dstId()
                    ? java.util.List.of(e).iterator()
                    : java.util.List.of(e, new Edge<>(e.dstId(), e.srcId(), e.attr())).iterator());
            arcs = Graph.apply(g.vertices(), both.rdd(), "", StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK(),
                    Fn.tag(String.class), Fn.tag(Double.class));
        }
        VertexRDD<Double> outWeight = arcs.aggregateMessages(
                Fn.unit((EdgeContext<String, Double, Double> c) -> c.sendToSrc(c.attr())), (Fn.F2<Double, Double, Double>) Double::sum,
                TripletFields.EdgeOnly, Fn.tag(Double.class));
        // vertex: {rank, 1 if dangling, previous rank}; edge: transition probability w / out-weight(source)
        Fn.F3<Object, String, Option<Double>, double[]> init = (id, name, w) -> {
            boolean dangling = w.isEmpty() || !(w.get() > 0);
            return new double[] {1.0 / n, dangling ? 1 : 0, 0, dangling ? 0 : 1.0 / w.get()};
        };
        Graph<double[], Double> start = arcs.outerJoinVertices(outWeight.toJavaRDD().rdd(), init,
                Fn.tag(Double.class), Fn.tag(double[].class), null);
        Graph<double[], Double> rg = start.mapTriplets((Fn.F1<org.apache.spark.graphx.EdgeTriplet<double[], Double>, Double>) t -> t.attr() * t.srcAttr()[3],
                Fn.tag(Double.class)).mapVertices((Fn.F2<Object, double[], double[]>) (id, a) -> new double[] {a[0], a[1], a[2]},
                Fn.tag(double[].class), null);
        rg.cache();
        // every round's vertices go over these edges, which carry the transition probabilities
        Graph<double[], Double> walk = rg;
        double dangling = danglingAndChange(rg)._1();
        int iterations = 0;
        boolean converged = false;
        try (Progress.Task task = progress.begin("pagerank", maxIterations, "iterations")) {
            while (iterations < maxIterations) {
                VertexRDD<Double> in = rg.aggregateMessages(
                        Fn.unit((EdgeContext<double[], Double, Double> c) -> c.sendToDst(c.srcAttr()[0] * c.attr())),
                        (Fn.F2<Double, Double, Double>) Double::sum, TripletFields.Src, Fn.tag(Double.class));
                double base = (damping * dangling + (1 - damping)) / n;
                Fn.F3<Object, double[], Option<Double>, double[]> update = (id, a, sum) ->
                        new double[] {damping * (sum.isEmpty() ? 0.0 : sum.get()) + base, a[1], a[0]};
                Graph<double[], Double> next = SparkGraph.round(rg.vertices().leftJoin(in, update, Fn.tag(Double.class), Fn.tag(double[].class)),
                        walk, double[].class, iterations + 1);
                Tuple2<Double, Double> dc = danglingAndChange(next);
                if (rg == walk) rg.vertices().unpersist(false);
                else SparkGraph.release(rg);
                rg = next;
                dangling = dc._1();
                iterations++;
                task.stepTo(iterations);
                if (dc._2() < n * tolerance) {
                    converged = true;
                    break;
                }
            }
        }
        if (rg != walk) walk.edges().unpersist(false);
        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaPairRDD<Long, double[]> v = (JavaPairRDD) JavaPairRDD.fromJavaRDD(rg.vertices().toJavaRDD());
        return new Result(v.mapValues(a -> a[0]), iterations, converged);
    }

    /** (dangling mass, L1 change from the previous iterate), in one pass. */
    private static Tuple2<Double, Double> danglingAndChange(Graph<double[], Double> g) {
        double[] r = g.vertices().toJavaRDD().map(x -> {
            double[] a = x._2();
            return new double[] {a[1] * a[0], Math.abs(a[0] - a[2])};
        }).reduce((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        return new Tuple2<>(r[0], r[1]);
    }
}
