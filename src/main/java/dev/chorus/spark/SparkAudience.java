package dev.chorus.spark;

import dev.chorus.community.ClusterAudience;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.MetricSummary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.StatCounter;
import scala.Tuple2;

/**
 * The embedded {@link ClusterAudience} of every community, computed over the edges, and the inputs of the
 * embedded {@link ClusterKinds} rules, so that a Spark run tells choirs from rings as the embedded engine does.
 * An arc u -> v means u acted on v, so u is in v's audience (on undirected input every neighbour, both ways). The
 * arcs between communities are labelled with both ends' communities by two joins, as {@link SparkCohesion} does,
 * then:
 * <ul>
 * <li>{@code audience_sum}, {@code outward_weight} and {@code best_member_audience}: per (community, member) the
 * count and weight of its crossing in-arcs (one arc per pair, so the count is its distinct outside audience), then per
 * community their sum, weight and maximum;</li>
 * <li>{@code reach}: the distinct (community, outsider) pairs, counted per community.</li>
 * </ul>
 * {@code activity_span_share} is NaN: Spark's edges carry no times. Outward weights are summed in Spark's order,
 * equal to the embedded sums up to rounding. O(m) shuffled data; the driver holds one small record per community.
 */
final class SparkAudience {
    private SparkAudience() {
    }

    /** Per-community sums, merged across partitions. */
    static final class Sums implements Serializable {
        long reach;
        double outwardWeight;
        long audienceSum;
        long best;

        Sums add(Sums o) {
            reach += o.reach;
            outwardWeight += o.outwardWeight;
            audienceSum += o.audienceSum;
            best = Math.max(best, o.best);
            return this;
        }
    }

    /**
     * @param community community index by vertex id (0 = largest), numbered 0 to {@code count - 1}
     * @return one entry per community, in community order
     */
    static List<ClusterAudience> compute(SparkGraph sg, JavaPairRDD<Long, Long> community, int count) {
        boolean directed = sg.isDirected();
        // (target, (source, weight)): who acted on whom; undirected edges count both ways, as InteractionGraph#in()
        JavaPairRDD<Long, Tuple2<Long, Double>> byTarget = sg.graph().edges().toJavaRDD()
                .filter(e -> e.srcId() != e.dstId())
                .flatMapToPair(e -> {
                    List<Tuple2<Long, Tuple2<Long, Double>>> out = new ArrayList<>(2);
                    out.add(new Tuple2<>(e.dstId(), new Tuple2<>(e.srcId(), e.attr())));
                    if (!directed) out.add(new Tuple2<>(e.srcId(), new Tuple2<>(e.dstId(), e.attr())));
                    return out.iterator();
                });
        // (source, (target, target's community, weight)), then kept where the source is of another community:
        // (target's community, target, source, weight)
        JavaPairRDD<Long, Object[]> crossing = byTarget.join(community)
                .mapToPair(x -> new Tuple2<>(x._2()._1()._1(), new Object[] {x._1(), x._2()._2(), x._2()._1()._2()}))
                .join(community)
                .filter(x -> !x._2()._2().equals(x._2()._1()[1]))
                .mapToPair(x -> new Tuple2<>((Long) x._2()._1()[1], new Object[] {x._2()._1()[0], x._1(), x._2()._1()[2]}));
        crossing.persist(StorageLevel.MEMORY_AND_DISK());
        // per (community, member): its outside audience and their weight; then per community
        JavaPairRDD<Long, Sums> perMember = crossing
                .mapToPair(x -> new Tuple2<>(new Tuple2<>(x._1(), (Long) x._2()[0]), new double[] {1, (Double) x._2()[2]}))
                .reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]})
                .mapToPair(x -> {
                    Sums s = new Sums();
                    s.audienceSum = (long) x._2()[0];
                    s.best = (long) x._2()[0];
                    s.outwardWeight = x._2()[1];
                    return new Tuple2<>(x._1()._1(), s);
                });
        JavaPairRDD<Long, Sums> reach = crossing.mapToPair(x -> new Tuple2<>(x._1(), (Long) x._2()[1])).distinct().mapToPair(x -> {
            Sums s = new Sums();
            s.reach = 1;
            return new Tuple2<>(x._1(), s);
        });
        java.util.Map<Long, Sums> sums = perMember.union(reach).reduceByKey(Sums::add).collectAsMap();
        crossing.unpersist(false);
        List<ClusterAudience> result = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            Sums s = sums.getOrDefault((long) c, new Sums());
            result.add(new ClusterAudience(c, Math.toIntExact(s.reach), s.outwardWeight, s.audienceSum, Math.toIntExact(s.best), Double.NaN));
        }
        return result;
    }

    /**
     * The embedded kind thresholds ({@link ClusterKinds#resolve(boolean, long, long, MetricSummary, ClusterConfig, double)}):
     * the typical audience from the arc count, the ring reciprocity from the people's {@code reciprocity}
     * ({@link Engagement}'s column) by Spark's {@link StatCounter} (mean and sample sd, equal to commons-math3's up to
     * rounding, as {@link SparkRoles} reads its metrics).
     *
     * @param edges      aggregated pairs, as {@code report.json}'s {@code graph.edges} (per unordered pair when undirected)
     * @param selfLoops  those that are self-loops
     * @param engagement {@link SparkEngagement#COLUMNS} by vertex id
     */
    static ClusterKinds kinds(SparkGraph sg, long edges, long selfLoops, JavaPairRDD<Long, double[]> engagement, ClusterConfig config,
                              double minZ) {
        long arcs = sg.isDirected() ? edges - selfLoops : 2 * (edges - selfLoops);
        MetricSummary people = new MetricSummary(0, Double.NaN, Double.NaN, Double.NaN);
        if (sg.isDirected()) {
            int at = SparkEngagement.COLUMNS.indexOf("reciprocity");
            StatCounter s = engagement.values().mapToDouble(v -> v[at]).filter(x -> !Double.isNaN(x)).stats();
            people = new MetricSummary(s.count(), s.mean(), s.count() < 2 ? Double.NaN : s.sampleStdev(), Double.NaN);
        }
        return ClusterKinds.resolve(sg.isDirected(), sg.nodeCount(), arcs, people, config, minZ);
    }
}
