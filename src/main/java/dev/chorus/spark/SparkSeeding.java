package dev.chorus.spark;

import dev.chorus.analysis.Seeding;
import dev.chorus.centrality.Centralities;
import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Communities;
import dev.chorus.diffusion.Cascade;
import dev.chorus.diffusion.SeedStrategies;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.diffusion.SeedingExperimentConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.PassionateClusters;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.EngagementConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The seeding experiment ({@link dev.chorus.diffusion.SeedingExperiment}) on Spark: the arms {@link #STRATEGIES}
 * under the simple (independent cascade) and the complex (threshold) contagion of a {@link SeedingExperimentConfig},
 * in the shape of {@code report.json}'s {@code seeding} section.
 * <ul>
 * <li>Seeds: {@code degree} and {@code pagerank} are the top k of Spark's {@code in} and {@code pagerank} columns, ties
 * as {@link dev.chorus.diffusion.SeedBaselines} (by weighted in-degree, then id): the embedded seeds. The group
 * strategies run the embedded rules ({@link SeedStrategies#choose}) on the driver's copy of the graph with Spark's
 * label-propagation communities as both the clusters and the communities, the kinds (choir, ring) resolved as
 * embedded; the embedded engine uses Leiden CPM clusters and Leiden communities, so these seeds differ.
 * {@code imm} is not run: it is sequential over its RR sets.</li>
 * <li>Spread: the runs of the independent cascade are spread over tasks; run r draws from
 * {@link SpreadEstimator#random}(seed, evaluate stream, r) on the canonical graph ({@link SparkLocalGraph}) whatever
 * task runs it, so the numbers are the same for any partition count; 95% intervals as the embedded estimator. The
 * threshold contagion is deterministic: one run on the driver, as the embedded estimator does.</li>
 * </ul>
 * Cost: O(n + m) on the driver for the group seeds, runs x arms cascades over the tasks.
 */
public final class SparkSeeding {
    /** The arms Spark runs, in {@link SeedStrategies#NAMES} order. */
    public static final List<String> STRATEGIES = List.of("degree", "pagerank", "clusters", "choirs", "voices");

    private SparkSeeding() {
    }

    /**
     * @param table      {@code nodes.csv}'s rows (read: {@code in}, {@code pagerank})
     * @param community  Spark's communities, numbered as {@code cohesion}
     * @param cohesion   their cohesion, index = community number
     */
    public static Seeding compute(JavaSparkContext sc, Broadcast<SparkLocalGraph> graph, SparkJob.NodeRows table,
                                  JavaPairRDD<Long, Long> community, List<ClusterCohesion> cohesion, SeedingExperimentConfig config,
                                  ClusterConfig clusters, double minZ, int partitions, Progress progress) {
        SparkLocalGraph.Built b = SparkLocalGraph.built(graph);
        InteractionGraph g = b.graph();
        int k = Math.min(config.k(), g.nodeCount());
        Map<String, int[]> sets = new LinkedHashMap<>();
        List<String> header = table.header().subList(1, table.header().size());
        int in = header.indexOf("in");
        sets.put("degree", top(table, in, in, k, g));
        sets.put("pagerank", top(table, header.indexOf(Centralities.PAGERANK.column()), in, k, g));
        SeedStrategies.Groups groups = groups(graph, b, community, cohesion, clusters, minZ);
        for (String s : STRATEGIES.subList(2, STRATEGIES.size())) sets.put(s, SeedStrategies.choose(s, g, groups, k, config));
        Map<String, SimulationResult> ic = independentCascade(sc, graph, sets, config, partitions, progress);
        List<SeedingArm> arms = new ArrayList<>();
        try (SpreadEstimator threshold = new SpreadEstimator(g.nodeCount(), config.complex().cascade(g), config.runs(), config.seed(),
                SpreadEstimator.STREAM_EVALUATE, 1)) {
            for (Map.Entry<String, int[]> set : sets.entrySet()) {
                List<String> ids = Arrays.stream(set.getValue()).mapToObj(u -> g.ids().id(u)).toList();
                arms.add(arm(set.getKey(), ids, ic.get(set.getKey())));
                arms.add(arm(set.getKey(), ids, threshold.simulate(config.complex().model().cliName(), set.getValue())));
            }
        }
        return new Seeding(k, config.runs(), config.complex().thresholdK(), arms);
    }

    /** The k best rows by {@code score}, then {@code tie}, descending, then id; as node indices of {@code g}. */
    private static int[] top(SparkJob.NodeRows table, int score, int tie, int k, InteractionGraph g) {
        return table.rows().takeOrdered(k, new ByScore(score, tie)).stream().mapToInt(r -> g.ids().index(r._1())).toArray();
    }

    private record ByScore(int score, int tie) implements Comparator<Tuple2<String, double[]>>, Serializable {
        @Override
        public int compare(Tuple2<String, double[]> a, Tuple2<String, double[]> b) {
            int c = Double.compare(b._2()[score], a._2()[score]);
            if (c == 0) c = Double.compare(b._2()[tie], a._2()[tie]);
            return c != 0 ? c : a._1().compareTo(b._1());
        }
    }

    /** Spark's communities as the embedded strategies' clusters and communities, with the kinds resolved as embedded. */
    private static SeedStrategies.Groups groups(Broadcast<SparkLocalGraph> graph, SparkLocalGraph.Built b, JavaPairRDD<Long, Long> community,
                                                List<ClusterCohesion> cohesion, ClusterConfig clusters, double minZ) {
        InteractionGraph g = b.graph();
        long[] vertices = graph.value().vertices();
        int[] membership = new int[g.nodeCount()];
        for (Tuple2<Long, Long> x : community.collect()) membership[b.index()[Arrays.binarySearch(vertices, x._1())]] = (int) (long) x._2();
        Communities c = new Communities("lpa", g.ids(), membership, cohesion.size(), Double.NaN, 1, 0, true);
        double[] reciprocity = Engagement.compute(g, c, EngagementConfig.defaults()).column("reciprocity");
        ClusterRanking ranking = PassionateClusters.compute(c, cohesion, ClusterAudience.compute(g, c),
                ClusterKinds.resolve(g, reciprocity, clusters, minZ));
        return new SeedStrategies.Groups(c, PassionateClusters.seedingOrder(ranking, cohesion), PassionateClusters.choirOrder(ranking), c);
    }

    /** Every set's independent-cascade runs, spread over tasks by run index; sets with the same seeds run once. */
    static Map<String, SimulationResult> independentCascade(JavaSparkContext sc, Broadcast<SparkLocalGraph> graph, Map<String, int[]> sets,
                                                            SeedingExperimentConfig config, int partitions, Progress progress) {
        Map<String, int[]> distinct = new LinkedHashMap<>();
        for (int[] s : sets.values()) {
            int[] canonical = Arrays.stream(s).sorted().distinct().toArray();
            distinct.putIfAbsent(Arrays.toString(canonical), canonical);
        }
        List<int[]> seedSets = new ArrayList<>(distinct.values());
        int runs = config.runs();
        long seed = config.seed();
        var simple = config.simple();
        List<Integer> runIndex = IntStream.range(0, runs).boxed().toList();
        List<Tuple2<Integer, int[][]>> done;
        try (Progress.Task task = progress.begin("seeding " + simple.model().cliName() + " monte carlo", (long) runs * seedSets.size(), "runs")) {
            // per run: (run, curves and spreads); the seed sets are in the driver's node numbering, which the
            // executors' graph shares (both are built from the same canonical arcs)
            done = sc.parallelize(runIndex, Math.max(1, Math.min(partitions, runs))).mapPartitions(rs -> {
                InteractionGraph local = SparkLocalGraph.built(graph).graph();
                Cascade cascade = simple.cascade(local);
                Cascade.Scratch scratch = new Cascade.Scratch(local.nodeCount());
                Cascade.IntList curve = new Cascade.IntList();
                List<Tuple2<Integer, int[][]>> out = new ArrayList<>();
                while (rs.hasNext()) {
                    int r = rs.next();
                    // one curve per seed set, then the spreads
                    int[][] curves = new int[seedSets.size() + 1][];
                    curves[seedSets.size()] = new int[seedSets.size()];
                    for (int i = 0; i < seedSets.size(); i++) {
                        curve.clear();
                        curves[seedSets.size()][i] = cascade.run(seedSets.get(i), SpreadEstimator.random(seed, SpreadEstimator.STREAM_EVALUATE, r),
                                scratch, curve);
                        curves[i] = curve.toArray();
                    }
                    out.add(new Tuple2<>(r, curves));
                }
                return out.iterator();
            }).collect();
            task.stepTo((long) runs * seedSets.size());
        }
        Map<String, SimulationResult> bySet = new LinkedHashMap<>();
        int i = 0;
        for (String key : distinct.keySet()) {
            int[] spread = new int[runs];
            int[][] curves = new int[runs][];
            for (Tuple2<Integer, int[][]> x : done) {
                curves[x._1()] = x._2()[i];
                spread[x._1()] = x._2()[seedSets.size()][i];
            }
            bySet.put(key, SimulationResult.of(simple.model().cliName(), spread, curves));
            i++;
        }
        Map<String, SimulationResult> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : sets.entrySet()) {
            out.put(e.getKey(), bySet.get(Arrays.toString(Arrays.stream(e.getValue()).sorted().distinct().toArray())));
        }
        return out;
    }

    private static SeedingArm arm(String strategy, List<String> seeds, SimulationResult r) {
        return new SeedingArm(strategy, r.model(), seeds, r.runs(), r.mean(), r.sd(), r.ci95Low(), r.ci95High(), r.curve());
    }
}
