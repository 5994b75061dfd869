package dev.chorus.bench;

import dev.chorus.diffusion.Cascade;
import dev.chorus.diffusion.Celf;
import dev.chorus.diffusion.CelfConfig;
import dev.chorus.diffusion.EdgeWeights;
import dev.chorus.diffusion.Imm;
import dev.chorus.diffusion.ImmConfig;
import dev.chorus.diffusion.Propagation;
import dev.chorus.diffusion.InfluenceGraph;
import dev.chorus.diffusion.SeedBaselines;
import dev.chorus.diffusion.SeedBaselinesConfig;
import dev.chorus.diffusion.SeedSelection;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Propagation on NetHEPT (weighted cascade, the standard influence-maximization setting) and optionally on a
 * large graph, each figure beside a baseline in the same JVM:
 * <ul>
 * <li>IMM k = 50, epsilon = 0.1 on 2 threads vs 1 thread, and vs CELF (1,000 runs per evaluation) in time and in
 * spread (both judged by one independent Monte Carlo stream of 10,000 runs), and vs the top-degree seeds;</li>
 * <li>CELF vs plain greedy on a budget plain greedy finishes (k = 5, 100 runs per evaluation): time and spread
 * evaluations;</li>
 * <li>Monte Carlo IC simulations per second from IMM's 50 seeds, 2 threads vs 1, and vs a naive implementation
 * (JGraphT graph, HashSet, java.util.Random), the way one would first write it;</li>
 * <li>with {@code --input}: IMM k = 50, epsilon = 0.1, WC on that graph, time and peak heap.</li>
 * </ul>
 */
public final class DiffusionBenchmark {
    public static final String NETHEPT = "datasets/nethept/NetHEPT_directed_wc.txt.gz";

    private DiffusionBenchmark() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> run(String nethept, String large, int repeat, boolean celf, PrintWriter log) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        int threads = Runtime.getRuntime().availableProcessors();
        result.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        result.put("processors", threads);
        InteractionGraph g = GraphLoader.load(nethept, IngestOptions.defaults().withSkipLines(1)).graph();
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("input", nethept);
        ds.put("nodes", g.nodeCount());
        ds.put("arcs", g.arcCount());
        result.put("nethept", ds);
        Propagation icWc = Propagation.ic(EdgeWeights.weightedCascade());
        InfluenceGraph wc = icWc.influenceGraph(g);
        Cascade ic = icWc.cascade(wc);
        SpreadEstimator judge = new SpreadEstimator(g.nodeCount(), ic, 10_000, 1, SpreadEstimator.STREAM_EVALUATE, threads);

        Map<String, Object> imm = new LinkedHashMap<>();
        ImmConfig cfg = ImmConfig.defaults().withK(50).withEpsilon(0.1).withPropagation(icWc).withThreads(threads);
        SeedSelection[] chosen = new SeedSelection[1];
        imm.put("chorus", Timing.measure("imm nethept " + threads + "t", repeat, log, () -> chosen[0] = Imm.compute(wc, cfg, Progress.NONE)));
        imm.put("chorus_1_thread", Timing.measure("imm nethept 1t", repeat, log, () -> Imm.compute(wc, cfg.withThreads(1), Progress.NONE)));
        Timing.ratios(imm);
        imm.put("rr_sets", chosen[0].samples());
        SimulationResult immSpread = judge.simulate("ic", chosen[0].nodes());
        imm.put("spread", immSpread.mean());
        imm.put("spread_ci95", new double[] {immSpread.ci95Low(), immSpread.ci95High()});
        double degreeSpread = judge.simulate("ic", SeedBaselines.compute(g, SeedBaselinesConfig.defaults().withK(50)).nodes()).mean();
        imm.put("degree_top50_spread", degreeSpread);
        imm.put("spread_vs_degree", Timing.round(immSpread.mean() / degreeSpread));
        if (celf) {
            log.println("bench: CELF k=50, 1,000 runs per evaluation (one run, no warm-up: it takes minutes)...");
            log.flush();
            SeedSelection c = Celf.compute(g, CelfConfig.defaults().withK(50).withPropagation(icWc).withRuns(1000).withThreads(threads));
            log.printf("bench celf nethept k=50       %.3f s%n", c.seconds());
            double celfSpread = judge.simulate("ic", c.nodes()).mean();
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("seconds", c.seconds());
            cm.put("evaluations", c.samples());
            cm.put("spread", celfSpread);
            imm.put("celf_k50_1000_runs", cm);
            imm.put("speedup_vs_celf", Timing.round(c.seconds() / Timing.best((Map<String, Object>) imm.get("chorus"))));
            imm.put("spread_vs_celf", Timing.round(immSpread.mean() / celfSpread * 1000) / 1000.0);
        }
        result.put("imm_nethept_k50_eps0.1", imm);

