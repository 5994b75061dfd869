package dev.chorus.backtest;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Format;
import dev.chorus.ingest.Ingest;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.InputSource;
import dev.chorus.ingest.Interaction;
import dev.chorus.ingest.InteractionSink;
import dev.chorus.ingest.RejectedRow;
import dev.chorus.ingest.RowAccounting;
import dev.chorus.ingest.RowCounts;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a timed input into a train graph (rows before T, built by the normal {@link GraphBuilder}, so reading
 * options behave as for every command) and {@link FutureRows} (T <= time < T + horizon). Two passes over the
 * input: the first only looks at the times (to find T for a fraction, and to fail early without timestamps or
 * with an empty side), the second splits. Stdin is spooled to a temporary file for the second pass.
 * Rows without a time in a timed input are rejected rows (counted and written like every reject). O(rows) plus
 * a sort of the times when T is a fraction; memory: the train graph, 16 bytes per future row, 8 per timed row
 * during the first pass for a fraction.
 */
public final class TemporalSplit {
    static final String UNTIMED = "no timestamp: backtest needs a time on every row";

    private TemporalSplit() {
    }

    /**
     * @param split      T (epoch seconds)
     * @param horizonEnd end of the future, exclusive ({@link Long#MAX_VALUE} without a horizon)
     * @param trainRows  rows before T (the train graph's rows)
     * @param beyond     timed rows at or after {@code horizonEnd}: in neither side
     * @param rows       read = loaded + rejected, for the whole input
     */
    public record Split(InteractionGraph train, FutureRows future, long split, long horizonEnd, long trainRows,
                        long beyond, RowCounts rows, Format format, List<RejectedRow> firstRejected) {
    }

    public static Split read(String path, IngestOptions options, SplitConfig config, Consumer<RejectedRow> rejects,
                             Progress progress) {
        if (!path.equals("-")) return read(path, path, options, config, rejects, progress);
        Path spool = null;
        try {
            spool = Files.createTempFile("chorus-backtest", ".in");
            try (InputStream in = System.in) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            return read(spool.toString(), "-", options, config, rejects, progress);
        } catch (IOException e) {
            throw new InputException("-: cannot spool stdin for the two passes of backtest (" + e.getMessage() + ")", e);
        } finally {
            if (spool != null) spool.toFile().delete();
        }
    }

    private static Split read(String file, String name, IngestOptions options, SplitConfig config,
                              Consumer<RejectedRow> rejects, Progress progress) {
        Times times = new Times(!Double.isNaN(config.fraction()));
        try (InputSource in = InputSource.open(file)) {
            // rejects are counted and written by the second pass
            Ingest.read(in, options, times, new RowAccounting(name, Long.MAX_VALUE, r -> { }, options.filter()), progress);
        }
        if (times.count == 0) {
            throw new InputException(name + ": no timestamps; backtest needs a time on every row (snap: --columns source,target,timestamp; "
                    + "csv/tsv/jsonl: a timestamp field)");
        }
        if (times.all != null) Arrays.sort(times.all, 0, times.count);
        long split = config.resolve(times.all, times.count);
        long end = config.end(split);

        Splitter sink = new Splitter(new GraphBuilder(options.directed()), new FutureRows(), split, end);
        RowAccounting rows;
        Format format;
        try (InputSource in = InputSource.open(file)) {
            rows = new RowAccounting(name, options.maxRejects(), rejects, options.filter());
            sink.rows = rows;
            format = Ingest.read(in, options, sink, rows, progress);
        }
        if (sink.trainRows == 0 || sink.future.rows() == 0) {
            throw new InputException(String.format(java.util.Locale.ROOT, "%s: the split at %s leaves %,d train rows (before it) and %,d future rows "
                    + "(from it%s); choose a split between %s and %s", name, Instant.ofEpochSecond(split), sink.trainRows, sink.future.rows(),
                    end == Long.MAX_VALUE ? "" : " until " + Instant.ofEpochSecond(end), Instant.ofEpochSecond(times.min), Instant.ofEpochSecond(times.max)));
        }
        InteractionGraph train;
        try (Progress.Task task = progress.begin("building train graph", sink.trainRows, "rows")) {
            train = sink.builder.build();
            task.stepTo(sink.trainRows);
        }
        sink.future.link(train);
        return new Split(train, sink.future, split, end, sink.trainRows, sink.beyond, rows.counts(), format, rows.firstRejected());
    }

    /** First pass: the times (all of them only when T is a fraction), their count and range. */
    private static final class Times implements InteractionSink {
        long[] all;
        int count;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;

        Times(boolean keep) {
            all = keep ? new long[1 << 10] : null;
        }

        @Override
        public void interaction(Interaction row) {
            long t = row.timestamp();
            if (t == Interaction.NO_TIME) return;
            if (all != null) {
                if (count == all.length) all = Arrays.copyOf(all, (int) Math.min(Integer.MAX_VALUE - 8L, count * 2L));
                all[count] = t;
            }
            count++;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
    }

    /** Second pass: train rows to the graph builder, future rows to {@link FutureRows}, untimed rows refused. */
    private static final class Splitter implements InteractionSink {
        final GraphBuilder builder;
        final FutureRows future;
        final long split;
        final long end;
        RowAccounting rows;
        long trainRows;
        long beyond;

        Splitter(GraphBuilder builder, FutureRows future, long split, long end) {
            this.builder = builder;
            this.future = future;
            this.split = split;
            this.end = end;
        }

        @Override
        public void interaction(Interaction row) {
            long t = row.timestamp();
            if (t == Interaction.NO_TIME) {
                rows.refuse(row, UNTIMED);
            } else if (t < split) {
                builder.interaction(row);
                trainRows++;
            } else if (t < end) {
                future.add(row);
            } else {
                beyond++;
            }
        }

        @Override
        public void node(String id, Map<String, String> attributes) {
            builder.node(id, attributes);
        }

        @Override
        public void declaredDirected(boolean directed) {
            builder.declaredDirected(directed);
        }
    }
}
