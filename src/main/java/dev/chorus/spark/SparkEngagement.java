package dev.chorus.spark;

import dev.chorus.progress.Progress;
import dev.chorus.roles.EngagementConfig;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * {@code dev.chorus.roles.Engagement}'s per-person numbers on Spark, with its definitions (self-loops ignored):
 * {@code reciprocity} = answered pairs / distinct neighbours and {@code answer_rate} = answered pairs / people who
 * acted on u (both NaN on undirected input or with no such people), {@code reply_share} (given by {@link SparkLayers}
 * on typed input; NaN on untyped input, as embedded), {@code participation} = 1 - sum over
 * communities c of (w_uc / w_u)^2 on the undirected view (Guimerà &amp; Amaral, Nature 433 (2005) 895–900,
 * doi:10.1038/nature03288), 0 without ties, and {@code linked_communities}.
 * <p>
 * Two shuffles of the arcs (pairs, then endpoints) for the first two; for participation, two joins of the
 * undirected edges with the partition and one shuffle of (person, community) weights: O(m) work. Participation is
 * computed as 1 - sum w_uc^2 / w_u^2, which equals the embedded sum of squared shares up to rounding (about 1e-16
 * relative).
 */
public final class SparkEngagement {
    /** Column names, in order: {@code Engagement.COLUMNS}. */
    public static final List<String> COLUMNS = dev.chorus.roles.Engagement.COLUMNS;

    private SparkEngagement() {
    }

    /**
     * @param community  the partition, by vertex id, that participation reads
     * @param replyShare {@code reply_share} by vertex id ({@link SparkLayers}; a vertex left out has none), or null on
     *                   untyped input (NaN for everyone, as embedded)
     * @return the {@link #COLUMNS} by vertex id, every vertex present
     */
    public static JavaPairRDD<Long, double[]> compute(SparkGraph g, JavaPairRDD<Long, Long> community, JavaPairRDD<Long, Double> replyShare,
                                                      EngagementConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("engagement", -1, "")) {
            JavaPairRDD<Long, double[]> answering = answering(g);
            JavaPairRDD<Long, double[]> spread = participation(g, community);
            JavaPairRDD<Long, double[]> e = g.ids().leftOuterJoin(answering).leftOuterJoin(spread).mapValues(x -> {
                double[] a = x._1()._2().orElse(new double[] {Double.NaN, Double.NaN});
                double[] p = x._2().orElse(new double[] {0, 0});
                return new double[] {a[0], a[1], Double.NaN, p[0], p[1]};
            });
            if (replyShare == null) return e;
            return e.leftOuterJoin(replyShare).mapValues(x -> {
                double[] v = x._1();
                v[2] = x._2().orElse(Double.NaN);
                return v;
            });
        }
    }

    /**
     * Directed graphs only (else empty): per person with a tie other than a self-loop {reciprocity, answer rate}, each
     * NaN where undefined; from each unordered pair's arcs: bit 1 when the smaller id acted on the larger, bit 2 for
     * the reverse.
     */
    static JavaPairRDD<Long, double[]> answering(SparkGraph g) {
        if (!g.isDirected()) return g.ids().mapValues(id -> (double[]) null).filter(x -> false);
        JavaPairRDD<Tuple2<Long, Long>, Integer> pairs = g.graph().edges().toJavaRDD().filter(e -> e.srcId() != e.dstId())
                .mapToPair(e -> e.srcId() < e.dstId() ? new Tuple2<>(new Tuple2<>(e.srcId(), e.dstId()), 1) : new Tuple2<>(new Tuple2<>(e.dstId(), e.srcId()), 2))
                .reduceByKey((a, b) -> a | b);
        // per person {answered pairs, distinct neighbours, people who acted on it}
        return pairs.flatMapToPair(x -> {
            long lo = x._1()._1();
            long hi = x._1()._2();
            int arcs = x._2();
            double answered = arcs == 3 ? 1 : 0;
            // lo was acted on when hi -> lo exists (bit 2), hi when lo -> hi exists (bit 1)
            return List.of(new Tuple2<>(lo, new double[] {answered, 1, (arcs & 2) != 0 ? 1 : 0}),
                    new Tuple2<>(hi, new double[] {answered, 1, (arcs & 1) != 0 ? 1 : 0})).iterator();
        }).reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]})
                .mapValues(a -> new double[] {a[1] == 0 ? Double.NaN : a[0] / a[1], a[2] == 0 ? Double.NaN : a[0] / a[2]});
    }

    /** Per person with ties {participation, linked communities}. */
    private static JavaPairRDD<Long, double[]> participation(SparkGraph g, JavaPairRDD<Long, Long> community) {
        // (u, v, w) with u < v: the undirected simple view, self-loops dropped
        JavaPairRDD<Long, Tuple2<Long, Double>> bySource = g.undirected().edges().toJavaRDD()
                .mapToPair(e -> new Tuple2<>(e.srcId(), new Tuple2<>(e.dstId(), e.attr())));
        JavaPairRDD<Tuple2<Long, Long>, Double> towards = bySource.join(community)
                .mapToPair(x -> new Tuple2<>(x._2()._1()._1(), new Tuple2<>(new Tuple2<>(x._1(), x._2()._2()), x._2()._1()._2())))
                .join(community)
                .flatMapToPair(x -> {
                    long v = x._1();
                    long cv = x._2()._2();
                    long u = x._2()._1()._1()._1();
                    long cu = x._2()._1()._1()._2();
                    double w = x._2()._1()._2();
                    return List.of(new Tuple2<>(new Tuple2<>(u, cv), w), new Tuple2<>(new Tuple2<>(v, cu), w)).iterator();
                })
                .reduceByKey(Double::sum);
        // per person {w_u, sum of w_uc^2, communities}
        return towards.mapToPair(x -> new Tuple2<>(x._1()._1(), new double[] {x._2(), x._2() * x._2(), 1}))
                .reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]})
                .mapValues(a -> new double[] {a[0] > 0 ? 1 - a[1] / (a[0] * a[0]) : 0.0, a[2]});
    }
}
