package dev.chorus.spark;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.TriangleCount;

/**
 * Triangles at each node with GraphX's {@code TriangleCount} (neighbour-set intersection along every edge,
 * O(m sqrt m) work) and the local clustering coefficient, with the embedded {@code Triangles}' conventions: the
 * undirected simple graph, clustering = 2 t(u) / (d(u) (d(u) - 1)) with d(u) distinct neighbours, 0 when d(u) &lt; 2.
 */
public final class SparkTriangles {
    private SparkTriangles() {
    }

    /** {triangles, clustering} by vertex id. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static JavaPairRDD<Long, double[]> compute(SparkGraph sg) {
        Graph<String, Double> u = sg.undirected();
        Graph<Object, Double> t = TriangleCount.run(u, Fn.tag(String.class), Fn.tag(Double.class));
        JavaPairRDD<Long, Integer> counts = (JavaPairRDD) JavaPairRDD.fromJavaRDD(t.vertices().toJavaRDD());
        JavaPairRDD<Long, Integer> degree = (JavaPairRDD) JavaPairRDD.fromJavaRDD(u.ops().degrees().toJavaRDD());
        return counts.leftOuterJoin(degree).mapValues(x -> {
            long d = x._2().orElse(0);
            double tri = x._1();
            return new double[] {tri, d < 2 ? 0.0 : 2.0 * tri / (d * (double) (d - 1))};
        });
    }

}
