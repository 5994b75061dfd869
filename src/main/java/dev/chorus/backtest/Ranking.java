package dev.chorus.backtest;

/**
 * One ranking of the train graph's people scored against a future outcome.
 *
 * @param ranking        its name: a {@code nodes.csv} column, {@code in_degree} (the baseline: distinct people
 *                       who acted on the person in train) or {@link RecencyAttention#NAME}
 * @param outcome        {@code attention}: distinct future actors on the person
 * @param spearman       Spearman's rho between score and outcome over the people present in train (NaN when
 *                       either is constant)
 * @param ci95Low        bootstrap 95% interval of rho ({@link SpearmanBootstrap})
 * @param ci95High       upper end
 * @param precisionAt100 share of the ranking's top 100 (ties by original id) whose outcome is at least the 100th
 *                       largest outcome
 */
public record Ranking(String ranking, String outcome, double spearman, double ci95Low, double ci95High,
                      double precisionAt100) {
}
