package dev.chorus.analysis;

import dev.chorus.diffusion.ArmStopping;
import dev.chorus.diffusion.SeedingArm;
import java.util.List;

/**
 * The seeding experiment as the report shows it ({@link dev.chorus.diffusion.SeedingExperiment}): for a budget of
 * {@code k} seeds, the spread of each strategy (hubs by degree or PageRank, cluster, choir and voice seeds, IMM) under
 * each model the analysis asked for, with confidence intervals.
 *
 * @param k          seed budget
 * @param runs       most Monte Carlo runs (worlds) per arm: the setting
 * @param thresholdK complex contagion: active neighbours a person needs before adopting
 * @param arms       one entry per strategy and model
 * @param cores      the spread of seeding each top choir's core, one entry per choir and model, named
 *                   {@link #CORE_PREFIX} + cluster index
 * @param layered    whether each model ran on its goal's layer ({@link Goal#layer()}: {@code ic} on the spreading
 *                   layer, {@code threshold} on the conversation layer; typed input), not on the whole graph
 * @param recommendations one per {@link Goal}, in goal order (empty as read back from a report)
 * @param runsUsed   the worlds every arm got ({@code stopping} chose them; at most {@code runs})
 * @param stopping   the rule that chose them, or null (read back from a report without one)
 */
public record Seeding(int k, int runs, int thresholdK, List<SeedingArm> arms, List<SeedingArm> cores, boolean layered,
                      List<Recommendation> recommendations, int runsUsed, ArmStopping stopping) {
    /** Prefix of a core arm's name, followed by the cluster index. */
    public static final String CORE_PREFIX = "core:";

    public Seeding {
        arms = List.copyOf(arms);
        cores = List.copyOf(cores);
        recommendations = List.copyOf(recommendations);
    }

    /** Without core arms, recommendations and stopping rule, on the whole graph (as read back from a report): every arm had {@code runs}. */
    public Seeding(int k, int runs, int thresholdK, List<SeedingArm> arms) {
        this(k, runs, thresholdK, arms, List.of(), false, List.of(), runs, null);
    }

    /** The recommendation for {@code goal}, or null. */
    public Recommendation recommendation(Goal goal) {
        for (Recommendation r : recommendations) if (r.goal() == goal) return r;
        return null;
    }

    /** The core arm of {@code cluster} under {@code model}, or null. */
    public SeedingArm core(int cluster, String model) {
        for (SeedingArm a : cores) if (a.strategy().equals(CORE_PREFIX + cluster) && a.model().equals(model)) return a;
        return null;
    }

    /** Arms of one model, in experiment order. */
    public List<SeedingArm> arms(String model) {
        return arms.stream().filter(a -> a.model().equals(model)).toList();
    }
}
