package dev.chorus.cli;

import dev.chorus.output.Json;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.bench.AnalyzeBenchmark;
import dev.chorus.bench.CentralityBenchmark;
import dev.chorus.bench.CommunityBenchmark;
import dev.chorus.bench.DiffusionBenchmark;
import dev.chorus.bench.IngestBenchmark;
import dev.chorus.generate.SocialGraphGenerator;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Benchmarks with a baseline run side by side; JSON on stdout, log on stderr.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = {
            "ingest: read + build the graph vs. a line scan and a naive loader;",
            "centrality: algorithms on the loaded graph vs. JGraphT and vs. one thread;",
            "communities: louvain, leiden, lpa with their modularity, vs. JGraphT's label propagation and one thread;",
            "analyze: the main job (load, every step, the files) vs. info on the same file, alternating; per-step times, peak heap, ratio;",
            "diffusion: IMM on NetHEPT vs CELF, one thread and top degree; CELF vs plain greedy; Monte Carlo throughput; IMM on --input if given."})
    String what;

    @Option(names = "--algo", split = ",", paramLabel = "A,B",
            description = "centrality: pagerank, kcore, betweenness (default: pagerank); communities: louvain, leiden, lpa (default: all).")
    List<String> algorithms;

    @Option(names = "--samples", defaultValue = "1000", paramLabel = "K",
            description = "centrality betweenness: sampled sources (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--baseline-samples", defaultValue = "100", paramLabel = "K",
            description = "centrality betweenness: sources for the one-source-per-search baseline, compared per source (default: ${DEFAULT-VALUE}).")
    int baselineSamples;

    @Option(names = "--no-1-thread", description = "centrality betweenness: skip the one-thread run (parallel speed-up).")
    boolean noOneThread;

    @Option(names = "--no-jgrapht", description = "centrality: skip the JGraphT baseline (it needs several times the heap).")
    boolean noJgrapht;

    @Option(names = "--input", paramLabel = "FILE", description = "Benchmark this file instead of a generated one.")
    String input;

    @Option(names = "--edges", defaultValue = "10000000", paramLabel = "M", description = "Rows to generate (default: ${DEFAULT-VALUE}).")
    long edges;

    @Option(names = "--nodes", defaultValue = "1000000", paramLabel = "N", description = "Nodes to generate (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plain", description = "Generate 'source target' rows instead of the 4-column interaction form.")
    boolean plain;

    @Option(names = "--repeat", paramLabel = "K", description = "Timed runs per contender (default: 3 after a warm-up; analyze: 1, no warm-up).")
    Integer repeat;

    @Option(names = "--no-celf", description = "diffusion: skip CELF (k=50 with 1,000 runs per evaluation takes minutes) and plain greedy.")
    boolean noCelf;

    @Override
    public Integer call() throws Exception {
        if (!List.of("ingest", "centrality", "communities", "analyze", "diffusion").contains(what)) {
            throw new IllegalArgumentException("bench: unknown benchmark '" + what + "' (available: ingest, centrality, communities, analyze, diffusion)");
        }
        if (repeat == null) repeat = what.equals("analyze") ? 1 : 3;
        if (what.equals("diffusion")) {
            if (repeat < 1) throw new IllegalArgumentException("--repeat must be >= 1, got " + repeat);
            Map<String, Object> result = DiffusionBenchmark.run(DiffusionBenchmark.NETHEPT, input, repeat, !noCelf, spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.pretty(result));
            out.flush();
            return ExitCode.OK;
        }
        if (repeat < 1) throw new IllegalArgumentException("--repeat must be >= 1, got " + repeat);
        if (algorithms == null) algorithms = what.equals("communities") ? List.of("louvain", "leiden", "lpa") : List.of("pagerank");
        PrintWriter err = spec.commandLine().getErr();
        String path = input;
        Path generated = null;
        if (path == null) {
            generated = Files.createTempFile("chorus-bench-", ".txt");
            err.printf("bench: generating %,d rows over %,d nodes (seed %d) into %s%n", edges, nodes, seed, generated);
            err.flush();
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(generated), 1 << 16)) {
                new SocialGraphGenerator(nodes, edges, seed, 0.15, 0.2, 0.8, !plain).write(os, x -> { });
            }
            path = generated.toString();
        }
        try {
            Map<String, Object> result = switch (what) {
                case "ingest" -> IngestBenchmark.run(path, repeat, err);
                case "analyze" -> AnalyzeBenchmark.run(path, repeat, AnalysisConfig.defaults(), l -> InfoCommand.describe(input, l), err);
                case "centrality" -> CentralityBenchmark.run(path, algorithms, repeat, !noJgrapht, samples, baselineSamples, !noOneThread, err);
                default -> CommunityBenchmark.run(path, algorithms, repeat, !noJgrapht, err);
            };
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.pretty(result));
            out.flush();
        } finally {
            if (generated != null) Files.deleteIfExists(generated);
        }
        return ExitCode.OK;
    }
}
