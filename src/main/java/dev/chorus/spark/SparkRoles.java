package dev.chorus.spark;

import dev.chorus.progress.Progress;
import dev.chorus.roles.MetricSummary;
import dev.chorus.roles.Role;
import dev.chorus.roles.RoleConfig;
import dev.chorus.roles.RoleRules;
import dev.chorus.roles.RoleValues;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaDoubleRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.StatCounter;
import scala.Tuple2;

/**
 * {@code dev.chorus.roles.Roles} on Spark: the same {@link RoleRules}, resolved from the same
 * {@link MetricSummary} per metric and applied per person by the same {@link RoleRules#mask}. The percentile is
 * exact: each metric is sorted across the cluster and the two order statistics commons-math3's estimator
 * interpolates between are read back ({@link MetricSummary#ranks}). Mean and standard deviation come from Spark's
 * {@link StatCounter} (Welford's update, merged per partition), which differs from commons-math3's two-pass
 * sums by rounding only, growing with the number of people (about 1e-11 relative on Higgs Twitter's 304,691); a
 * person can only fall the other way of a cut-off when a value is that close to it. On typed input (the table has
 * the {@link SparkLayers} columns) each rule reads the layer its role is about, as the embedded {@code Roles} does:
 * reach from {@code in_spread} and {@code pagerank_spread}, answering from {@code reciprocity_talk} and
 * {@code answer_rate_talk}.
 * <p>
 * Cost: one distributed sort per metric (in, pagerank, total, out, and betweenness when given), O(n log n), plus
 * one pass for the masks; the driver holds only the choirs' cores and the rings' members.
 */
final class SparkRoles {
    private SparkRoles() {
    }

    /**
     * @param table  the node table with a {@code roles} column filled in (role bits as a number, see
     *               {@code NodesCsv})
     * @param rules  the resolved rules
     * @param counts people per role label, in {@link Role} order ({@code bridge} left out when betweenness was not
     *               computed)
     */
    record Result(SparkJob.NodeRows table, RoleRules rules, Map<String, Long> counts) {
    }

    /**
     * @param table       the {@code nodes.csv} table with at least {@code in, out, total, pagerank, kcore},
     *                    {@code Engagement}'s columns and {@code roles}; {@code betweenness} when computed; the layer
     *                    columns on typed input
     * @param clusterCore ids of the cores of the choirs ({@code cluster_core})
     * @param ringMember  ids of the members of the rings ({@code ring_member})
     */
    static Result compute(SparkJob.NodeRows table, Set<String> clusterCore, Set<String> ringMember, RoleConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("roles", -1, "")) {
            List<String> cols = table.header().subList(1, table.header().size());
            // typed input: reach is read on the spreading layer, answering on the conversation layer, as Roles does
            boolean layered = cols.contains("in_spread");
            int in = index(cols, layered ? "in_spread" : "in");
            int attention = index(cols, "in");
            int out = index(cols, "out");
            int total = index(cols, "total");
            int pr = index(cols, layered ? "pagerank_spread" : "pagerank");
            int core = index(cols, "kcore");
            int between = cols.indexOf("betweenness");
            int rec = index(cols, layered ? "reciprocity_talk" : "reciprocity");
            int ans = index(cols, layered ? "answer_rate_talk" : "answer_rate");
            int reply = index(cols, "reply_share");
            int part = index(cols, "participation");
            int roles = index(cols, "roles");
            JavaRDD<Tuple2<String, double[]>> rows = table.rows();
            double p = config.topPercentile();
            double maxCore = rows.map(r -> r._2()[core]).fold(0.0, Math::max);
            RoleRules rules = RoleRules.resolve(summary(rows, in, p), summary(rows, pr, p), summary(rows, total, p),
                    between < 0 ? null : summary(rows, between, p), summary(rows, out, p), maxCore, config);
            Set<String> cores = new HashSet<>(clusterCore);
            Set<String> rings = new HashSet<>(ringMember);
            int coreBit = Role.CLUSTER_CORE.bit();
            int ringBit = Role.RING_MEMBER.bit();
            JavaRDD<Tuple2<String, double[]>> withRoles = rows.map(r -> {
                double[] v = r._2().clone();
                int m = rules.mask(new RoleValues(v[in], v[pr], v[total], v[out], v[attention], v[core], between < 0 ? Double.NaN : v[between],
                        v[rec], v[ans], v[reply], v[part]));
                if (cores.contains(r._1())) m |= coreBit;
                if (rings.contains(r._1())) m |= ringBit;
                v[roles] = m;
                return new Tuple2<>(r._1(), v);
            }).persist(StorageLevel.MEMORY_AND_DISK());
            long[] perRole = withRoles.map(r -> {
                long[] c = new long[Role.values().length];
                for (Role role : Role.values()) if (((int) r._2()[roles] & role.bit()) != 0) c[role.ordinal()]++;
                return c;
            }).fold(new long[Role.values().length], (a, b) -> {
                long[] s = new long[a.length];
                for (int i = 0; i < a.length; i++) s[i] = a[i] + b[i];
                return s;
            });
            table.rows().unpersist(false);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                if (role == Role.BRIDGE && !rules.bridges()) continue;
                counts.put(role.label(), perRole[role.ordinal()]);
            }
            return new Result(new SparkJob.NodeRows(table.header(), withRoles), rules, counts);
        }
    }

    private static int index(List<String> cols, String name) {
        int i = cols.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("roles need column " + name + ", the table has " + cols);
        return i;
    }

    /** Count, mean, sample sd, and the exact percentile from one distributed sort (skipped when no value can be high). */
    static MetricSummary summary(JavaRDD<Tuple2<String, double[]>> rows, int column, double topPercentile) {
        JavaDoubleRDD values = rows.mapToDouble(r -> r._2()[column]);
        StatCounter s = values.stats();
        long n = s.count();
        double sd = n < 2 ? Double.NaN : s.sampleStdev();
        if (n < 2 || !(sd > 0)) return new MetricSummary(n, s.mean(), sd, Double.NaN);
        long[] ranks = MetricSummary.ranks(n, topPercentile);
        Map<Long, Double> at = values.map(x -> x).sortBy(x -> x, true, values.getNumPartitions()).zipWithIndex()
                .filter(x -> x._2() == ranks[0] || x._2() == ranks[1]).mapToPair(Tuple2::swap).collectAsMap();
        return new MetricSummary(n, s.mean(), sd, MetricSummary.percentile(n, topPercentile, at.get(ranks[0]), at.get(ranks[1])));
    }
}
