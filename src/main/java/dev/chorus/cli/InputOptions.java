package dev.chorus.cli;

import dev.chorus.backtest.SplitConfig;
import dev.chorus.backtest.TemporalSplit;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.Column;
import dev.chorus.ingest.Format;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.RejectedRow;
import dev.chorus.ingest.RejectedRowsFile;
import dev.chorus.ingest.RowCounts;
import dev.chorus.ingest.RowFilter;
import dev.chorus.progress.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** INPUT and the reading options every graph command shares (contract, "Input"). */
public final class InputOptions {
    @Parameters(index = "0", paramLabel = "INPUT", description = "Input file (.gz read transparently), or - for stdin.")
    String input;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "F",
            description = "auto, snap, csv, tsv, jsonl, gml, graphml (default: ${DEFAULT-VALUE}: from extension and first lines).")
    String format;

    @Option(names = "--columns", paramLabel = "LIST",
            description = "Columns of a headerless file, e.g. source,target,timestamp (names: source, target, weight, type, timestamp, ignore).")
    String columns;

    @ArgGroup(exclusive = true)
    Direction direction;

    static final class Direction {
        @Option(names = "--directed", description = "Force a directed graph (default for snap/csv/tsv/jsonl).")
        boolean directed;

        @Option(names = "--undirected", description = "Treat the input as undirected (each pair once, weights summed).")
        boolean undirected;
    }

    @Option(names = "--node-id", defaultValue = "id", paramLabel = "ATTR",
            description = "gml/graphml: name nodes by their 'id' (default, as igraph and Gephi) or their 'label' (as NetworkX read_gml).")
    String nodeId;

    @Option(names = "--skip", defaultValue = "0", paramLabel = "N", description = "Skip the first N lines (e.g. an 'n m' count line).")
    int skip;

    @Option(names = "--max-rejects", defaultValue = "1000", paramLabel = "N",
            description = "More rejected rows than N is an input error, exit 3 (default: ${DEFAULT-VALUE}).")
    long maxRejects;

    @Option(names = "--max-line-length", defaultValue = "1048576", paramLabel = "BYTES",
            description = "Longer lines are rejected (default: ${DEFAULT-VALUE}).")
    int maxLineLength;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write rejected rows here (TSV: line, reason, text). Default: next to --out, else a summary on stderr.")
    Path rejects;

    @Option(names = "--layer", paramLabel = "TYPE,TYPE",
            description = "Keep only rows of these interaction types (RT,RE or retweet,reply,...), as if the other rows were not in the file.")
    String layer;

    @Option(names = "--platform", paramLabel = "P,P",
            description = "Keep only rows of these platforms (column platform/network/site; names ignore case).")
    String platform;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    /** @param threads the command's {@code --threads}, or null for every processor */
    IngestOptions toOptions(PrintWriter err, Integer threads) {
        if (skip < 0) throw new IllegalArgumentException("--skip must be >= 0, got " + skip);
        if (maxRejects < 0) throw new IllegalArgumentException("--max-rejects must be >= 0, got " + maxRejects);
        if (maxLineLength < 16) throw new IllegalArgumentException("--max-line-length must be >= 16, got " + maxLineLength);
        Boolean directed = direction == null ? null : direction.directed ? Boolean.TRUE : Boolean.FALSE;
        return new IngestOptions(Format.parse(format), columns == null ? null : Column.parseList(columns), directed, skip,
                maxLineLength, maxRejects, w -> err.println("chorus: warning: " + w), IngestOptions.NodeId.parse(nodeId),
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, filter());
    }

    /** {@code --layer} and {@code --platform}. */
    RowFilter filter() {
        return RowFilter.parse(layer, platform);
    }

    /**
     * Loads INPUT on {@code threads} threads (null: every processor). Rejected rows go to {@code --rejects}, else
     * to {@code defaultRejects} when given, else only to a summary on stderr; the summary line (read = loaded +
     * rejected) is printed whenever rows were rejected. An input error names the file of rejected rows, if any.
     */
    GraphLoader.Loaded load(PrintWriter err, Path defaultRejects, Integer threads) {
        IngestOptions options = toOptions(err, threads);
        GraphLoader.Loaded loaded = read(err, rejects != null ? rejects : defaultRejects,
                (sink, progress) -> GraphLoader.load(input, options, sink, progress), GraphLoader.Loaded::rows,
                GraphLoader.Loaded::firstRejected, l -> l.graph().nodeCount() == 0);
        HeapAdvice.loaded(loaded.graph().nodeCount(), loaded.graph().edgeCount());
        return loaded;
    }

    /**
     * Reads INPUT into a train graph and future rows for a backtest, rejected rows (rows without a time among
     * them) written to {@code rejectsFile} and summarized as by {@link #load}.
     */
    TemporalSplit.Split split(PrintWriter err, Path rejectsFile, SplitConfig config, Integer threads) {
        IngestOptions options = toOptions(err, threads);
        return read(err, rejectsFile, (sink, progress) -> TemporalSplit.read(input, options, config, sink, progress),
                TemporalSplit.Split::rows, TemporalSplit.Split::firstRejected, s -> false);
    }

    private <T> T read(PrintWriter err, Path target, BiFunction<Consumer<RejectedRow>, Progress, T> reader,
                       Function<T, RowCounts> counts, Function<T, List<RejectedRow>> firstRejected, Predicate<T> noNodes) {
        RejectedRowsFile file = target == null ? null : new RejectedRowsFile(target);
        T loaded;
        try {
            loaded = reader.apply(file == null ? row -> { } : file, CliProgress.create(err, quiet));
        } catch (InputException e) {
            if (file == null || file.written() == 0) throw e;
            throw new InputException(e.getMessage() + "; rejected rows in " + file.path(), e);
        } finally {
            if (file != null) file.close();
        }
        RowCounts rows = counts.apply(loaded);
        if (rows.rejected() > 0) {
            err.printf("chorus: %s: %d rows read = %d loaded + %d rejected%s%n", input, rows.read(), rows.loaded(), rows.rejected(),
                    file == null ? "; first rejected:" : "; rejected rows in " + file.path());
            if (file == null) {
                for (RejectedRow r : firstRejected.apply(loaded)) err.printf("  line %d: %s: %s%n", r.line(), r.reason(), r.text());
            }
        }
        if (rows.read() == 0 && noNodes.test(loaded)) {
            err.println("chorus: warning: " + input + " holds no rows (empty file or header only)");
        }
        err.flush();
        return loaded;
    }

    /** {@code <out>.rejected.tsv} next to an output file, or null without one. */
    static Path besides(Path out) {
        return out == null ? null : out.resolveSibling(out.getFileName() + ".rejected.tsv");
    }
}
