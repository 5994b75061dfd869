package dev.chorus.backtest;

import java.util.List;

/**
 * One top choir of the train-time analysis with its core as the seed set: the simulated spread of that core on the
 * train graph (the prediction) beside what the future did with it ({@link Outcomes}, as for the arms).
 *
 * @param cluster   the choir's cluster index in the train analysis
 * @param rank      its rank among the train-time choirs, 1 first
 * @param size      members
 * @param reach     train-time outside audience (distinct outsiders who acted on a member); null where not measured
 * @param core      original ids of the core, the seed set
 * @param predicted the core's simulated spread, seeds taken out as in {@link Arm#predicted()}; null when the seeding
 *                  experiment did not simulate it
 * @param observed  engagers and reach of the core in the future rows
 */
public record ChoirOutcome(int cluster, int rank, int size, Integer reach, List<String> core, Arm.Prediction predicted,
                           Outcomes.Observed observed) {
    public ChoirOutcome {
        core = List.copyOf(core);
    }
}
