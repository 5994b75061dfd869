package dev.chorus.backtest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Backtest} found.
 *
 * @param split       T, epoch seconds
 * @param horizonEnd  end of the future (exclusive), or {@link Long#MAX_VALUE} without a horizon
 * @param trainRows   rows before T
 * @param trainNodes  nodes of the train graph
 * @param trainEdges  edges of the train graph
 * @param futureRows  rows in [T, horizonEnd)
 * @param k           seed budget
 * @param halfLife    half-life of {@link RecencyAttention}, seconds
 * @param arms        the seeding strategies in experiment order, {@code random} last
 * @param choirs      the train analysis's top choirs, best first, each with its core's prediction and outcome
 * @param rankings    in-degree first, then the {@code nodes.csv} columns, then the time-aware ranking
 * @param scores      the train-time score of every ranking, by name, indexed by train node
 */
public record BacktestResult(long split, long horizonEnd, long trainRows, int trainNodes, long trainEdges,
                             long futureRows, int k, double halfLife, List<Arm> arms, List<ChoirOutcome> choirs,
                             List<Ranking> rankings,
                             Map<String, double[]> scores) {
    public BacktestResult {
        arms = List.copyOf(arms);
        choirs = List.copyOf(choirs);
        rankings = List.copyOf(rankings);
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }

    /** The strategy (not {@code random}) with the largest observed reach; ties: more engagers, then experiment order. */
    public Arm observedWinner() {
        return strategies().max(Comparator.<Arm>comparingInt(a -> a.observed().reach())
                .thenComparingInt(a -> a.observed().engagers())).orElse(null);
    }

    /** The strategy (not {@code random}) the simulation ranked first. */
    public Arm predictedWinner() {
        return strategies().max(Comparator.comparingDouble(a -> a.predicted().mean())).orElse(null);
    }

    public Arm arm(String strategy) {
        return arms.stream().filter(a -> a.strategy().equals(strategy)).findFirst().orElse(null);
    }

    public Ranking ranking(String name) {
        return rankings.stream().filter(r -> r.ranking().equals(name)).findFirst().orElse(null);
    }

    private java.util.stream.Stream<Arm> strategies() {
        // Stream.max keeps the first of equal elements: experiment order breaks ties
        return arms.stream().filter(a -> !a.strategy().equals(Backtest.RANDOM));
    }
}
