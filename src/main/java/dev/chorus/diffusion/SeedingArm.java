package dev.chorus.diffusion;

import java.util.List;

/**
 * One strategy's seeds under one model, with the Monte Carlo spread (activated nodes, seeds included).
 *
 * @param strategy a {@link SeedStrategies#NAMES} name, or the name of an extra seed set
 * @param model    {@code ic} (independent cascade) or {@code threshold} (complex contagion)
 * @param seeds    original ids, in the order the strategy chose them
 * @param curve    mean number of active nodes after each step ({@code curve[0]} = seeds)
 */
public record SeedingArm(String strategy, String model, List<String> seeds, int runs, double mean, double sd,
                         double ci95Low, double ci95High, double[] curve) {
    public SeedingArm {
        seeds = List.copyOf(seeds);
    }
}
