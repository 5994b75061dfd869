package dev.chorus.diffusion;

import java.util.List;

/**
 * The arms of a {@link SeedingExperiment}: strategies in {@link SeedStrategies#NAMES} order, then extra seed sets;
 * each under ic, then threshold.
 *
 * @param maxRuns  the most worlds an arm could get (the configured runs)
 * @param runsUsed the worlds every arm got, chosen by {@code stopping}
 * @param stopping the rule that chose them
 */
public record SeedingExperimentResult(List<SeedingArm> arms, int maxRuns, int runsUsed, ArmStopping stopping) {
    public SeedingExperimentResult {
        arms = List.copyOf(arms);
    }

    /** The arm of {@code strategy} under {@code model}, or null. */
    public SeedingArm arm(String strategy, String model) {
        for (SeedingArm a : arms) if (a.strategy().equals(strategy) && a.model().equals(model)) return a;
        return null;
    }
}
