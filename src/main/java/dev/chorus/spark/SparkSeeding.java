package dev.chorus.spark;

import dev.chorus.analysis.Goal;
import dev.chorus.analysis.Layers;
import dev.chorus.analysis.Recommendation;
import dev.chorus.analysis.Seeding;
import dev.chorus.centrality.Centralities;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Communities;
import dev.chorus.diffusion.Cascade;
import dev.chorus.diffusion.SeedStrategies;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.diffusion.SeedingExperimentConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.PassionateClusters;
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
 * <li>Graphs: on typed input with rows in both layers, as the embedded {@code analyze}, each model runs on its
 * goal's layer ({@link Goal#layer()}: {@code ic} on the spreading layer, {@code threshold} on the conversation
 * layer), the layer's seeds chosen on that layer ({@link SparkLocalGraph#graph}: the embedded {@code LayerGraph} of
 * the driver's and every executor's copy); otherwise both run on the whole graph.</li>
 * <li>Seeds: {@code degree} and {@code pagerank} are the top k of Spark's {@code in} and {@code pagerank} columns (on a
 * layer, its {@code in_} and {@code pagerank_} columns), ties as {@link dev.chorus.diffusion.SeedBaselines} (by
 * weighted in-degree, then id): the embedded seeds. The group
 * strategies run the embedded rules ({@link SeedStrategies#choose}) on the driver's copy of the graph (or layer) with
 * Spark's label-propagation communities of the whole graph as both the clusters and the communities, in the order of
 * their kinds (choir, ring) as the report lists them ({@link SparkAudience}, the embedded rules); the embedded engine
 * uses Leiden CPM clusters and Leiden communities, so these seeds differ. {@code imm} is not run: it is sequential over its RR sets.</li>
 * <li>Spread: the runs of the independent cascade are spread over tasks; run r draws from
 * {@link SpreadEstimator#random}(seed, evaluate stream, r) on the canonical graph ({@link SparkLocalGraph}) whatever
 * task runs it, so the numbers are the same for any partition count; 95% intervals as the embedded estimator. The
 * threshold contagion is deterministic: one run on the driver, as the embedded estimator does.</li>
 * <li>Recommendations: one per goal among these arms, by the embedded rule ({@link #recommendations}).</li>
 * </ul>
 * Cost: O(n + m) on the driver for the group seeds (their choice; the kinds come computed over the edges), runs x
 * arms cascades over the tasks; on a layer, the same on a graph no larger, plus O(m log m) per JVM to build the layers.
 */
public final class SparkSeeding {
    /** The arms Spark runs, in {@link SeedStrategies#NAMES} order. */
    public static final List<String> STRATEGIES = List.of("degree", "pagerank", "clusters", "choirs", "voices");

    private SparkSeeding() {
    }

    /**
     * @param table      {@code nodes.csv}'s rows (read: {@code in}, {@code pagerank}, and per layer theirs)
     * @param community  Spark's communities, numbered as {@code cohesion}
     * @param cohesion   their cohesion, index = community number
     * @param onLayers   whether to run each model on its goal's layer: typed input and the analysis asks for it
     *                   ({@code AnalysisConfig#seedOnLayers}); a layer without rows still makes both run on the whole graph
     */
    public static Seeding compute(JavaSparkContext sc, Broadcast<SparkLocalGraph> graph, SparkJob.NodeRows table,
                                  JavaPairRDD<Long, Long> community, List<ClusterCohesion> cohesion, ClusterRanking kinds,
                                  SeedingExperimentConfig config, boolean onLayers, int partitions, Progress progress) {
        SparkLocalGraph.Built b = SparkLocalGraph.built(graph);
        InteractionGraph g = b.graph();
        int k = Math.min(config.k(), g.nodeCount());
        SeedStrategies.Groups groups = groups(graph, b, community, cohesion, kinds);
        // as the embedded analyze: a layer without rows would make its goal's numbers meaningless
        boolean layered = onLayers && Arrays.stream(Goal.values()).allMatch(goal -> SparkLocalGraph.graph(graph, goal).arcCount() > 0);
        // the layer each model runs on, null for the whole graph
        Goal spread = layered ? Goal.AWARENESS : null;
        Goal talk = layered ? Goal.ACTION : null;
        Map<String, int[]> icSets = seeds(table, graph, spread, groups, k, config);
        Map<String, int[]> thresholdSets = layered ? seeds(table, graph, talk, groups, k, config) : icSets;
        Map<String, SimulationResult> ic = independentCascade(sc, graph, spread, icSets, config, partitions, progress);
        InteractionGraph h = SparkLocalGraph.graph(graph, talk);
        List<SeedingArm> arms = new ArrayList<>();
        try (SpreadEstimator threshold = new SpreadEstimator(h.nodeCount(), config.complex().cascade(h), config.runs(), config.seed(),
                SpreadEstimator.STREAM_EVALUATE, 1)) {
            for (String strategy : STRATEGIES) {
                arms.add(arm(strategy, ids(icSets.get(strategy), g), ic.get(strategy)));
                arms.add(arm(strategy, ids(thresholdSets.get(strategy), g),
                        threshold.simulate(config.complex().model().cliName(), thresholdSets.get(strategy))));
            }
        }
        return new Seeding(k, config.runs(), config.complex().thresholdK(), arms, List.of(), layered,
                recommendations(table, arms, layered), config.runs(), null);
    }

    /**
     * One {@link Recommendation} per {@link Goal} among the arms, by the embedded rule ({@link Recommendation#choose}),
     * whose credibility reads the seeds' share of mutual conversation ties: {@code reciprocity_talk} when the models ran
     * on their layers, else {@code reciprocity}, as the embedded analyze. Only the seeds' values are collected (one
     * filter over the table), in an id map of their own.
     */
    static List<Recommendation> recommendations(SparkJob.NodeRows table, List<SeedingArm> arms, boolean layered) {
        java.util.Set<String> seeds = new java.util.HashSet<>();
        for (SeedingArm a : arms) seeds.addAll(a.seeds());
        int column = table.header().subList(1, table.header().size()).indexOf(layered ? "reciprocity_talk" : "reciprocity");
        if (column < 0) throw new IllegalArgumentException("recommendations need the reciprocity columns, the table has " + table.header());
        List<Tuple2<String, Double>> values = table.rows().filter(r -> seeds.contains(r._1())).map(r -> new Tuple2<>(r._1(), r._2()[column])).collect();
        IdMap ids = new IdMap();
        double[] reciprocity = new double[values.size()];
        for (Tuple2<String, Double> v : values) {
            byte[] id = v._1().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            reciprocity[ids.intern(id, 0, id.length)] = v._2();
        }
        List<Recommendation> out = new ArrayList<>();
        for (Goal goal : Goal.values()) {
            Recommendation rec = Recommendation.choose(goal, layered, arms, reciprocity, ids);
            if (rec != null) out.add(rec);
        }
        return out;
    }

    /**
     * Every strategy's seeds on the whole graph ({@code layer} null) or on the layer of {@code layer}, whose {@code in}
     * and {@code pagerank} columns ({@link Layers#COLUMNS}) rank the hubs there.
     */
    private static Map<String, int[]> seeds(SparkJob.NodeRows table, Broadcast<SparkLocalGraph> graph, Goal layer,
                                            SeedStrategies.Groups groups, int k, SeedingExperimentConfig config) {
        InteractionGraph h = SparkLocalGraph.graph(graph, layer);
        Map<String, int[]> sets = new LinkedHashMap<>();
        List<String> header = table.header().subList(1, table.header().size());
        int in = header.indexOf(column("in", layer));
        sets.put("degree", top(table, in, in, k, h));
        sets.put("pagerank", top(table, header.indexOf(column(Centralities.PAGERANK.column(), layer)), in, k, h));
        for (String s : STRATEGIES.subList(2, STRATEGIES.size())) sets.put(s, SeedStrategies.choose(s, h, groups, k, config));
        return sets;
    }

    /** {@code nodes.csv}'s column {@code name} on the whole graph, or its {@link Layers#COLUMNS} counterpart on {@code layer}'s. */
    private static String column(String name, Goal layer) {
        if (layer == null) return name;
        String c = name + "_" + layer.layer();
        if (!Layers.COLUMNS.contains(c)) throw new IllegalArgumentException("no layer column " + c);
        return c;
    }

    private static List<String> ids(int[] nodes, InteractionGraph g) {
        return Arrays.stream(nodes).mapToObj(u -> g.ids().id(u)).toList();
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

    /** Spark's communities as the embedded strategies' clusters and communities, in the order of their kinds ({@link SparkAudience}). */
    private static SeedStrategies.Groups groups(Broadcast<SparkLocalGraph> graph, SparkLocalGraph.Built b, JavaPairRDD<Long, Long> community,
                                                List<ClusterCohesion> cohesion, ClusterRanking kinds) {
        InteractionGraph g = b.graph();
        long[] vertices = graph.value().vertices();
        int[] membership = new int[g.nodeCount()];
        for (Tuple2<Long, Long> x : community.collect()) membership[b.index()[Arrays.binarySearch(vertices, x._1())]] = (int) (long) x._2();
        Communities c = new Communities("lpa", g.ids(), membership, cohesion.size(), Double.NaN, 1, 0, true);
        return new SeedStrategies.Groups(c, PassionateClusters.seedingOrder(kinds, cohesion), PassionateClusters.choirOrder(kinds), c);
    }

    /**
     * Every set's independent-cascade runs, spread over tasks by run index; sets with the same seeds run once.
     *
     * @param layer the goal whose layer the cascades run on ({@link SparkLocalGraph#graph}), or null for the whole graph
     */
    static Map<String, SimulationResult> independentCascade(JavaSparkContext sc, Broadcast<SparkLocalGraph> graph, Goal layer,
                                                            Map<String, int[]> sets, SeedingExperimentConfig config, int partitions,
                                                            Progress progress) {
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
                InteractionGraph local = SparkLocalGraph.graph(graph, layer);
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
