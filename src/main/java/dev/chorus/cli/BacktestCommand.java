package dev.chorus.cli;

import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.Source;
import dev.chorus.backtest.Backtest;
import dev.chorus.backtest.BacktestConfig;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.backtest.SplitConfig;
import dev.chorus.backtest.TemporalSplit;
import dev.chorus.ingest.Interaction;
import dev.chorus.output.BacktestJson;
import dev.chorus.output.BacktestSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Choose seeds and rankings on the rows before a split time, score them on what happened after it; writes backtest.json.")
final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SplitOption split;

    static final class SplitOption {
        @Option(names = "--split", paramLabel = "T", description = "Split time: epoch seconds or ISO-8601 (e.g. 2012-07-04T00:00:00Z).")
        String time;

        @Option(names = "--split-fraction", paramLabel = "F", description = "Split so that this fraction of the timed rows is train, in (0, 1).")
        Double fraction;

        SplitConfig config() {
            return time != null ? SplitConfig.at(Interaction.parseTime(time)) : SplitConfig.fraction(fraction);
        }
    }

    @Option(names = "--horizon", paramLabel = "D",
            description = "The future ends D after the split: seconds, or a number with s, m, h, d or w (e.g. 3d). Default: to the end of the data.")
    String horizon;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "Seeds per strategy (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--out", defaultValue = "chorus-backtest", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs", defaultValue = "1000", paramLabel = "N", description = "Simulations per arm for the prediction (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--draws", defaultValue = "100", paramLabel = "N", description = "Random seed sets behind the random arm's interval (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N", description = "Bootstrap replicates of each Spearman interval (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    @Override
    public Integer call() {
        if (k < 1) throw new IllegalArgumentException("--k must be >= 1, got " + k);
        if (runs < 1) throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        SplitConfig splitConfig = split.config();
        if (horizon != null) splitConfig = splitConfig.withHorizon(duration(horizon));
        AnalysisConfig analysis = AnalysisConfig.defaults().withK(k).withSeed(seed).withSeedingRuns(runs);
        if (threads != null) analysis = analysis.withThreads(threads);
        BacktestConfig config = BacktestConfig.defaults().withAnalysis(analysis).withDraws(draws).withBootstrap(bootstrap);

        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        createDirectory(out);
        step(err, "split " + input.input);
        TemporalSplit.Split s = input.split(err, input.rejects != null ? input.rejects : out.resolve("rejected.tsv"), splitConfig, threads);
        step(err, String.format(Locale.ROOT, "train %,d rows (%,d nodes), future %,d rows, in %.1f s", s.trainRows(), s.train().nodeCount(),
                s.future().rows(), (System.nanoTime() - start) / 1e9));
        BacktestResult r = Backtest.compute(s, config, CliProgress.create(err, input.quiet), name -> step(err, name));
        Source source = new Source(input.input, s.format().name().toLowerCase(Locale.ROOT), s.rows());
        BacktestJson.write(r, source, out.resolve("backtest.json"));
        step(err, String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - start) / 1e9));
        PrintWriter stdout = spec.commandLine().getOut();
        for (String sentence : BacktestSummary.sentences(r)) stdout.println(sentence);
        stdout.println("Written: " + out.resolve("backtest.json") + (s.rows().rejected() > 0 ? " (and rejected.tsv)" : ""));
        stdout.flush();
        return ExitCode.OK;
    }

    /** Seconds, or a number with unit s, m, h, d or w. */
    static long duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            case 'w' -> 604_800;
            default -> 0;
        };
        try {
            long v = Long.parseLong(unit == 0 ? t : t.substring(0, t.length() - 1));
            if (v > 0) return Math.multiplyExact(v, unit == 0 ? 1 : unit);
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException("--horizon: expected a positive duration such as 86400, 12h or 3d, got '" + text + "'");
    }

    private void step(PrintWriter err, String message) {
        if (input.quiet) return;
        err.println("chorus: backtest: " + message);
        err.flush();
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }
}
