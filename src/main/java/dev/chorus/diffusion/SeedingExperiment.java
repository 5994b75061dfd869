package dev.chorus.diffusion;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Hubs or groups? For one budget k, the spread of each {@link SeedStrategies} strategy ({@code degree},
 * {@code pagerank}, {@code clusters}, {@code choirs}, {@code voices}, {@code imm}) under simple and under complex
 * contagion. IMM needs a submodular model, so its seeds, chosen for the cascade, are also used under complex
 * contagion. Models: the config's {@code simple} propagation, an independent cascade ({@code ic}), and its {@code complex}
 * one, complex contagion with an absolute threshold ({@code threshold}, {@link ComplexContagion},
 * deterministic: run once per seed set, its sd is 0). Simple contagion tends to favour hubs, complex contagion
 * clusters (Centola 2010); this is the measurement, per graph.
 * <p>
 * Under {@code ic} every arm is measured in the same random worlds ({@link LiveEdgeWorlds}, on the evaluation
 * stream, never the randomness that chose the seeds), all seed sets in one traversal per world, worlds in parallel.
 * The number of worlds is chosen by {@link ArmStopping}: at most {@code runs}, fewer once the strategies' arms
 * separate or tie within the tolerance; extra seed sets ride along in the same worlds and do not enter the rule.
 * Every arm then reports the worlds used as its runs, with the t-interval of its own mean. Identical seed sets are
 * simulated once. Results are the same for any thread count (worlds are independent and summed as integers).
 * Cost: the seed strategies (IMM the largest) plus, per world, one multi-source cascade, plus one complex
 * contagion per distinct seed set.
 */
public final class SeedingExperiment {
    private SeedingExperiment() {
    }

    public static SeedingExperimentResult compute(InteractionGraph g, SeedStrategies.Groups groups, SeedingExperimentConfig config) {
        return compute(g, groups, config, List.of());
    }

    /**
     * @param extra further seed sets to measure under both models, by name (e.g. the core of each top choir); their
     *              arms follow the strategies' in the result
     */
    public static SeedingExperimentResult compute(InteractionGraph g, SeedStrategies.Groups groups, SeedingExperimentConfig config,
                                                  List<Map.Entry<String, int[]>> extra) {
        return compute(g, groups, config, extra, Progress.NONE);
    }

