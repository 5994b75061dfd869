package dev.chorus.backtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code chorus backtest} on the shipped Higgs activity (split 2012-07-04, k = 10, defaults: 1,000 simulations per
 * arm, 100 random draws, 1,000 bootstrap replicates), wall time per phase; the bound is 30 s in all. The
 * analysis of the train graph is the baseline the backtest's own work (outcomes, draws, rankings) is set against.
 */
@Tag("bench")
class BacktestBench {
    @Test
    void higgs() {
        long t0 = System.nanoTime();
        TemporalSplit.Split s = TemporalSplit.read(BacktestHiggsTest.HIGGS, IngestOptions.defaults(), SplitConfig.at(BacktestHiggsTest.SPLIT),
                row -> { }, Progress.NONE);
        long t1 = System.nanoTime();
        Map<String, Long> marks = new LinkedHashMap<>();
        Backtest.compute(s, BacktestConfig.defaults(), Progress.NONE, step -> marks.putIfAbsent(step.startsWith("train graph") ? "analysis" : step, System.nanoTime()));
        long t2 = System.nanoTime();
        long outcomes = marks.get("observed outcomes of the arms");
        long rankings = marks.get("rankings against future attention");
        double split = (t1 - t0) / 1e9;
        double analysis = (outcomes - t1) / 1e9;
        double arms = (rankings - outcomes) / 1e9;
        double rank = (t2 - rankings) / 1e9;
        double total = (t2 - t0) / 1e9;
        System.out.printf(Locale.ROOT, "backtest higgs: split (2 passes) %.1f s, analysis of the train graph %.1f s, arms + random draws %.1f s, "
                + "rankings + bootstrap %.1f s, total %.1f s; backtest's own work / analysis = %.2f%n", split, analysis, arms, rank, total,
                (arms + rank) / analysis);
        assertTrue(total < 30, "backtest on Higgs took " + total + " s");
    }
}
