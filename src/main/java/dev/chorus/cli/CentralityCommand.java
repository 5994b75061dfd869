package dev.chorus.cli;

import dev.chorus.output.CsvOut;
import dev.chorus.centrality.Degree;
import dev.chorus.centrality.DegreeConfig;
import dev.chorus.graph.NodeScores;
import dev.chorus.centrality.Betweenness;
import dev.chorus.centrality.BetweennessConfig;
import dev.chorus.centrality.Closeness;
import dev.chorus.centrality.ClosenessConfig;
import dev.chorus.centrality.Eigenvector;
import dev.chorus.centrality.EigenvectorConfig;
import dev.chorus.centrality.Hits;
import dev.chorus.centrality.Harmonic;
import dev.chorus.centrality.HarmonicConfig;
import dev.chorus.centrality.HitsConfig;
import dev.chorus.centrality.InfluencePassivity;
import dev.chorus.centrality.InfluencePassivityConfig;
import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.centrality.Katz;
import dev.chorus.centrality.KatzConfig;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "centrality", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Score every node with a centrality algorithm; CSV node,<scores> to --out or stdout.")
final class CentralityCommand implements Callable<Integer> {
    /** Algorithms available now. */
    static final List<String> ALGORITHMS = List.of("degree", "pagerank", "betweenness", "closeness", "harmonic",
            "eigenvector", "hits", "katz", "kcore", "influence-passivity");

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--algo", required = true, paramLabel = "A", description = "Algorithm: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Algorithms.class)
    String algo;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of stdout.")
    Path out;

    @Option(names = "--top", paramLabel = "N", description = "Keep only the N highest-scoring nodes (sorted, ties by id).")
    Integer top;

    @ArgGroup(exclusive = true)
    Weighting weighting;

    static final class Weighting {
        @Option(names = "--weighted", description = "Use interaction weights (default for degree, pagerank, hits, influence-passivity).")
        boolean weighted;

        @Option(names = "--unweighted", description = "Ignore weights: every arc counts 1 (default for eigenvector, katz, as NetworkX, and for the"
                + " shortest-path measures betweenness, closeness, harmonic, which with --weighted use length 1/weight).")
        boolean unweighted;
    }

    @Option(names = "--damping", defaultValue = "0.85", paramLabel = "D", description = "pagerank: damping factor (default: ${DEFAULT-VALUE}).")
    double damping;

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "Iterative algorithms: iteration cap (default: 100; hits and influence-passivity 1000).")
    Integer maxIterations;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "Iterative algorithms: stop when the L1 change is below n*T (default: 1e-6; hits 1e-8).")
    Double tolerance;

    @Option(names = "--alpha", paramLabel = "A",
            description = "katz: attenuation (default: 0.9 / largest eigenvalue of the adjacency, so the series converges).")
    Double alpha;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "K",
            description = "betweenness: estimate from K sampled sources (0 = exact; default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "betweenness --samples: random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--normalized", description = "betweenness: divide by (n-1)(n-2) as NetworkX's normalized=True (default: raw pair counts).")
    boolean normalized;

    @Option(names = "--beta", defaultValue = "1.0", paramLabel = "B", description = "katz: constant term (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--personalize", split = ",", paramLabel = "ID,ID",
            description = "pagerank: restart at these nodes only (personalized PageRank).")
    List<String> personalize;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    static final class Algorithms implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ALGORITHMS.iterator();
        }
    }

    @Override
    public Integer call() {
        if (!ALGORITHMS.contains(algo)) {
            throw new IllegalArgumentException("--algo: unknown or not yet available algorithm '" + algo + "' (available: "
                    + String.join(", ", ALGORITHMS) + ")");
        }
        if (top != null && top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        if (samples < 0) throw new IllegalArgumentException("--samples must be >= 0, got " + samples);
        PrintWriter err = spec.commandLine().getErr();
        GraphLoader.Loaded loaded = input.load(err, InputOptions.besides(out), threads);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Progress progress = CliProgress.create(err, input.quiet);
        Function<InteractionGraph, NodeScores> run = switch (algo) {
            case "degree" -> g -> Degree.compute(g, new DegreeConfig(weighted(true)));
            case "pagerank" -> g -> PageRank.compute(g, new PageRankConfig(damping,
                    or(maxIterations, PageRankConfig.MAX_ITERATIONS_DEFAULT), or(tolerance, PageRankConfig.TOLERANCE_DEFAULT),
                    weighted(true), personalize, nThreads), progress);
            case "betweenness" -> g -> Betweenness.compute(g, BetweennessConfig.defaults().withNormalized(normalized)
                    .withWeighted(weighted(false)).withSamples(samples).withSeed(seed).withThreads(nThreads), progress);
            case "closeness" -> g -> Closeness.compute(g, ClosenessConfig.defaults().withWeighted(weighted(false))
                    .withThreads(nThreads), progress);
            case "harmonic" -> g -> Harmonic.compute(g, HarmonicConfig.defaults().withWeighted(weighted(false))
                    .withThreads(nThreads), progress);
            case "eigenvector" -> g -> Eigenvector.compute(g, new EigenvectorConfig(
                    or(maxIterations, EigenvectorConfig.MAX_ITERATIONS_DEFAULT), or(tolerance, EigenvectorConfig.TOLERANCE_DEFAULT),
                    weighted(false), nThreads), progress);
            case "hits" -> g -> Hits.compute(g, new HitsConfig(or(maxIterations, HitsConfig.MAX_ITERATIONS_DEFAULT),
                    or(tolerance, HitsConfig.TOLERANCE_DEFAULT), weighted(true), nThreads), progress);
            case "katz" -> g -> {
                KatzConfig k = KatzConfig.defaults().withBeta(beta).withWeighted(weighted(false)).withThreads(nThreads);
                if (alpha != null) k = k.withAlpha(alpha);
                if (maxIterations != null) k = k.withMaxIterations(maxIterations);
                if (tolerance != null) k = k.withTolerance(tolerance);
                return Katz.compute(g, k, progress);
            };
            case "kcore" -> g -> KCore.compute(g, KCoreConfig.defaults(), progress);
            case "influence-passivity" -> g -> InfluencePassivity.compute(g, new InfluencePassivityConfig(
                    or(maxIterations, InfluencePassivityConfig.MAX_ITERATIONS_DEFAULT),
                    or(tolerance, InfluencePassivityConfig.TOLERANCE_DEFAULT), weighted(true), nThreads), progress);
            default -> throw new AssertionError(algo);
        };
        NodeScores scores = run.apply(loaded.graph());
        if (!scores.converged()) {
            err.printf("chorus: warning: %s did not converge in %d iterations (tolerance %s); scores are the last iterate%n",
                    algo, scores.iterations(), tolerance == null ? "default" : tolerance.toString());
        }
        write(scores, spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** --weighted/--unweighted if given, else the algorithm's NetworkX default. */
    private boolean weighted(boolean byDefault) {
        if (weighting == null) return byDefault;
        return weighting.weighted;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private void write(NodeScores scores, PrintWriter stdout) {
        Writer w = CsvOut.open(out, stdout);
        try {
            w.write("node," + String.join(",", scores.columns()) + "\n");
            int n = scores.ids().size();
            int[] order;
            if (top != null) {
                int[] ranking = scores.ranking();
                order = java.util.Arrays.copyOf(ranking, Math.min(top, n));
            } else {
                order = java.util.stream.IntStream.range(0, n).toArray();
            }
            StringBuilder line = new StringBuilder(64);
            for (int u : order) {
                line.setLength(0);
                line.append(CsvOut.field(scores.ids().id(u)));
                for (double[] column : scores.values()) line.append(',').append(CsvOut.number(column[u]));
                line.append('\n');
                w.write(line.toString());
            }
            w.flush();
            if (out != null) w.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + (out == null ? "stdout" : out) + ": " + e.getMessage(), e);
        }
    }
}
