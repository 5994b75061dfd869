package dev.chorus.spark;

import dev.chorus.community.TrianglesConfig;
import dev.chorus.progress.Progress;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.TriangleCount;

/**
 * Triangles at each node with GraphX's {@code TriangleCount} (neighbour-set intersection along every edge,
 * O(m sqrt m) work) and the local clustering coefficient, with the embedded {@code Triangles}' conventions: the
 * undirected simple graph, clustering = 2 t(u) / (d(u) (d(u) - 1)) with d(u) distinct neighbours, 0 when d(u) &lt; 2.
 * {@link TrianglesConfig#threads()} does not apply: Spark's partitions set the parallelism.
 */
public final class SparkTriangles {
    private SparkTriangles() {
    }

    /** {triangles, clustering} by vertex id. */
    public static JavaPairRDD<Long, double[]> compute(SparkGraph sg, TrianglesConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("triangles and clustering", -1, "")) {
            return count(sg);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JavaPairRDD<Long, double[]> count(SparkGraph sg) {
        Graph<String, Double> u = sg.undirected();
        // the undirected view is already canonical (one edge per pair, source < target, no loops): run() would
        // canonicalize it again with a shuffle of every edge
        Graph<Object, Double> t = TriangleCount.runPreCanonicalized(u, Fn.tag(String.class), Fn.tag(Double.class));
        JavaPairRDD<Long, Integer> counts = (JavaPairRDD) JavaPairRDD.fromJavaRDD(t.vertices().toJavaRDD());
        JavaPairRDD<Long, Integer> degree = (JavaPairRDD) JavaPairRDD.fromJavaRDD(u.ops().degrees().toJavaRDD());
        return counts.leftOuterJoin(degree).mapValues(x -> {
            long d = x._2().orElse(0);
            double tri = x._1();
            return new double[] {tri, d < 2 ? 0.0 : 2.0 * tri / (d * (double) (d - 1))};
        });
    }

}
