package dev.chorus.backtest;

import java.util.List;

/**
 * One seeding strategy's seeds (chosen on the train graph), the simulation's prediction there and what the
 * future did with them.
 *
 * @param strategy  a seeding-experiment strategy ({@code degree}, {@code pagerank}, {@code clusters}, {@code imm},
 *                  ...) or {@code random}
 * @param seeds     original ids, in the order the strategy chose them
 * @param predicted the simulation on the train graph; its mean and interval count people reached beyond the
 *                  seeds, as {@code reach} does
 * @param observed  engagers and reach in the future ({@link Outcomes})
 * @param draws     {@code random} only: observed outcomes over many draws; null for the other strategies
 */
public record Arm(String strategy, List<String> seeds, Prediction predicted, Outcomes.Observed observed, Draws draws) {
    public Arm {
        seeds = List.copyOf(seeds);
    }

    /** @param model e.g. {@code ic} with {@code weights} {@code wc} (weighted cascade) */
    public record Prediction(String model, String weights, int runs, double mean, double ci95Low, double ci95High) {
    }

    /** Mean and 2.5th to 97.5th percentile, over {@code draws} random seed sets, of engagers and reach. */
    public record Draws(int draws, double engagersMean, double engagersLow, double engagersHigh, double reachMean,
                        double reachLow, double reachHigh) {
    }
}
