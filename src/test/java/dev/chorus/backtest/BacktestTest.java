package dev.chorus.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.diffusion.SeedingExperiment;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.RejectedRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {
    @TempDir
    Path tmp;

    static final BacktestConfig SMALL = BacktestConfig.defaults()
            .withAnalysis(AnalysisConfig.defaults().withK(5).withSeedingRuns(50).withThreads(2)).withDraws(5).withBootstrap(20);

    /** 600 train rows (times 0..999) among 80 people, interleaved in the file with the future rows (times >= 1000). */
    private Path file(String name, List<String> future) throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        List<String> lines = new ArrayList<>();
        lines.add("source,target,timestamp");
        for (int i = 0; i < 600; i++) {
            int a = r.nextInt(80);
            int b = (int) Math.floor(80 * Math.pow(r.nextDouble(), 3)); // skewed attention: a few hubs
            lines.add("p" + a + ",p" + b + "," + r.nextInt(1000));
            if (i % 3 == 0 && i / 3 < future.size()) lines.add(future.get(i / 3));
        }
        for (int i = 200; i < future.size(); i++) lines.add(future.get(i));
        Path p = tmp.resolve(name);
        Files.write(p, lines);
        return p;
    }

    private static List<String> future(long seed, int rows, int people) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> f = new ArrayList<>();
        for (int i = 0; i < rows; i++) f.add("p" + r.nextInt(people) + ",p" + r.nextInt(people) + "," + (1000 + r.nextInt(1000)));
        return f;
    }

    private static TemporalSplit.Split split(Path p) {
        return TemporalSplit.read(p.toString(), IngestOptions.defaults(), SplitConfig.at(1000), row -> { }, dev.chorus.progress.Progress.NONE);
    }

    @Test
    void futureRowsChangeNoSeedAndNoTrainTimeScore() throws IOException {
        TemporalSplit.Split a = split(file("a.csv", future(1, 300, 80)));
        List<String> other = future(2, 450, 120); // other rows, more of them, and people who only exist in the future
        for (int i = 0; i < 100; i++) other.add("q" + i + ",p79," + (1500 + i)); // a nobody becomes a star
        TemporalSplit.Split b = split(file("b.csv", other));
        assertEquals(600, a.trainRows());
        assertEquals(600, b.trainRows());
        BacktestResult ra = Backtest.compute(a, SMALL);
        BacktestResult rb = Backtest.compute(b, SMALL);
        assertEquals(SeedingExperiment.STRATEGIES.size() + 1, ra.arms().size());
        for (int i = 0; i < ra.arms().size(); i++) {
            Arm x = ra.arms().get(i);
            Arm y = rb.arms().get(i);
            assertEquals(x.strategy(), y.strategy());
            assertEquals(x.seeds(), y.seeds(), x.strategy());
            assertEquals(x.predicted(), y.predicted(), x.strategy());
        }
        assertEquals(ra.scores().keySet(), rb.scores().keySet());
        for (String k : ra.scores().keySet()) assertArrayEquals(ra.scores().get(k), rb.scores().get(k), k);
        // the outcomes did change: the test would notice a leak
        assertNotEquals(ra.ranking(Backtest.IN_DEGREE).spearman(), rb.ranking(Backtest.IN_DEGREE).spearman());
    }

    @Test
    void fractionSplitsAtTheTimeOfTheFirstFutureRow() throws IOException {
        Path p = tmp.resolve("f.csv");
        // times 1..10; 0.8 of 10 rows = 8 rows before T, so T = 9
        List<String> lines = new ArrayList<>(List.of("source,target,timestamp"));
        for (int t = 10; t >= 1; t--) lines.add("u" + t + ",v," + t);
        Files.write(p, lines);
        TemporalSplit.Split s = TemporalSplit.read(p.toString(), IngestOptions.defaults(), SplitConfig.fraction(0.8), row -> { },
                dev.chorus.progress.Progress.NONE);
        assertEquals(9, s.split());
        assertEquals(8, s.trainRows());
        assertEquals(2, s.future().rows());
        // a horizon of 1 s keeps only the row at 9
        s = TemporalSplit.read(p.toString(), IngestOptions.defaults(), SplitConfig.fraction(0.8).withHorizon(1), row -> { },
                dev.chorus.progress.Progress.NONE);
        assertEquals(1, s.future().rows());
        assertEquals(1, s.beyond());
    }

    @Test
    void untimedRowsAreRejectedAndEmptySidesAndMissingTimesFail() throws IOException {
        Path p = tmp.resolve("u.csv");
        Files.write(p, List.of("source,target,timestamp", "a,b,1", "c,d,", "e,f,5", "g,h,9"));
        List<RejectedRow> rejected = new ArrayList<>();
        TemporalSplit.Split s = TemporalSplit.read(p.toString(), IngestOptions.defaults(), SplitConfig.at(5), rejected::add,
                dev.chorus.progress.Progress.NONE);
        assertEquals(4, s.rows().read());
        assertEquals(3, s.rows().loaded());
        assertEquals(1, s.rows().rejected());
        assertEquals(3, rejected.get(0).line());
        assertEquals(TemporalSplit.UNTIMED, rejected.get(0).reason());
        assertEquals(1, s.trainRows());
        assertEquals(2, s.future().rows());

        InputException e = assertThrows(InputException.class, () -> TemporalSplit.read(p.toString(), IngestOptions.defaults(),
                SplitConfig.at(100), row -> { }, dev.chorus.progress.Progress.NONE));
        assertTrue(e.getMessage().contains("3 train rows") && e.getMessage().contains("0 future rows"), e.getMessage());

        Path untimed = tmp.resolve("plain.txt");
        Files.write(untimed, List.of("a b", "b c"));
        e = assertThrows(InputException.class, () -> TemporalSplit.read(untimed.toString(), IngestOptions.defaults(),
                SplitConfig.fraction(0.5), row -> { }, dev.chorus.progress.Progress.NONE));
        assertTrue(e.getMessage().contains("no timestamps"), e.getMessage());
    }
}
