package dev.chorus.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * End to end on the shipped Higgs activity, split at 2012-07-04 00:00 UTC, k = 10: the degree arm's seeds and
 * observed numbers against a plain loop over the gzipped file written here (no production code).
 */
class BacktestHiggsTest {
    static final String HIGGS = "datasets/higgs-twitter/higgs-activity_time.txt.gz";
    static final long SPLIT = 1341360000L;

    record Row(String source, String target, long time) {
    }

    @Test
    void degreeArmMatchesAnIndependentLoop() throws IOException {
        List<Row> train = new ArrayList<>();
        List<Row> future = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(Path.of(HIGGS))),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.trim().split("\\s+");
                Row r = new Row(f[0], f[1], Long.parseLong(f[2]));
                (r.time() < SPLIT ? train : future).add(r);
            }
        }
        assertEquals(53_746, train.size());
        assertEquals(509_323, future.size());
        // degree seeds: most train rows acting on the person, ties by id
        Map<String, Integer> rowsOn = new HashMap<>();
        for (Row r : train) rowsOn.merge(r.target(), 1, Integer::sum);
        List<String> seeds = rowsOn.keySet().stream()
                .sorted(Comparator.<String>comparingInt(id -> -rowsOn.get(id)).thenComparing(Comparator.naturalOrder())).limit(10).toList();
        Set<String> s = new HashSet<>(seeds);
        Set<String> engagers = new HashSet<>();
        for (Row r : future) if (s.contains(r.target()) && !s.contains(r.source())) engagers.add(r.source());
        List<Row> sweep = new ArrayList<>(future);
        sweep.sort(Comparator.comparingLong(Row::time)); // List.sort is stable: ties stay in file order
        Set<String> reached = new HashSet<>(s);
        for (Row r : sweep) if (reached.contains(r.target())) reached.add(r.source());

        BacktestConfig config = BacktestConfig.defaults().withAnalysis(AnalysisConfig.defaults().withSeedingRuns(20)).withDraws(3).withBootstrap(0);
        TemporalSplit.Split split = TemporalSplit.read(HIGGS, IngestOptions.defaults(), SplitConfig.at(SPLIT), row -> { }, Progress.NONE);
        BacktestResult r = Backtest.compute(split, config);
        Arm degree = r.arm("degree");
        assertEquals(seeds, degree.seeds());
        assertEquals(engagers.size(), degree.observed().engagers());
        assertEquals(reached.size() - s.size(), degree.observed().reach());
        assertEquals(53_746, r.trainRows());
        assertEquals(509_323, r.futureRows());
    }
}
