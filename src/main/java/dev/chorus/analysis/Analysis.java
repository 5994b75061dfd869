package dev.chorus.analysis;

import dev.chorus.centrality.Centralities;
import dev.chorus.centrality.CentralityAlgorithm;
import dev.chorus.centrality.CentralitySettings;
import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Cohesion;
import dev.chorus.community.CohesionConfig;
import dev.chorus.community.Communities;
import dev.chorus.community.CommunityAlgorithm;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.community.CommunitySettings;
import dev.chorus.community.LeidenConfig;
import dev.chorus.community.Modularity;
import dev.chorus.community.Triangles;
import dev.chorus.diffusion.SeedStrategies;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.diffusion.SeedingExperiment;
import dev.chorus.diffusion.SeedingExperimentConfig;
import dev.chorus.diffusion.SeedingExperimentResult;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.LayerGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.graph.TopNodes;
import dev.chorus.parallel.Futures;
import dev.chorus.progress.Progress;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.EngagementConfig;
import dev.chorus.roles.PassionateCluster;
import dev.chorus.roles.PassionateClusters;
import dev.chorus.roles.Role;
import dev.chorus.roles.RoleAssignment;
import dev.chorus.roles.Roles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The main job as a library call: {@code Analysis.compute(graph, AnalysisConfig.defaults())} runs every step
 * that {@code chorus analyze} runs and returns an {@link AnalysisResult}; the CLI only writes it out. Steps:
 * <ol>
 * <li>{@code degree}: {@link dev.chorus.centrality.Degree}, weighted ({@code in, out, total});</li>
 * <li>{@code pagerank}: {@link dev.chorus.centrality.PageRank} with its defaults (damping 0.85, weighted);</li>
 * <li>{@code kcore}: {@link dev.chorus.centrality.KCore};</li>
 * <li>{@code betweenness}: {@link dev.chorus.centrality.Betweenness}, unweighted hops, exact up to
 * {@link AnalysisConfig#EXACT_BETWEENNESS_MAX_NODES} nodes, else sampled from
 * {@link AnalysisConfig#SAMPLES_DEFAULT} sources (Brandes &amp; Pich 2007, unbiased; its error bound is in the
 * {@link dev.chorus.centrality.Betweenness} Javadoc): O(K m) instead of O(n m);</li>
 * <li>{@code communities}: {@link dev.chorus.community.Leiden} with modularity at resolution 1 and {@link AnalysisConfig#seed()};</li>
 * <li>{@code clusters}: {@link dev.chorus.community.Leiden} with the constant Potts model at {@link dev.chorus.roles.ClusterConfig#resolution()}:
 * the tight clusters, free of modularity's resolution limit, that passionate clusters are ranked from;</li>
 * <li>{@code cohesion}: {@link Cohesion} of every community and every cluster, and from the same triangle count
 * the local clustering of every node ({@link Triangles}' {@code clustering} column);</li>
 * <li>{@code engagement}: {@link Engagement};</li>
 * <li>{@code audience}: {@link ClusterAudience} of every cluster and every community, their kinds
 * ({@link ClusterKinds}: choir, ring, other) and the choirs and rings ({@link PassionateClusters}), O(n + m);</li>
 * <li>{@code layers}: on typed input only, {@link Layers}: reach and conversation read apart;</li>
 * <li>{@code roles}: {@link Roles};</li>
 * <li>{@code seeding}: {@link SeedingExperiment} with budget {@link AnalysisConfig#k()}, weighted-cascade IC and
 * complex contagion with threshold 2 (on typed input IC on the spreading layer, complex contagion on the conversation
 * layer, see {@link Goal}), cluster seeds spent in {@link PassionateClusters#seedingOrder} order on the
 * tight clusters, choir seeds from the choirs, voices from the communities; plus the spread of the core of each of
 * the first {@link AnalysisConfig#top()} choirs; and a {@link Recommendation} per {@link Goal}; skipped when
 * {@link AnalysisConfig#seedingRuns()} is 0 or the graph is empty.</li>
 * </ol>
 * With more than one thread the two Leiden runs ({@code communities}, {@code clusters}) run side by side, each
 * with its own random stream, so their results are those of the sequential order; {@code engagement} and
 * {@code layers}, which need no more than the communities, follow them on their thread, and {@code pagerank} and
 * {@code kcore}, which need only the graph, follow the clusters run on its own, so that neither chain leaves a core
 * idle for long. Their durations then overlap in {@link AnalysisResult#seconds()}, which still lists the steps in
 * {@link #STEPS} order; the step listener hears of the chains' steps together, in {@link #STEPS} order, before
 * they start. Only the communities' thread then reports progress.
 * Every step is deterministic for a given seed and independent of the thread count. Results computed elsewhere
 * ({@link Precomputed}: any of {@link #CENTRALITIES}, the communities) replace their step, and every later step
 * uses them. The algorithms and their column names come from the registries ({@link Centralities},
 * {@link CommunityAlgorithms}).
 */
public final class Analysis {
    /**
     * Step names, in the order of a one-thread run and of report.json's timings. With more threads the listener hears
     * pagerank and kcore after betweenness, and the steps that run beside the clusters run as they start.
     */
    public static final List<String> STEPS = List.of("degree", "pagerank", "kcore", "betweenness", "communities", "clusters",
            "cohesion", "engagement", "audience", "layers", "roles", "seeding");
    /** The centralities of {@code nodes.csv}, computed (or {@link Precomputed given}) in this order. */
    public static final List<CentralityAlgorithm> CENTRALITIES = List.of(Centralities.DEGREE, Centralities.PAGERANK,
            Centralities.KCORE, Centralities.BETWEENNESS);
    /** The centralities that follow the clusters run when the two Leiden runs go side by side. */
    private static final List<CentralityAlgorithm> BESIDE_CLUSTERS = List.of(Centralities.PAGERANK, Centralities.KCORE);
    /** The algorithm of the {@code community} partition unless one is given. */
    public static final CommunityAlgorithm COMMUNITIES = CommunityAlgorithms.LEIDEN;
    /** Appended to a step's name when the step listener is told that its result was given, not computed. */
    public static final String GIVEN = " (given)";

    private Analysis() {
    }

    public static AnalysisResult compute(InteractionGraph g, AnalysisConfig config) {
        return compute(g, config, Precomputed.NONE, Progress.NONE, step -> { });
    }

    public static AnalysisResult compute(InteractionGraph g, AnalysisConfig config, Progress progress, Consumer<String> steps) {
        return compute(g, config, Precomputed.NONE, progress, steps);
    }

    /**
     * @param given    results computed elsewhere, used instead of computing them
     * @param progress receives the algorithms' progress
     * @param steps    told each step's name, as listed in {@link #STEPS}, when it starts; a given step's name is
     *                 followed by {@link #GIVEN} (and the step takes no time in {@link AnalysisResult#seconds()})
     */
    public static AnalysisResult compute(InteractionGraph g, AnalysisConfig config, Precomputed given, Progress progress,
                                         Consumer<String> steps) {
        given.check(g);
        Map<String, Double> seconds = new LinkedHashMap<>();
        int threads = config.threads();
        Timer t = new Timer(steps, seconds);
        int samples = config.betweennessSamplesFor(g.nodeCount());
        CentralitySettings settings = CentralitySettings.defaults().withSamples(samples).withSeed(config.seed()).withThreads(threads);
        boolean sideBySide = given.communities() == null && threads > 1;
        // side by side, pagerank and kcore, which need only the graph, follow the clusters run: the shorter chain
        List<CentralityAlgorithm> beside = sideBySide ? BESIDE_CLUSTERS : List.of();
        Map<CentralityAlgorithm, NodeScores> computed = new HashMap<>();
        for (CentralityAlgorithm a : CENTRALITIES) {
            if (!beside.contains(a)) computed.put(a, t.step(a.name(), given.of(a), () -> a.compute(g, settings, progress)));
        }
        CommunitySettings partition = CommunitySettings.defaults().withSeed(config.seed()).withThreads(threads);
        CommunitySettings cpm = partition.withQuality(LeidenConfig.Quality.CPM).withResolution(config.clusters().resolution());
        boolean layered = Layers.applies(g);
        Communities communities;
        Communities clusters;
        // both Leiden runs spend most of their time in local moving, which is sequential. Side by side, engagement and
        // layers (they need no more than the communities) follow the communities run on this thread, and pagerank and
        // kcore the clusters run on the other, so that neither core idles while the longer chain ends
        Map<String, Object> done = Map.of();
        if (sideBySide) {
            List<Timer.Work> mine = new ArrayList<>(List.of(new Timer.Work("communities", before -> COMMUNITIES.compute(g, partition, progress)),
                    new Timer.Work("engagement", before -> Engagement.compute(g, (Communities) before.get("communities"), EngagementConfig.defaults()))));
            if (layered) mine.add(new Timer.Work("layers", before -> Layers.compute(g, settings, (Communities) before.get("communities"), progress)));
            List<Timer.Work> theirs = new ArrayList<>(List.of(new Timer.Work("clusters", before -> CommunityAlgorithms.LEIDEN.compute(g, cpm, Progress.NONE))));
            for (CentralityAlgorithm a : beside) theirs.add(new Timer.Work(a.name(), given.of(a), before -> a.compute(g, settings, Progress.NONE)));
            done = t.chains(mine, theirs);
            communities = (Communities) done.get("communities");
            clusters = (Communities) done.get("clusters");
            for (CentralityAlgorithm a : beside) computed.put(a, (NodeScores) done.get(a.name()));
        } else {
            communities = t.step("communities", given.communities(), () -> COMMUNITIES.compute(g, partition, progress));
            clusters = t.step("clusters", () -> CommunityAlgorithms.LEIDEN.compute(g, cpm, progress));
        }
        Map<CentralityAlgorithm, NodeScores> scores = new LinkedHashMap<>();
        for (CentralityAlgorithm a : CENTRALITIES) scores.put(a, computed.get(a));
        NodeScores degree = scores.get(Centralities.DEGREE);
        NodeScores pagerank = scores.get(Centralities.PAGERANK);
        NodeScores kcore = scores.get(Centralities.KCORE);
        NodeScores betweenness = scores.get(Centralities.BETWEENNESS);
        CohesionConfig cohesionConfig = CohesionConfig.defaults().withCoreSize(config.clusters().coreSize()).withThreads(threads);
        Cohesion.WithTriangles both = t.step("cohesion", () -> Cohesion.withTriangles(g, List.of(communities, clusters), cohesionConfig, progress));
        List<ClusterCohesion> cohesion = both.cohesion().get(0);
        List<ClusterCohesion> clusterCohesion = both.cohesion().get(1);
        NodeScores triangles = both.triangles();
        NodeScores engagement = sideBySide ? (NodeScores) done.get("engagement")
                : t.step("engagement", () -> Engagement.compute(g, communities, EngagementConfig.defaults()));
        List<ClusterRanking> kinds = t.step("audience", () -> {
            ClusterKinds rules = ClusterKinds.resolve(g, engagement.column("reciprocity"), config.clusters(), config.roles().minZ());
            // two sequential O(n + m) passes over the same graph: one per core
            return Futures.both(threads, "audience",
                    () -> PassionateClusters.compute(clusters, clusterCohesion, ClusterAudience.compute(g, clusters), rules),
                    () -> PassionateClusters.compute(communities, cohesion, ClusterAudience.compute(g, communities), rules));
        });
        ClusterRanking clusterKinds = kinds.get(0);
        List<PassionateCluster> passionate = clusterKinds.choirs();
        NodeScores layers = !layered ? null : sideBySide ? (NodeScores) done.get("layers")
                : t.step("layers", () -> Layers.compute(g, settings, communities, progress));
        RoleAssignment roles = t.step("roles", () -> Roles.compute(
                new Roles.Inputs(degree, pagerank, kcore, betweenness, engagement, passionate, clusterKinds.rings(), layers), config.roles()));

        Map<String, double[]> metrics = new LinkedHashMap<>();
        scores.forEach((a, s) -> a.columns().forEach(c -> metrics.put(c, s.column(c))));
        metrics.put("clustering", triangles.column("clustering"));
        for (String c : engagement.columns()) metrics.put(c, engagement.column(c));
        List<List<String>> labels = new ArrayList<>(g.nodeCount());
        for (int u = 0; u < g.nodeCount(); u++) labels.add(roles.labels(u));
        Map<String, double[]> layerColumns = new LinkedHashMap<>();
        if (layers != null) for (String c : layers.columns()) layerColumns.put(c, layers.column(c));
        NodeTable table = new NodeTable(g.ids(), metrics, communities.membership(), labels, clusters.membership(), layerColumns);

        double[] pr = pagerank.column(Centralities.PAGERANK.column());
        int[] hubNodes = roles.nodes(Role.HUB);
        List<String> hubs = java.util.Arrays.stream(TopNodes.of(hubNodes, pr, g.ids(), hubNodes.length)).mapToObj(u -> g.ids().id(u)).toList();
        // nothing to seed in an empty graph
        SeedStrategies.Groups groups = new SeedStrategies.Groups(clusters, PassionateClusters.seedingOrder(clusterKinds, clusterCohesion),
                PassionateClusters.choirOrder(clusterKinds), communities);
        double[] talkReciprocity = layers != null && config.seedOnLayers() ? layers.column("reciprocity_talk") : null;
        Seeding seeding = config.seedingRuns() == 0 || g.nodeCount() == 0 ? null : t.step("seeding", () -> seeding(g, groups,
                passionate.subList(0, Math.min(config.top(), passionate.size())), talkReciprocity, engagement.column("reciprocity"), config, progress));
        Map<String, Double> inOrder = new LinkedHashMap<>();
        for (String step : STEPS) if (seconds.containsKey(step)) inOrder.put(step, seconds.get(step));
        return new AnalysisResult(g, config, table, degree, pagerank, kcore, betweenness, samples, communities,
                Modularity.of(g, communities.membership()), cohesion, clusters, clusterCohesion, passionate, roles, hubs, seeding, inOrder,
                clusterKinds, kinds.get(1));
    }

    /**
     * The experiment runs both models; the report keeps those asked for, the recommendations read them all. On typed
     * input with rows in both layers ({@code talkReciprocity} non-null) each model runs on its goal's layer: the
     * experiment runs once on the spreading layer, whose {@code ic}
     * arms are kept, and once on the conversation layer, whose {@code threshold} arms are kept. The choirs' cores
     * are extra seed sets. The runs used and the stopping rule are those of the {@code ic} arms (complex contagion is
     * deterministic and runs once per seed set).
     */
    private static Seeding seeding(InteractionGraph g, SeedStrategies.Groups groups, List<PassionateCluster> topChoirs,
                                   double[] talkReciprocity, double[] reciprocity, AnalysisConfig config, Progress progress) {
        boolean typed = talkReciprocity != null;
        SeedingExperimentConfig c = SeedingExperimentConfig.defaults().withK(config.k()).withRuns(config.seedingRuns())
                .withSeed(config.seed()).withThreads(config.threads());
        List<Map.Entry<String, int[]>> cores = new ArrayList<>();
        for (PassionateCluster p : topChoirs) {
            cores.add(Map.entry(Seeding.CORE_PREFIX + p.cluster(), p.cohesion().core().stream().mapToInt(id -> g.ids().index(id)).toArray()));
        }
        Map<Goal, InteractionGraph> layerGraphs = new LinkedHashMap<>();
        if (typed) for (Goal goal : Goal.values()) layerGraphs.put(goal, LayerGraph.of(g, goal.types()));
        // a layer without rows (e.g. --layer MT) would make its goal's numbers meaningless: read both goals on the whole graph then
        boolean layered = typed && layerGraphs.values().stream().allMatch(l -> l.arcCount() > 0);
        List<SeedingArm> all;
        SeedingExperimentResult icRun;
        if (!layered) {
            icRun = SeedingExperiment.compute(g, groups, c, cores, progress);
            all = icRun.arms();
        } else {
            Map<String, SeedingExperimentResult> byModel = new LinkedHashMap<>();
            for (Goal goal : Goal.values()) byModel.put(goal.model(), SeedingExperiment.compute(layerGraphs.get(goal), groups, c, cores, progress));
            icRun = byModel.get(Goal.AWARENESS.model());
            all = new ArrayList<>();
            // the experiment's arm order, each arm from its model's layer
            for (SeedingArm a : icRun.arms()) all.add(byModel.get(a.model()).arm(a.strategy(), a.model()));
        }
        List<SeedingArm> strategies = all.stream().filter(a -> !a.strategy().startsWith(Seeding.CORE_PREFIX)).toList();
        List<Recommendation> recommendations = new ArrayList<>();
        for (Goal goal : Goal.values()) {
            Recommendation rec = Recommendation.choose(goal, layered, strategies, layered ? talkReciprocity : reciprocity, g.ids());
            if (rec != null) recommendations.add(rec);
        }
        List<SeedingArm> kept = all.stream().filter(a -> config.models().contains(a.model())).toList();
        return new Seeding(Math.min(config.k(), g.nodeCount()), c.runs(), c.complex().thresholdK(),
                kept.stream().filter(a -> !a.strategy().startsWith(Seeding.CORE_PREFIX)).toList(),
                kept.stream().filter(a -> a.strategy().startsWith(Seeding.CORE_PREFIX)).toList(), layered, recommendations,
                icRun.runsUsed(), icRun.stopping());
    }

    /** Announces and times each step. */
    private record Timer(Consumer<String> steps, Map<String, Double> seconds) {
        /** {@code given} when not null, else the computed result. */
        <T> T step(String name, T given, Supplier<T> work) {
            if (given == null) return step(name, work);
            steps.accept(name + GIVEN);
            return given;
        }

        <T> T step(String name, Supplier<T> work) {
            steps.accept(name);
            long start = System.nanoTime();
            T result = work.get();
            seconds.put(name, (System.nanoTime() - start) / 1e9);
            return result;
        }

        /** A step of {@link #chains}: its name, and its work given the results of the steps before it, by name. */
        record Work(String name, Object given, Function<Map<String, Object>, Object> body) {
            Work(String name, Function<Map<String, Object>, Object> body) {
                this(name, null, body);
            }
        }

        /**
         * Two chains of steps side by side, {@code mine} on this thread and {@code other} on a thread of its own, each
         * in order; a step sees the results of the steps before it on its chain. The steps are announced at the start in
         * {@link #STEPS} order, and each keeps its own duration, so that durations overlap in
         * {@link AnalysisResult#seconds()}. An error in any is rethrown as it was (an {@link OutOfMemoryError} stays one).
         *
         * @return every step's result by name
         */
        Map<String, Object> chains(List<Work> mine, List<Work> other) {
            List<Work> all = new ArrayList<>(mine);
            all.addAll(other);
            all.sort(Comparator.comparingInt(w -> STEPS.indexOf(w.name())));
            all.forEach(w -> steps.accept(w.given() == null ? w.name() : w.name() + GIVEN));
            Map<String, Object> results = Collections.synchronizedMap(new HashMap<>());
            Map<String, Double> took = new ConcurrentHashMap<>();
            Function<List<Work>, Boolean> chain = works -> {
                for (Work w : works) run(w, results, took);
                return true;
            };
            Futures.both(2, other.get(0).name(), () -> chain.apply(mine), () -> chain.apply(other));
            for (Work w : all) if (w.given() == null) seconds.put(w.name(), took.get(w.name()));
            return results;
        }

        private static void run(Work w, Map<String, Object> results, Map<String, Double> took) {
            if (w.given() != null) {
                results.put(w.name(), w.given());
                return;
            }
            long start = System.nanoTime();
            results.put(w.name(), w.body().apply(results));
            took.put(w.name(), (System.nanoTime() - start) / 1e9);
        }
    }
}
