package dev.chorus.report;

import java.util.List;

/**
 * The seeding experiment as the report shows it: for a budget of {@code k} seeds, the expected spread of each
 * strategy (hubs by degree or PageRank, passionate-cluster seeds, IMM) under each model, with its confidence
 * interval. Filled from {@code dev.chorus.diffusion.SeedingExperiment}.
 *
 * @param k    seed budget
 * @param arms one entry per strategy and model
 */
public record Seeding(int k, List<Arm> arms) {
    public Seeding {
        arms = List.copyOf(arms);
    }

    /**
     * @param strategy {@code degree}, {@code pagerank}, {@code clusters} or {@code imm}
     * @param model    {@code ic} (simple contagion) or {@code threshold} (complex contagion)
     * @param seeds    original ids of the seeds
     * @param runs     simulations
     * @param mean     mean number of activated nodes, seeds included
     * @param sd       sample standard deviation of that number
     * @param ci95Low  lower end of the 95% confidence interval of the mean
     * @param ci95High upper end
     * @param curve    mean activated nodes after each step (may be empty)
     */
    public record Arm(String strategy, String model, List<String> seeds, int runs, double mean, double sd,
                      double ci95Low, double ci95High, double[] curve) {
        public Arm {
            seeds = List.copyOf(seeds);
        }
    }

    /** Arms of one model, in experiment order. */
    public List<Arm> arms(String model) {
        return arms.stream().filter(a -> a.model().equals(model)).toList();
    }
}