    /**
     * @param extra further seed sets to measure under both models, by name (e.g. the core of each top choir); their
     *              arms follow the strategies' in the result
     */
    public static SeedingExperimentResult compute(InteractionGraph g, SeedStrategies.Groups groups, SeedingExperimentConfig config,
                                                  List<Map.Entry<String, int[]>> extra, Progress progress) {
        int n = g.nodeCount();
        int k = Math.min(config.k(), n);
        InfluenceGraph icGraph = config.simple().influenceGraph(g);
        List<Map.Entry<String, int[]>> sets = new ArrayList<>();
        for (String strategy : SeedStrategies.NAMES) {
            sets.add(Map.entry(strategy, SeedStrategies.choose(strategy, g, groups, k, config, icGraph, progress)));
        }
        sets.addAll(extra);
        // one simulation per distinct seed set: arms often share theirs
        Map<String, Integer> index = new LinkedHashMap<>();
        List<int[]> distinct = new ArrayList<>();
        int[] setOf = new int[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            int[] c = SpreadEstimator.canonical(sets.get(i).getValue(), n);
            setOf[i] = index.computeIfAbsent(Arrays.toString(c), key -> {
                distinct.add(c);
                return distinct.size() - 1;
            });
        }
        int[][] canon = distinct.toArray(new int[0][]);
        int[] compared = Arrays.stream(setOf, 0, SeedStrategies.NAMES.size()).distinct().toArray();
        ForkJoinPool pool = Chunks.pool(config.threads());
        try {
            SimulationResult[] ic = simple(icGraph, canon, compared, config, pool, progress);
            SimulationResult[] threshold = complex(config.complex().cascade(g), n, canon, ic.length == 0 ? config.runs() : ic[0].runs(),
                    config, pool, progress);
            List<SeedingArm> arms = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                List<String> ids = new ArrayList<>();
                for (int s : sets.get(i).getValue()) ids.add(g.ids().id(s));
                arms.add(arm(sets.get(i).getKey(), ids, ic[setOf[i]]));
                arms.add(arm(sets.get(i).getKey(), ids, threshold[setOf[i]]));
            }
            int used = ic.length == 0 ? 0 : ic[0].runs();
            return new SeedingExperimentResult(arms, config.runs(), used, config.stopping());
        } finally {
            if (pool != null) pool.shutdown();
        }
    }

    /** The independent cascade of every set in shared worlds, as many as {@link ArmStopping} asks for. */
    private static SimulationResult[] simple(InfluenceGraph icGraph, int[][] sets, int[] compared, SeedingExperimentConfig config,
                                             ForkJoinPool pool, Progress progress) {
        int max = config.runs();
        int[][] spread = new int[sets.length][max];
        int[][][] curves = new int[sets.length][max][];
        LiveEdgeWorlds worlds = new LiveEdgeWorlds(icGraph, sets, config.seed(), SpreadEstimator.STREAM_EVALUATE);
        ThreadLocal<LiveEdgeWorlds.Scratch> scratch = ThreadLocal.withInitial(() -> new LiveEdgeWorlds.Scratch(icGraph.nodeCount()));
        int done = 0;
        long[] reported = {0};
        try (Progress.Task task = progress.begin(config.simple().model().cliName() + " worlds", max, "runs")) {
            for (int look : config.stopping().looks(max)) {
                int base = done;
                Chunks chunks = Chunks.even(look - base, Chunks.DEFAULT_CHUNKS);
                chunks.forEach(pool, c -> {
                    LiveEdgeWorlds.Scratch s = scratch.get();
                    int[] sp = new int[sets.length];
                    int[][] cv = new int[sets.length][];
                    for (int w = base + chunks.start(c); w < base + chunks.end(c); w++) {
                        worlds.run(w, s, sp, cv);
                        for (int a = 0; a < sets.length; a++) {
                            spread[a][w] = sp[a];
                            curves[a][w] = cv[a];
                        }
                    }
                    // one lock per chunk keeps the reported count monotone across threads
                    synchronized (reported) {
                        reported[0] += chunks.end(c) - chunks.start(c);
                        task.stepTo(reported[0]);
                    }
                });
                done = look;
                if (config.stopping().resolved(spread, compared, done)) {
                    task.total(done);
                    break;
                }
            }
        }
        SimulationResult[] out = new SimulationResult[sets.length];
        for (int a = 0; a < sets.length; a++) {
            out[a] = SimulationResult.of(config.simple().model().cliName(), Arrays.copyOf(spread[a], done), Arrays.copyOf(curves[a], done));
        }
        return out;
    }

    /** The deterministic complex contagion once per set, sets in parallel, each reported as {@code runs} identical runs. */
    private static SimulationResult[] complex(Cascade cascade, int n, int[][] sets, int runs, SeedingExperimentConfig config,
                                              ForkJoinPool pool, Progress progress) {
        SimulationResult[] out = new SimulationResult[sets.length];
        if (sets.length == 0) return out;
        ThreadLocal<Cascade.Scratch> scratch = ThreadLocal.withInitial(() -> new Cascade.Scratch(n));
        String model = config.complex().model().cliName();
        long[] reported = {0};
        try (Progress.Task task = progress.begin(model + " cascades", sets.length, "seed sets")) {
            Chunks chunks = Chunks.even(sets.length, sets.length);
            chunks.forEach(pool, c -> {
                Cascade.IntList curve = new Cascade.IntList();
                // the cascade is deterministic: the random source is never read
                int spread = cascade.run(sets[c], new SplittableRandom(0), scratch.get(), curve);
                out[c] = SimulationResult.constant(model, runs, spread, curve.toArray());
                synchronized (reported) {
                    task.stepTo(++reported[0]);
                }
            });
        }
        return out;
    }

    private static SeedingArm arm(String strategy, List<String> seeds, SimulationResult r) {
        return new SeedingArm(strategy, r.model(), seeds, r.runs(), r.mean(), r.sd(), r.ci95Low(), r.ci95High(), r.curve());
    }
}