        if (celf) {
            Map<String, Object> lazy = new LinkedHashMap<>();
            CelfConfig small = CelfConfig.defaults().withK(5).withPropagation(icWc).withRuns(100).withThreads(threads);
            SeedSelection[] runs = new SeedSelection[2];
            lazy.put("celf", once(log, "celf k=5 100 runs", () -> runs[0] = Celf.compute(g, small)));
            lazy.put("greedy", once(log, "greedy k=5 100 runs", () -> runs[1] = Celf.compute(g, small.withLazy(false))));
            lazy.put("celf_evaluations", runs[0].samples());
            lazy.put("greedy_evaluations", runs[1].samples());
            lazy.put("same_seeds", java.util.Arrays.equals(runs[0].nodes(), runs[1].nodes()));
            lazy.put("speedup_vs_greedy", Timing.round(runs[1].seconds() / runs[0].seconds()));
            result.put("celf_vs_greedy_nethept_k5", lazy);
        }

        Map<String, Object> mc = new LinkedHashMap<>();
        int[] seeds = chosen[0].nodes();
        int runs = 2000;
        mc.put("seeds", seeds.length);
        mc.put("runs", runs);
        mc.put("chorus", Timing.measure("mc ic " + threads + "t", repeat, log, () -> estimator(g, ic, runs, threads).mean(seeds)));
        mc.put("chorus_1_thread", Timing.measure("mc ic 1t", repeat, log, () -> estimator(g, ic, runs, 1).mean(seeds)));
        Graph<String, DefaultWeightedEdge> jg = g.toJGraphT();
        String[] seedIds = java.util.Arrays.stream(seeds).mapToObj(g.ids()::id).toArray(String[]::new);
        int naiveRuns = 200;
        Map<String, Object> naive = Timing.measure("mc ic naive", repeat, log, () -> naiveIc(jg, seedIds, naiveRuns, 1));
        mc.put("naive_runs", naiveRuns);
        mc.put("naive", naive);
        double perSec = runs / Timing.best((Map<String, Object>) mc.get("chorus"));
        mc.put("simulations_per_s", Math.round(perSec));
        mc.put("simulations_per_s_1_thread", Math.round(runs / Timing.best((Map<String, Object>) mc.get("chorus_1_thread"))));
        mc.put("naive_simulations_per_s", Math.round(naiveRuns / Timing.best(naive)));
        mc.put("speedup_vs_naive", Timing.round(perSec / (naiveRuns / Timing.best(naive))));
        mc.put("parallel_speedup", Timing.round(perSec / (runs / Timing.best((Map<String, Object>) mc.get("chorus_1_thread")))));
        result.put("monte_carlo_ic_nethept_50_seeds", mc);
        judge.close();

        if (large != null) {
            Map<String, Object> big = new LinkedHashMap<>();
            InteractionGraph lg = Timing.load(large, big);
            InfluenceGraph lwc = icWc.influenceGraph(lg);
            SeedSelection[] s = new SeedSelection[1];
            big.put("chorus", Timing.measure("imm large " + threads + "t", 1, log, () -> s[0] = Imm.compute(lwc, cfg, Progress.NONE)));
            big.put("rr_sets", s[0].samples());
            big.put("imm_estimate", s[0].estimate());
            result.put("imm_large_k50_eps0.1", big);
        }
        return result;
    }

    private static SpreadEstimator estimator(InteractionGraph g, Cascade ic, int runs, int threads) {
        return new SpreadEstimator(g.nodeCount(), ic, runs, 7, SpreadEstimator.STREAM_SIMULATE, threads);
    }

    private static Map<String, Object> once(PrintWriter log, String name, Timing.Body body) throws Exception {
        long t0 = System.nanoTime();
        body.run();
        double s = (System.nanoTime() - t0) / 1e9;
        log.printf("bench %-22s %.3f s%n", name, s);
        log.flush();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("best_s", s);
        return m;
    }

    /** The first version one would write: boxed graph, HashSet, ArrayDeque, java.util.Random; WC probabilities. */
    static double naiveIc(Graph<String, DefaultWeightedEdge> g, String[] seeds, int runs, long seed) {
        Random rnd = new Random(seed);
        long total = 0;
        for (int r = 0; r < runs; r++) {
            Set<String> active = new HashSet<>(java.util.List.of(seeds));
            ArrayDeque<String> queue = new ArrayDeque<>(active);
            while (!queue.isEmpty()) {
                String v = queue.poll();
                // influence v -> u for every interaction u -> v
                for (DefaultWeightedEdge e : g.incomingEdgesOf(v)) {
                    String u = g.getEdgeSource(e);
                    if (u.equals(v) || active.contains(u)) continue;
                    if (rnd.nextDouble() < 1.0 / g.outDegreeOf(u)) {
                        active.add(u);
                        queue.add(u);
                    }
                }
            }
            total += active.size();
        }
        return (double) total / runs;
    }
}
