package dev.chorus.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest's {@code choirs}: a planted temporal graph (the choirs-and-rings construction of issue 17, timed before
 * the split) whose first choir's core is acted on by outsiders after it, in rows counted by hand.
 */
class ChoirBacktestTest {
    static final int CHOIRS = 6;
    static final int SIZE = 5; // = the default core size, so the core is the whole planted group
    static final int AUDIENCE = 40;
    static final int BACKGROUND = 3500;

    @TempDir
    Path tmp;

    static final BacktestConfig CONFIG = BacktestConfig.defaults()
            .withAnalysis(AnalysisConfig.defaults().withK(5).withSeedingRuns(50).withThreads(2)).withDraws(3).withBootstrap(0);

    /** Train rows at times 0..999: background acting on 5 hubs and on itself, choirs heard by the background, rings heard by nobody. */
    private static List<String> train(long seed) {
        Random rnd = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < BACKGROUND; i++) {
            for (int h = 0, hubs = 1 + rnd.nextInt(3); h < hubs; h++) rows.add("p" + i + ",hub" + rnd.nextInt(5));
            for (int j = 0; j < 2; j++) {
                int q = rnd.nextInt(BACKGROUND);
                if (q != i) rows.add("p" + i + ",p" + q);
            }
        }
        for (int c = 0; c < CHOIRS; c++) {
            for (int u = 0; u < SIZE; u++) for (int v = 0; v < SIZE; v++) if (u != v) rows.add(member(c, u) + "," + member(c, v));
            for (int v = 0; v < SIZE; v++) {
                Set<Integer> fans = new HashSet<>();
                while (fans.size() < AUDIENCE) fans.add(rnd.nextInt(BACKGROUND));
                for (int f : fans) rows.add("p" + f + "," + member(c, v));
            }
        }
        for (int r = 0; r < 2; r++) {
            for (int u = 0; u < SIZE; u++) {
                for (int v = 0; v < SIZE; v++) for (int t = 0; u != v && t < 8; t++) rows.add("ring" + r + "_" + u + ",ring" + r + "_" + v);
                rows.add("ring" + r + "_" + u + ",hub" + rnd.nextInt(5));
            }
        }
        List<String> timed = new ArrayList<>();
        for (String row : rows) timed.add(row + "," + rnd.nextInt(1000));
        return timed;
    }

    private static String member(int choir, int i) {
        return "choir" + choir + "_" + i;
    }

    /**
     * The future of choir 0 (its core is all 5 members), by hand, arrows "a acted on b":
     * <ul>
     * <li>t=1100: new_i_0 and new_i_1 act on member i, i = 0..4: 10 engagers, all reached;</li>
     * <li>t=1100 and 1200: background p0 acts on member 0 twice: 1 more engager, reached (11 engagers);</li>
     * <li>t=1100: member 1 acts on member 0 (a seed: not counted); member 0 acts on x (x acted on, not acting: not counted);</li>
     * <li>t=1200: hop_i acts on new_i_0: 5 people reached through one hop, no engagers (reach 11 + 5 = 16);</li>
     * <li>t=1050: late acts on new_0_1 before new_0_1 acts on the seed: the chain runs backwards, late is not reached.</li>
     * </ul>
     * Plus {@code noise} rows of future-only people acting on hubs, which reach no choir.
     */
    private static List<String> future(int noise) {
        List<String> f = new ArrayList<>();
        f.add("late,new_0_1,1050");
        for (int i = 0; i < SIZE; i++) {
            f.add("new_" + i + "_0," + member(0, i) + ",1100");
            f.add("new_" + i + "_1," + member(0, i) + ",1100");
        }
        f.add("p0," + member(0, 0) + ",1100");
        f.add("p0," + member(0, 0) + ",1200");
        f.add(member(0, 1) + "," + member(0, 0) + ",1100");
        f.add(member(0, 0) + ",x,1100");
        for (int i = 0; i < SIZE; i++) f.add("hop_" + i + ",new_" + i + "_0,1200");
        for (int i = 0; i < noise; i++) f.add("q" + i + ",hub" + (i % 5) + "," + (1000 + i));
        return f;
    }

    private TemporalSplit.Split split(String name, List<String> train, List<String> future) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("source,target,timestamp");
        lines.addAll(future); // future rows first in the file: only the split may separate them
        lines.addAll(train);
        Path p = tmp.resolve(name);
        Files.write(p, lines);
        return TemporalSplit.read(p.toString(), IngestOptions.defaults(), SplitConfig.at(1000), row -> { }, Progress.NONE);
    }

    private static ChoirOutcome choir(BacktestResult r, int planted) {
        Set<String> members = new HashSet<>();
        for (int i = 0; i < SIZE; i++) members.add(member(planted, i));
        return r.choirs().stream().filter(c -> new HashSet<>(c.core()).equals(members)).findFirst().orElse(null);
    }

    @Test
    void plantedChoirsCoreObservesTheHandCountedEngagersAndReach() throws IOException {
        BacktestResult r = Backtest.compute(split("a.csv", train(3), future(20)), CONFIG);
        assertEquals(CHOIRS, r.choirs().size(), "the planted choirs, and nothing else, are the choirs");
        for (int i = 0; i < r.choirs().size(); i++) assertEquals(i + 1, r.choirs().get(i).rank());
        ChoirOutcome c0 = choir(r, 0);
        assertNotNull(c0, "choir 0's core is its 5 members");
        assertEquals(new Outcomes.Observed(11, 16), c0.observed());
        assertEquals(SIZE, c0.size());
        // train-time audience: each member has AUDIENCE distinct fans, shared fans counted once
        assertTrue(c0.reach() >= AUDIENCE && c0.reach() <= SIZE * AUDIENCE, "reach " + c0.reach());
        assertEquals("ic", c0.predicted().model());
        assertTrue(c0.predicted().mean() >= 0, "the prediction counts people beyond the core");
        for (int planted = 1; planted < CHOIRS; planted++) {
            ChoirOutcome c = choir(r, planted);
            assertNotNull(c, "choir " + planted);
            assertEquals(new Outcomes.Observed(0, 0), c.observed(), "nobody acted on choir " + planted + " after the split");
        }
    }

    @Test
    void futureRowsChangeNoChoirSelection() throws IOException {
        List<String> train = train(3);
        BacktestResult a = Backtest.compute(split("a.csv", train, future(20)), CONFIG);
        List<String> other = new ArrayList<>(future(400));
        // the future floods choir 1 and the rings: observations change, the train-time choice must not
        for (int i = 0; i < 50; i++) other.add("z" + i + "," + member(1, i % SIZE) + "," + (1300 + i));
        for (int i = 0; i < 50; i++) other.add("z" + i + ",ring0_" + (i % SIZE) + "," + (1300 + i));
        BacktestResult b = Backtest.compute(split("b.csv", train, other), CONFIG);
        assertEquals(a.choirs().size(), b.choirs().size());
        for (int i = 0; i < a.choirs().size(); i++) {
            ChoirOutcome x = a.choirs().get(i);
            ChoirOutcome y = b.choirs().get(i);
            assertEquals(List.of(x.cluster(), x.rank(), x.size(), x.reach(), x.core(), x.predicted()),
                    List.of(y.cluster(), y.rank(), y.size(), y.reach(), y.core(), y.predicted()), "choir " + i);
        }
        // the outcomes did change: the test would notice a leak
        assertEquals(new Outcomes.Observed(0, 0), choir(a, 1).observed());
        assertEquals(new Outcomes.Observed(50, 50), choir(b, 1).observed());
        assertNotEquals(a.choirs(), b.choirs());
    }
}
