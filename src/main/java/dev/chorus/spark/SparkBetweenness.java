package dev.chorus.spark;

import dev.chorus.centrality.Betweenness;
import dev.chorus.centrality.BetweennessConfig;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Sampled (or exact) shortest-path betweenness on Spark, distributed over sources: Brandes' algorithm (Brandes
 * 2001, doi:10.1080/0022250X.2001.9990249) with the sampled estimate of Brandes &amp; Pich (2007,
 * doi:10.1142/S0218127407018403), as {@link Betweenness}, whose conventions (scaling, halving, weights) and
 * per-source kernels this runs. The graph is broadcast once ({@link SparkLocalGraph}); the sources, in batches of
 * {@link Betweenness#dependencies}' width, are spread over tasks; each task sums its sources' dependencies into
 * one array of n doubles; the driver adds the task arrays in task order and scales.
 * <p>
 * Sources: {@link Betweenness#sources} drawn on the canonical node order (vertex id order), i.e. the embedded
 * draw for a graph numbered that way; {@link #compute(JavaSparkContext, Broadcast, String[], BetweennessConfig, int,
 * Progress)} takes them explicitly, so that a run can use exactly an embedded run's sources. Cost: O(K m) work over
 * the tasks for K sources (unweighted), O(n) memory per task and per task result on the driver, and the graph in
 * every executor. The result depends on the partition count only through floating-point summation order.
 */
public final class SparkBetweenness {
    private SparkBetweenness() {
    }

    /** Betweenness of every vertex, by GraphX vertex id, with the sources {@code config} draws (samples 0 = exact). */
    public static JavaPairRDD<Long, Double> compute(JavaSparkContext sc, SparkGraph g, Broadcast<SparkLocalGraph> graph,
                                                    BetweennessConfig config, int partitions, Progress progress) {
        int[] sources = Betweenness.sources(graph.value().ids().length, config);
        return scores(sc, g, graph, run(sc, graph, sources, config, partitions, progress));
    }

    /** Betweenness by node of the local graph's canonical order, from the given sources (original ids). */
    public static double[] compute(JavaSparkContext sc, Broadcast<SparkLocalGraph> graph, String[] sourceIds, BetweennessConfig config,
                                   int partitions, Progress progress) {
        int[] sources = new int[sourceIds.length];
        java.util.Map<String, Integer> at = new java.util.HashMap<>();
        String[] ids = graph.value().ids();
        for (int i = 0; i < ids.length; i++) at.put(ids[i], i);
        for (int i = 0; i < sources.length; i++) {
            Integer p = at.get(sourceIds[i]);
            if (p == null) throw new IllegalArgumentException("source '" + sourceIds[i] + "' is not a node of the graph");
            sources[i] = p;
        }
        return run(sc, graph, sources, config, partitions, progress);
    }

    private static double[] run(JavaSparkContext sc, Broadcast<SparkLocalGraph> graph, int[] sources, BetweennessConfig config,
                                int partitions, Progress progress) {
        SparkLocalGraph lg = graph.value();
        int n = lg.ids().length;
        boolean weighted = config.weighted();
        List<Integer> positions = new ArrayList<>(sources.length);
        for (int s : sources) positions.add(s);
        int tasks = Math.max(1, Math.min(partitions, sources.length));
        List<double[]> partial;
        try (Progress.Task task = progress.begin("betweenness", sources.length, "sources")) {
            partial = sc.parallelize(positions, tasks).mapPartitions(it -> {
                SparkLocalGraph.Built b = SparkLocalGraph.built(graph);
                int[] local = new int[sources.length];
                int k = 0;
                while (it.hasNext()) local[k++] = b.index()[it.next()];
                double[] acc = Betweenness.dependencies(b.graph(), Arrays.copyOf(local, k), weighted);
                double[] byPosition = new double[b.index().length];
                for (int i = 0; i < byPosition.length; i++) byPosition[i] = acc[b.index()[i]];
                return List.of(byPosition).iterator();
            }).collect();
            task.stepTo(sources.length);
        }
        double[] total = new double[n];
        for (double[] p : partial) for (int v = 0; v < n; v++) total[v] += p[v];
        double scale = Betweenness.scale(n, sources.length, lg.directed(), config.normalized());
        for (int v = 0; v < n; v++) total[v] *= scale;
        return total;
    }

    /** The canonical-order array as a column by vertex id (vertex ids are sorted: one binary search each). */
    private static JavaPairRDD<Long, Double> scores(JavaSparkContext sc, SparkGraph g, Broadcast<SparkLocalGraph> graph, double[] values) {
        Broadcast<double[]> b = sc.broadcast(values);
        return g.ids().mapToPair(x -> new Tuple2<>(x._1(), b.value()[Arrays.binarySearch(graph.value().vertices(), x._1())]));
    }
}
