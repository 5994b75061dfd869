package dev.chorus.diffusion;

import java.util.List;

/** The arms of a {@link SeedingExperiment}: strategies in {@link SeedStrategies#NAMES} order, then extra seed sets; each under ic, then threshold. */
public record SeedingExperimentResult(List<SeedingArm> arms) {
    public SeedingExperimentResult {
        arms = List.copyOf(arms);
    }

    /** The arm of {@code strategy} under {@code model}, or null. */
    public SeedingArm arm(String strategy, String model) {
        for (SeedingArm a : arms) if (a.strategy().equals(strategy) && a.model().equals(model)) return a;
        return null;
    }
}
