package dev.chorus.diffusion;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hubs or groups? For one budget k, the spread of each {@link SeedStrategies} strategy ({@code degree},
 * {@code pagerank}, {@code clusters}, {@code choirs}, {@code voices}, {@code imm}) under simple and under complex
 * contagion. IMM needs a submodular model, so its seeds, chosen for the cascade, are also used under complex
 * contagion. Models: the config's {@code simple} propagation, an independent cascade ({@code ic}), and its {@code complex}
 * one, complex contagion with an absolute threshold ({@code threshold}, {@link ComplexContagion},
 * deterministic: its sd is 0). Every arm's spread is a fresh Monte Carlo estimate on the evaluation stream, never
 * the estimate that chose the seeds. Simple contagion tends to favour hubs, complex contagion clusters (Centola
 * 2010); this is the measurement, per graph. Cost: IMM plus 12 Monte Carlo estimates of {@code runs} cascades
 * (on the 1M-row generated graph with weighted cascade, where a run reaches ~33,000 nodes, IMM takes ~30 s at
 * epsilon 0.1 and 1,000 IC runs tens of seconds; lower {@code runs} for a quick look).
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
        int k = Math.min(config.k(), g.nodeCount());
        InfluenceGraph icGraph = config.simple().influenceGraph(g);
        Cascade ic = config.simple().cascade(icGraph);
        Cascade threshold = config.complex().cascade(g);
        List<SeedingArm> arms = new ArrayList<>();
        try (SpreadEstimator icEst = new SpreadEstimator(g.nodeCount(), ic, config.runs(), config.seed(),
                SpreadEstimator.STREAM_EVALUATE, config.threads());
             SpreadEstimator thEst = new SpreadEstimator(g.nodeCount(), threshold, config.runs(), config.seed(),
                     SpreadEstimator.STREAM_EVALUATE, config.threads())) {
            List<Map.Entry<String, int[]>> sets = new ArrayList<>();
            for (String strategy : SeedStrategies.NAMES) {
                sets.add(Map.entry(strategy, SeedStrategies.choose(strategy, g, groups, k, config, icGraph, progress)));
            }
            sets.addAll(extra);
            for (Map.Entry<String, int[]> set : sets) {
                int[] seeds = set.getValue();
                List<String> ids = new ArrayList<>();
                for (int s : seeds) ids.add(g.ids().id(s));
                arms.add(arm(set.getKey(), ids, icEst.simulate(config.simple().model().cliName(), seeds, progress)));
                arms.add(arm(set.getKey(), ids, thEst.simulate(config.complex().model().cliName(), seeds, progress)));
            }
        }
        return new SeedingExperimentResult(arms);
    }

    private static SeedingArm arm(String strategy, List<String> seeds, SimulationResult r) {
        return new SeedingArm(strategy, r.model(), seeds, r.runs(), r.mean(), r.sd(), r.ci95Low(), r.ci95High(), r.curve());
    }
}
