package dev.chorus.cli;

import dev.chorus.output.CsvOut;
import dev.chorus.centrality.Centralities;
import dev.chorus.centrality.CentralityAlgorithm;
import dev.chorus.centrality.CentralitySettings;
import dev.chorus.graph.NodeScores;
import dev.chorus.graph.GraphLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "centrality", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Score every node with a centrality algorithm; CSV node,<scores> to --out or stdout.")
final class CentralityCommand implements Callable<Integer> {
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
            return Centralities.names().iterator();
        }
    }

    @Override
    public Integer call() {
        CentralityAlgorithm algorithm = Centralities.byName(algo).orElseThrow(() -> new IllegalArgumentException(
                "--algo: unknown or not yet available algorithm '" + algo + "' (available: " + String.join(", ", Centralities.names()) + ")"));
        if (top != null && top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        if (samples < 0) throw new IllegalArgumentException("--samples must be >= 0, got " + samples);
        PrintWriter err = spec.commandLine().getErr();
        GraphLoader.Loaded loaded = input.load(err, InputOptions.besides(out), threads);
        CentralitySettings settings = CentralitySettings.defaults().withWeighted(weighting == null ? null : weighting.weighted)
                .withDamping(damping).withMaxIterations(maxIterations).withTolerance(tolerance).withAlpha(alpha).withBeta(beta)
                .withSamples(samples).withSeed(seed).withNormalized(normalized).withPersonalize(personalize)
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        NodeScores scores = algorithm.compute(loaded.graph(), settings, CliProgress.create(err, input.quiet));
        if (!scores.converged()) {
            err.printf("chorus: warning: %s did not converge in %d iterations (tolerance %s); scores are the last iterate%n",
                    algo, scores.iterations(), tolerance == null ? "default" : tolerance.toString());
        }
        write(scores, spec.commandLine().getOut());
        return ExitCode.OK;
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
