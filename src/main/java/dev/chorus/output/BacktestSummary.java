package dev.chorus.output;

import dev.chorus.backtest.Arm;
import dev.chorus.backtest.Backtest;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.backtest.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The backtest in plain sentences, for stdout and for the verdict of {@code analyze --backtest}. */
public final class BacktestSummary {
    private BacktestSummary() {
    }

    public static List<String> sentences(BacktestResult r) {
        List<String> s = new ArrayList<>();
        s.add(String.format(Locale.ROOT, "Backtest: seeds and rankings chosen on %,d rows before %s, checked against the %,d rows after it%s.",
                r.trainRows(), Instant.ofEpochSecond(r.split()), r.futureRows(),
                r.horizonEnd() == Long.MAX_VALUE ? "" : " until " + Instant.ofEpochSecond(r.horizonEnd())));
        s.add(verdict(r));
        for (Arm a : r.arms()) {
            s.add(String.format(Locale.ROOT, "  %-10s observed: %,d engagers, reach %,d; predicted reach %,.0f (95%% CI %,.0f to %,.0f)%s",
                    a.strategy(), a.observed().engagers(), a.observed().reach(), a.predicted().mean(), a.predicted().ci95Low(),
                    a.predicted().ci95High(), a.draws() == null ? "" : String.format(Locale.ROOT, "; over %d random draws reach %,.0f (95%% of draws %,.0f to %,.0f)",
                            a.draws().draws(), a.draws().reachMean(), a.draws().reachLow(), a.draws().reachHigh())));
        }
        Ranking base = r.ranking(Backtest.IN_DEGREE);
        Ranking best = r.rankings().stream().filter(k -> Double.isFinite(k.spearman()))
                .max(java.util.Comparator.comparingDouble(Ranking::spearman)).orElse(null);
        if (base != null && best != null) {
            s.add(String.format(Locale.ROOT, "Best predictor of future attention: %s (Spearman %.3f, precision@100 %.2f); in-degree baseline %.3f (%.2f).",
                    best.ranking(), best.spearman(), best.precisionAt100(), base.spearman(), base.precisionAt100()));
        }
        return s;
    }

    /** Which strategy won in the future data, and whether the simulation agreed. */
    public static String verdict(BacktestResult r) {
        Arm won = r.observedWinner();
        Arm predicted = r.predictedWinner();
        if (won == null) return "No strategy to compare.";
        String head = String.format(Locale.ROOT, "In what happened next, %s won: its %d seeds reached %,d people (%,d engaged directly)",
                won.strategy(), won.seeds().size(), won.observed().reach(), won.observed().engagers());
        Arm random = r.arm(Backtest.RANDOM);
        if (random != null && random.draws() != null && won.observed().reach() <= random.draws().reachHigh()) {
            head += String.format(Locale.ROOT, ", no more than random seeds can reach (%,.0f to %,.0f over %d draws)",
                    random.draws().reachLow(), random.draws().reachHigh(), random.draws().draws());
        }
        if (won.strategy().equals(predicted.strategy())) return head + "; the simulation agreed.";
        return head + String.format(Locale.ROOT, "; the simulation disagreed: it ranked %s first (predicted %,.0f, observed %,d).",
                predicted.strategy(), predicted.predicted().mean(), predicted.observed().reach());
    }
}
