package dev.chorus.spark;

import dev.chorus.community.ComponentsConfig;
import dev.chorus.progress.Progress;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.ConnectedComponents;

/**
 * Weakly connected components with GraphX's {@code ConnectedComponents} (Pregel, smallest vertex id
 * propagated along edges in both directions until nothing changes: O(diameter) supersteps of O(m) work),
 * numbered like the embedded engine's partitions: by decreasing size, ties by the smallest member.
 */
public final class SparkComponents {
    private SparkComponents() {
    }

    /** Component index by vertex id, 0 = the largest component; weak components only. */
    public static JavaPairRDD<Long, Long> compute(SparkGraph sg, ComponentsConfig config, Progress progress) {
        if (config.kind() != ComponentsConfig.Kind.WEAK) throw new IllegalArgumentException("Spark computes weakly connected components only");
        try (Progress.Task task = progress.begin("components", -1, "")) {
            return weak(sg);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JavaPairRDD<Long, Long> weak(SparkGraph sg) {
        Graph<Object, Double> cc = ConnectedComponents.run(sg.graph(), Fn.tag(String.class), Fn.tag(Double.class));
        JavaPairRDD<Long, Long> labels = (JavaPairRDD) JavaPairRDD.fromJavaRDD(cc.vertices().toJavaRDD());
        return renumberBySize(labels);
    }

    /**
     * Renumbers arbitrary labels 0, 1, ... by decreasing group size, ties by the smaller label, so that the
     * numbering does not depend on partitioning.
     */
    public static JavaPairRDD<Long, Long> renumberBySize(JavaPairRDD<Long, Long> labels) {
        JavaPairRDD<Long, Long> sizes = labels.mapToPair(x -> new scala.Tuple2<>(x._2(), 1L)).reduceByKey(Long::sum);
        JavaPairRDD<Long, Long> index = sizes
                .mapToPair(x -> new scala.Tuple2<>(new scala.Tuple2<>(-x._2(), x._1()), x._1()))
                .sortByKey(new SizeThenLabel())
                .values()
                .zipWithIndex();
        return labels.mapToPair(scala.Tuple2::swap).join(index).mapToPair(x -> new scala.Tuple2<>(x._2()._1(), x._2()._2()));
    }

    private static final class SizeThenLabel implements java.util.Comparator<scala.Tuple2<Long, Long>>, java.io.Serializable {
        @Override
        public int compare(scala.Tuple2<Long, Long> a, scala.Tuple2<Long, Long> b) {
            int c = Long.compare(a._1(), b._1());
            return c != 0 ? c : Long.compare(a._2(), b._2());
        }
    }
}
