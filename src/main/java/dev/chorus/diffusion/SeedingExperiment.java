package dev.chorus.diffusion;

import dev.chorus.community.Communities;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * Hubs or clusters? For one budget k, the spread of four seed sets under simple and under complex contagion:
 * <ul>
 * <li>{@code degree}: the k nodes receiving the most attention (weighted in-degree), {@link SeedBaselines};</li>
 * <li>{@code pagerank}: the k highest PageRank nodes;</li>
 * <li>{@code clusters}: k seeds inside the most cohesive communities, {@code max(2, thresholdK)} mutually tied
 * members per community (k of the complex contagion) in {@code clusterOrder} ({@link ClusterSeeds});</li>
 * <li>{@code imm}: the k seeds {@link Imm} chooses for the independent cascade with epsilon {@link #IMM_EPSILON}
 * (IMM needs a submodular model, so the same seeds are also used under complex contagion).</li>
 * </ul>
 * Models: the config's {@code simple} propagation, an independent cascade ({@code ic}), and its {@code complex}
 * one, complex contagion with an absolute threshold ({@code threshold}, {@link ComplexContagion},
 * deterministic: its sd is 0). Every arm's spread is a fresh Monte Carlo estimate on the evaluation stream, never
 * the estimate that chose the seeds. Simple contagion tends to favour hubs, complex contagion clusters (Centola
 * 2010); this is the measurement, per graph. Cost: IMM plus 8 Monte Carlo estimates of {@code runs} cascades
 * (on the 1M-row generated graph with weighted cascade, where a run reaches ~33,000 nodes, IMM takes ~30 s at
 * epsilon 0.1 and 1,000 IC runs tens of seconds; lower {@code runs} for a quick look).
 */
public final class SeedingExperiment {
    public static final List<String> STRATEGIES = List.of("degree", "pagerank", "clusters", "imm");
    /** IMM's slack here: 0.2 needs a quarter of the RR sets of 0.1 (theta ~ 1/epsilon^2) for a report-sized answer. */
    public static final double IMM_EPSILON = 0.2;

    private SeedingExperiment() {
    }

    /**
     * @param communities  a partition of g's nodes
     * @param clusterOrder community indices, most cohesive first
     */
    public static SeedingExperimentResult compute(InteractionGraph g, Communities communities, int[] clusterOrder,
                                                  SeedingExperimentConfig config) {
        return compute(g, communities, clusterOrder, config, Progress.NONE);
    }

    /**
     * @param communities  a partition of g's nodes
     * @param clusterOrder community indices, most cohesive first
     */
    public static SeedingExperimentResult compute(InteractionGraph g, Communities communities, int[] clusterOrder,
                                                  SeedingExperimentConfig config, Progress progress) {
        if (clusterOrder == null) clusterOrder = new int[0];
        int k = Math.min(config.k(), g.nodeCount());
        InfluenceGraph icGraph = config.simple().influenceGraph(g);
        Cascade ic = config.simple().cascade(icGraph);
        Cascade threshold = config.complex().cascade(g);
        List<SeedingArm> arms = new ArrayList<>();
        try (SpreadEstimator icEst = new SpreadEstimator(g.nodeCount(), ic, config.runs(), config.seed(),
                SpreadEstimator.STREAM_EVALUATE, config.threads());
             SpreadEstimator thEst = new SpreadEstimator(g.nodeCount(), threshold, config.runs(), config.seed(),
                     SpreadEstimator.STREAM_EVALUATE, config.threads())) {
            for (String strategy : STRATEGIES) {
                int[] seeds = k == 0 ? new int[0] : switch (strategy) {
                    case "degree", "pagerank" -> SeedBaselines.compute(g, new SeedBaselinesConfig(
                            SeedBaselinesConfig.Method.parse(strategy), k, config.threads()), progress).nodes();
                    case "clusters" -> ClusterSeeds.compute(g, communities, clusterOrder,
                            new ClusterSeedsConfig(k, Math.max(2, config.complex().thresholdK())), progress).nodes();
                    case "imm" -> Imm.compute(icGraph, ImmConfig.defaults().withK(k).withEpsilon(IMM_EPSILON).withPropagation(config.simple())
                            .withSeed(config.seed()).withThreads(config.threads()), progress).nodes();
                    default -> throw new AssertionError(strategy);
                };
                List<String> ids = new ArrayList<>();
                for (int s : seeds) ids.add(g.ids().id(s));
                arms.add(arm(strategy, ids, icEst.simulate(config.simple().model().cliName(), seeds, progress)));
                arms.add(arm(strategy, ids, thEst.simulate(config.complex().model().cliName(), seeds, progress)));
            }
        }
        return new SeedingExperimentResult(arms);
    }

    private static SeedingArm arm(String strategy, List<String> seeds, SimulationResult r) {
        return new SeedingArm(strategy, r.model(), seeds, r.runs(), r.mean(), r.sd(), r.ci95Low(), r.ci95High(), r.curve());
    }
}
