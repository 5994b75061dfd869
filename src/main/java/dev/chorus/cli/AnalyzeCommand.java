package dev.chorus.cli;

import dev.chorus.backtest.Backtest;
import dev.chorus.backtest.BacktestConfig;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.backtest.SplitConfig;
import dev.chorus.backtest.TemporalSplit;
import dev.chorus.ingest.Interaction;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.Goal;
import dev.chorus.output.Gexf;
import dev.chorus.output.ReportFiles;
import dev.chorus.analysis.Source;
import dev.chorus.output.Summary;
import dev.chorus.roles.ClusterConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The main job: roles, passionate clusters, seeding experiment; writes report.html, report.json, nodes.csv, clusters.csv, graph.gexf.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--out", defaultValue = "chorus-report", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Hubs and clusters the summary and report name (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "Seed budget of the seeding experiment (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed of every randomized step (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", defaultValue = "both", paramLabel = "M",
            description = "Seeding experiment models: ic (simple contagion), threshold (complex contagion) or both (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--goal", defaultValue = "awareness", paramLabel = "G",
            description = "What the recommended seeds and the verdict optimise: awareness (reach: simple contagion on the spreading layer, "
                    + "retweets and quotes) or action (complex contagion on the conversation layer, replies, comments and messages, "
                    + "and credible seeds); untyped input reads both on the whole graph (default: ${DEFAULT-VALUE}).")
    String goal;

    @Option(names = "--runs", defaultValue = "100", paramLabel = "N", description = "Simulations per seeding arm; 0 skips the experiment (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--samples", paramLabel = "K",
            description = "Betweenness sources: 0 = exact (default: exact up to 5000 nodes, else 200 sampled sources).")
    Integer samples;

    @Option(names = "--min-cluster-size", defaultValue = "5", paramLabel = "N", description = "Smallest passionate cluster (default: ${DEFAULT-VALUE}).")
    int minClusterSize;

    @Option(names = "--max-cluster-size", defaultValue = "150", paramLabel = "N", description = "Largest passionate cluster (default: ${DEFAULT-VALUE}).")
    int maxClusterSize;

    @Option(names = "--cluster-resolution", defaultValue = "0.5", paramLabel = "R",
            description = "CPM resolution of the tight clusters: internal interaction weight per member pair they exceed (default: ${DEFAULT-VALUE}).")
    double clusterResolution;

    @Option(names = "--gexf", defaultValue = "report", paramLabel = "WHAT",
            description = "graph.gexf: report (the report's subgraph: named hubs, drawn clusters, their ties), full (every node and edge, "
                    + "graph.gexf.gz above 1M edges) or none (default: ${DEFAULT-VALUE}).")
    Gexf.Scope gexf;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--backtest", paramLabel = "T|auto",
            description = "Also backtest the seeding strategies and rankings: chosen on the rows before T (epoch seconds or ISO-8601; auto = "
                    + "at 80%% of the timed rows), scored on the rows after it; adds 'backtest' to report.json (see 'chorus backtest').")
    String backtest;

    @Override
    public Integer call() {
        List<String> models = switch (model.toLowerCase(Locale.ROOT)) {
            case "both" -> AnalysisConfig.MODELS;
            case "ic", "threshold" -> List.of(model.toLowerCase(Locale.ROOT));
            default -> throw new IllegalArgumentException("--model: unknown '" + model + "' (use ic, threshold or both)");
        };
        Goal chosen;
        try {
            chosen = Goal.parse(goal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--goal: " + e.getMessage(), e);
        }
        if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        if (samples != null && samples < 0) throw new IllegalArgumentException("--samples must be >= 0, got " + samples);
        AnalysisConfig config = AnalysisConfig.defaults().withTop(top).withK(k).withSeed(seed).withModels(models)
                .withSeedingRuns(runs).withGoal(chosen)
                .withClusters(ClusterConfig.defaults().withResolution(clusterResolution).withSize(minClusterSize, maxClusterSize));
        if (threads != null) config = config.withThreads(threads);
        if (samples != null) config = config.withBetweennessSamples(samples);
        SplitConfig split = backtest == null ? null : backtest.equalsIgnoreCase("auto") ? SplitConfig.fraction(0.8)
                : SplitConfig.at(Interaction.parseTime(backtest));
        if (split != null && input.input.equals("-")) throw new IllegalArgumentException("--backtest reads INPUT twice: give a file, not -");

        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        createDirectory(out);
        step(err, "load " + input.input);
        GraphLoader.Loaded loaded = input.load(err, out.resolve("rejected.tsv"), threads);
        InteractionGraph g = loaded.graph();
        step(err, String.format(Locale.ROOT, "loaded %,d nodes, %,d edges in %.1f s", g.nodeCount(), g.edgeCount(), (System.nanoTime() - start) / 1e9));
        int[] index = {0};
        AnalysisResult r = Analysis.compute(g, config, CliProgress.create(err, input.quiet),
                name -> step(err, "[" + (++index[0]) + "/" + Analysis.STEPS.size() + "] " + name));
        Source source = new Source(input.input, loaded.format().name().toLowerCase(Locale.ROOT), loaded.rows());
        BacktestResult bt = null;
        Source btSource = null;
        if (split != null) {
            step(err, "backtest: split " + input.input);
            TemporalSplit.Split s = input.split(err, out.resolve("backtest-rejected.tsv"), split, threads);
            bt = Backtest.compute(s, BacktestConfig.defaults().withAnalysis(config.withSeedingRuns(Math.max(1, config.seedingRuns()))),
                    CliProgress.create(err, input.quiet), name -> step(err, "backtest: " + name));
            btSource = new Source(input.input, s.format().name().toLowerCase(Locale.ROOT), s.rows());
        }

        step(err, "writing " + out);
        long writing = System.nanoTime();
        List<String> files = List.copyOf(ReportFiles.write(r, source, bt, btSource, out, gexf).keySet());
        step(err, String.format(Locale.ROOT, "wrote the files in %.1f s; done in %.1f s", (System.nanoTime() - writing) / 1e9,
                (System.nanoTime() - start) / 1e9));

        for (String sentence : Summary.sentences(r, bt)) stdout.println(sentence);
        List<String> also = new java.util.ArrayList<>(files);
        also.remove("report.html");
        if (loaded.rows().rejected() > 0) also.add("rejected.tsv");
        stdout.println("Report: " + out.resolve("report.html") + " (also " + String.join(", ", also) + " in " + out + ")");
        stdout.flush();
        return ExitCode.OK;
    }

    private void step(PrintWriter err, String message) {
        if (input.quiet) return;
        err.println("chorus: analyze: " + message);
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
