package dev.chorus.graph;

import dev.chorus.ingest.Format;
import dev.chorus.ingest.Ingest;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputSource;
import dev.chorus.ingest.RejectedRow;
import dev.chorus.ingest.RowAccounting;
import dev.chorus.ingest.RowCounts;
import dev.chorus.progress.Progress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Input to graph in one call, for the CLI and for library users:
 * {@code GraphLoader.load("higgs.txt.gz", IngestOptions.defaults()).graph()}.
 */
public final class GraphLoader {
    private GraphLoader() {
    }

    /**
     * A built graph with its row accounting.
     *
     * @param firstRejected the first few rejected rows (all of them go to the reject consumer)
     * @param platforms     loaded rows per platform (empty when the input has no platform column)
     */
    public record Loaded(InteractionGraph graph, RowCounts rows, Format format, List<RejectedRow> firstRejected,
                         Map<String, Long> platforms) {
    }

    /** Loads with rejected rows dropped (they are still counted). */
    public static Loaded load(String path, IngestOptions options) {
        return load(path, options, row -> { }, Progress.NONE);
    }

    /**
     * @param path     a file, or {@code -} for stdin
     * @param rejects  receives every rejected row (e.g. a {@link dev.chorus.ingest.RejectedRowsFile})
     * @throws dev.chorus.ingest.InputException if the input cannot be read, has too many bad rows, or gave nothing
     *                                          but rejected rows ({@link RowCounts#allRejected()})
     */
    public static Loaded load(String path, IngestOptions options, Consumer<RejectedRow> rejects, Progress progress) {
        try (InputSource in = InputSource.open(path)) {
            return load(in, options, rejects, progress);
        }
    }

    /**
     * The one check that an input gave something, for every command that reads a graph: an input whose rows were
     * all rejected is an input error, while an input without rows, or a graph file whose nodes loaded and whose
     * edges were all rejected, is a graph.
     */
    public static Loaded load(InputSource in, IngestOptions options, Consumer<RejectedRow> rejects, Progress progress) {
        GraphBuilder builder = new GraphBuilder(options.directed(), in.estimatedLines(), options.threads());
        RowAccounting rows = new RowAccounting(in.name(), options.maxRejects(), rejects, options.filter());
        Format format = Ingest.read(in, options, builder, rows, progress);
        InteractionGraph graph;
        try (Progress.Task task = progress.begin("building graph", builder.rowCount(), "rows")) {
            graph = builder.build();
            task.stepTo(builder.rowCount());
        }
        RowCounts counts = rows.counts();
        if (counts.allRejected() && graph.nodeCount() == 0) {
            RejectedRow first = rows.firstRejected().get(0);
            throw counts.noRowRead(in.name(), " as " + format.name().toLowerCase(Locale.ROOT) + " (check --format and --columns); first: line "
                    + first.line() + ": " + first.reason());
        }
        return new Loaded(graph, counts, format, rows.firstRejected(), rows.platforms());
    }
}
