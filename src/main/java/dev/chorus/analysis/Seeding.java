package dev.chorus.analysis;

import dev.chorus.diffusion.SeedingArm;
import java.util.List;

/**
 * The seeding experiment as the report shows it ({@link dev.chorus.diffusion.SeedingExperiment}): for a budget of
 * {@code k} seeds, the spread of each strategy (hubs by degree or PageRank, passionate-cluster seeds, IMM) under
 * each model the analysis asked for, with confidence intervals.
 *
 * @param k          seed budget
 * @param runs       Monte Carlo runs per arm
 * @param thresholdK complex contagion: active neighbours a person needs before adopting
 * @param arms       one entry per strategy and model
 */
public record Seeding(int k, int runs, int thresholdK, List<SeedingArm> arms) {
    public Seeding {
        arms = List.copyOf(arms);
    }

    /** Arms of one model, in experiment order. */
    public List<SeedingArm> arms(String model) {
        return arms.stream().filter(a -> a.model().equals(model)).toList();
    }
}
