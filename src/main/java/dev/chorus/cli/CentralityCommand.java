package dev.chorus.cli;

import dev.chorus.centrality.Degree;
import dev.chorus.centrality.DegreeConfig;
import dev.chorus.centrality.NodeScores;
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
    static final List<String> ALGORITHMS = List.of("degree", "pagerank");

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
        @Option(names = "--weighted", description = "Use interaction weights (default).")
        boolean weighted;

        @Option(names = "--unweighted", description = "Ignore weights: every arc counts 1.")
        boolean unweighted;
    }

    @Option(names = "--damping", defaultValue = "0.85", paramLabel = "D", description = "pagerank: damping factor (default: ${DEFAULT-VALUE}).")
    double damping;

    @Option(names = "--max-iterations", defaultValue = "100", paramLabel = "N",
            description = "Iterative algorithms: iteration cap (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--tolerance", defaultValue = "1e-6", paramLabel = "T",
            description = "Iterative algorithms: stop when the L1 change is below n*T (default: ${DEFAULT-VALUE}).")
    double tolerance;

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
        boolean weighted = weighting == null || !weighting.unweighted;
        PrintWriter err = spec.commandLine().getErr();
        GraphLoader.Loaded loaded = input.load(err, InputOptions.besides(out));
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Progress progress = CliProgress.create(err, input.quiet);
        Function<InteractionGraph, NodeScores> run = switch (algo) {
            case "degree" -> g -> Degree.compute(g, new DegreeConfig(weighted));
            case "pagerank" -> g -> PageRank.compute(g, new PageRankConfig(damping, maxIterations, tolerance, weighted,
                    personalize, nThreads), progress);
            default -> throw new AssertionError(algo);
        };
        NodeScores scores = run.apply(loaded.graph());
        if (!scores.converged()) {
            err.printf("chorus: warning: %s did not converge in %d iterations (tolerance %g); scores are the last iterate%n",
                    algo, scores.iterations(), tolerance);
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
