package dev.chorus.spark;

import dev.chorus.analysis.Goal;
import dev.chorus.analysis.Layers;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.ingest.InteractionType;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * {@code dev.chorus.analysis.Layers} on Spark, with its layers ({@link Layers#SPREAD}, {@link Layers#TALK}) and
 * columns ({@link Layers#COLUMNS}), plus {@code Engagement}'s {@code reply_share}, which reads the types too. Each
 * layer is a graph of its own ({@link SparkGraph#layer}: the same vertices, arcs weighted by their rows of the
 * layer's types), on which {@code pagerank_*} is {@link SparkPageRank} with the {@code pagerank} column's settings
 * and {@code reciprocity_talk}, {@code answer_rate_talk} are {@link SparkEngagement}'s answering numbers on the talk
 * layer. {@code in_spread}, {@code in_talk} (the layer's weighted in-degree, {@link SparkDegree}'s conventions) and
 * the reply counts come from one aggregation over the typed arcs. Cost: two PageRanks on graphs no larger than the
 * input, one shuffle of the talk layer's pairs, one of the typed arcs' endpoints and three joins, O(m) each.
 */
final class SparkLayers {
    /** Indexes of a typed pair's row counts ({@link SparkGraph#layerArcs}): rows of the spread layer's types. */
    static final int SPREAD = 0;
    /** Rows of the talk layer's types. */
    static final int TALK = 1;
    /** Rows of type reply. */
    static final int REPLY = 2;
    /** Rows with any type. */
    static final int TYPED = 3;
    /** How many counts a typed pair carries. */
    static final int COUNTS = 4;

    private SparkLayers() {
    }

    /**
     * The index of {@code goal}'s layer among a typed pair's counts: the layer whose rows {@link #count} counts by
     * the goal's types ({@link Goal#types()}).
     */
    static int of(Goal goal) {
        if (goal.types().equals(Layers.SPREAD)) return SPREAD;
        if (goal.types().equals(Layers.TALK)) return TALK;
        throw new IllegalArgumentException("no layer counted for the goal " + goal.cliName());
    }

    /** Adds one row of type {@code t} to the counts held in {@code v} from {@code at}. */
    static void count(InteractionType t, double[] v, int at) {
        if (Layers.SPREAD.contains(t)) v[at + SPREAD]++;
        if (Layers.TALK.contains(t)) v[at + TALK]++;
        if (t == InteractionType.REPLY) v[at + REPLY]++;
        v[at + TYPED]++;
    }

    /**
     * @param columns    the {@link Layers#COLUMNS} in order, by vertex id, every vertex present
     * @param replyShare {@code reply_share} by vertex id, for the vertices that acted on someone else with typed rows
     *                   (the others have none); NaN for all when no row is a reply, as embedded
     */
    record Result(JavaPairRDD<Long, double[]> columns, JavaPairRDD<Long, Double> replyShare) {
    }

    /** @param g a {@link SparkGraph#typed()} graph */
    static Result compute(JavaSparkContext sc, SparkGraph g, PageRankConfig pageRank, Progress progress) {
        SparkGraph spread = g.layer(SPREAD);
        SparkGraph talk = g.layer(TALK);
        JavaPairRDD<Long, Double> prSpread = SparkPageRank.compute(spread, pageRank, progress).scores();
        JavaPairRDD<Long, Double> prTalk = SparkPageRank.compute(talk, pageRank, progress).scores();
        JavaPairRDD<Long, double[]> answering = SparkEngagement.answering(talk);
        boolean directed = g.isDirected();
        // per vertex {in_spread, in_talk, reply rows, typed rows}: the layers' in-degrees as SparkDegree counts them
        // (undirected: both ends, a self-loop twice), and, as Engagement, the rows a person sent to others
        JavaPairRDD<Long, double[]> sums = g.layerArcs().flatMapToPair(e -> {
            double[] c = e.attr();
            List<Tuple2<Long, double[]>> out = new ArrayList<>(4);
            out.add(new Tuple2<>(e.dstId(), new double[] {c[SPREAD], c[TALK], 0, 0}));
            if (!directed) out.add(new Tuple2<>(e.srcId(), new double[] {c[SPREAD], c[TALK], 0, 0}));
            if (e.srcId() != e.dstId()) {
                out.add(new Tuple2<>(e.srcId(), new double[] {0, 0, c[REPLY], c[TYPED]}));
                if (!directed) out.add(new Tuple2<>(e.dstId(), new double[] {0, 0, c[REPLY], c[TYPED]}));
            }
            return out.iterator();
        }).reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]});
        boolean replies = !g.layerArcs().filter(e -> e.attr()[REPLY] > 0).isEmpty();
        JavaPairRDD<Long, double[]> columns = SparkJob.keep(sc, prSpread.join(prTalk).leftOuterJoin(sums)
                .leftOuterJoin(answering).mapValues(x -> {
                    double[] s = x._1()._2().orElse(new double[4]);
                    double[] a = x._2().orElse(new double[] {Double.NaN, Double.NaN});
                    return new double[] {x._1()._1()._1(), x._1()._1()._2(), s[0], s[1], a[0], a[1]};
                }));
        JavaPairRDD<Long, Double> replyShare = sums.filter(x -> x._2()[3] > 0)
                .mapValues(s -> replies ? s[2] / s[3] : Double.NaN);
        spread.graph().unpersist(false);
        talk.graph().unpersist(false);
        return new Result(columns, replyShare);
    }
}
