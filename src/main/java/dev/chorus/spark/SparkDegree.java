package dev.chorus.spark;

import dev.chorus.centrality.DegreeConfig;
import dev.chorus.progress.Progress;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.graphx.EdgeContext;
import org.apache.spark.graphx.TripletFields;
import org.apache.spark.graphx.VertexRDD;

/**
 * Weighted degrees with the embedded engine's conventions ({@code dev.chorus.centrality.Degree}, NetworkX's):
 * {in, out, total}; a self-loop adds to both in and out; undirected graphs have in = out = total = degree,
 * a self-loop counted twice; weighted or not as {@link DegreeConfig} says. One {@code aggregateMessages}, O(m).
 */
public final class SparkDegree {
    private SparkDegree() {
    }

    /** {in, out, total} by vertex id; vertices without edges do not occur (every vertex has an edge). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static JavaPairRDD<Long, double[]> compute(SparkGraph sg, DegreeConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("degrees", -1, "")) {
            return degrees(sg, config.weighted());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JavaPairRDD<Long, double[]> degrees(SparkGraph sg, boolean weighted) {
        boolean directed = sg.isDirected();
        VertexRDD<double[]> d = sg.graph().aggregateMessages(Fn.unit((EdgeContext<String, Double, double[]> c) -> {
            double w = weighted ? c.attr() : 1.0;
            if (directed) {
                c.sendToSrc(new double[] {0, w});
                c.sendToDst(new double[] {w, 0});
            } else {
                c.sendToSrc(new double[] {w, w});
                c.sendToDst(new double[] {w, w});
            }
        }), (Fn.F2<double[], double[], double[]>) (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}, TripletFields.EdgeOnly,
                Fn.tag(double[].class));
        JavaPairRDD<Long, double[]> io = (JavaPairRDD) JavaPairRDD.fromJavaRDD(d.toJavaRDD());
        return io.mapValues(a -> directed ? new double[] {a[0], a[1], a[0] + a[1]} : new double[] {a[0], a[0], a[0]});
    }
}
