package dev.chorus.spark;

import dev.chorus.centrality.Degree;
import dev.chorus.centrality.DegreeConfig;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.graphx.Edge;
import scala.Tuple2;

/**
 * The floor under any Spark step, beside the embedded engine's cheapest step, on the same input and machine: how
 * long Spark takes for one job over the graph's cached edges with no shuffle (a scan that sums the weights), and
 * with one shuffle (each edge's target counted, as an in-degree needs: the least a step that gathers per person
 * does), against the embedded degree step. Issue 21's goal of at most 10x the embedded engine per step cannot be met
 * by a step that needs even one shuffle when that shuffle alone takes more than 10x the embedded step.
 * <p>
 * {@code java <spark flags> -cp target/chorus.jar:$(cat target/spark-classpath.txt) dev.chorus.spark.SparkFloorBench
 * INPUT [MASTER [PARTITIONS [RUNS]]]}; prints one line per run and the best of each.
 */
public final class SparkFloorBench {
    private SparkFloorBench() {
    }

    public static void main(String[] args) {
        String input = args[0];
        String master = args.length > 1 ? args[1] : "local[2]";
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        InteractionGraph g = GraphLoader.load(input, IngestOptions.defaults()).graph();
        double degree = Double.MAX_VALUE;
        for (int r = 0; r <= runs; r++) { // the first run warms the JIT up and is not counted
            long t = System.nanoTime();
            Degree.compute(g, DegreeConfig.defaults());
            if (r > 0) degree = Math.min(degree, secs(t));
        }
        System.out.printf(Locale.ROOT, "embedded degree %.3f s (%d nodes, %d edges)%n", degree, g.nodeCount(), g.edgeCount());
        g = null;

        JavaSparkContext sc = SparkJob.context(master, partitions);
        try {
            SparkInput.Result in = SparkInput.read(sc, input, SparkInput.Options.of(IngestOptions.defaults()), partitions);
            JavaRDD<Edge<Double>> edges = SparkGraph.of(in.edges(), in.directed()).graph().edges().toJavaRDD(); // cached by SparkGraph
            long m = edges.count();
            double scan = Double.MAX_VALUE;
            double shuffle = Double.MAX_VALUE;
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                double sum = edges.mapPartitions(it -> {
                    double s = 0;
                    while (it.hasNext()) s += it.next().attr();
                    return List.of(s).iterator();
                }).reduce(Double::sum);
                double scanS = secs(t);
                t = System.nanoTime();
                long targets = edges.mapToPair(e -> new Tuple2<>(e.dstId(), 1L)).reduceByKey(Long::sum, partitions).count();
                double shuffleS = secs(t);
                System.out.printf(Locale.ROOT, "spark run %d: scan %.3f s (weight %.0f), one shuffle %.3f s (%d targets)%n", r + 1, scanS, sum,
                        shuffleS, targets);
                scan = Math.min(scan, scanS);
                shuffle = Math.min(shuffle, shuffleS);
            }
            System.out.printf(Locale.ROOT, "best of %d on %s, %d partitions, %d edges: scan %.3f s = %.1fx embedded degree; one shuffle %.3f s = %.1fx%n",
                    runs, master, partitions, m, scan, scan / degree, shuffle, shuffle / degree);
        } finally {
            sc.stop();
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
