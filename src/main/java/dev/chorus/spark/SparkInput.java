package dev.chorus.spark;

import dev.chorus.ingest.Column;
import dev.chorus.ingest.Format;
import dev.chorus.ingest.FormatDetector;
import dev.chorus.ingest.Ingest;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.InputSource;
import dev.chorus.ingest.Interaction;
import dev.chorus.ingest.InteractionSink;
import dev.chorus.ingest.RejectedRow;
import dev.chorus.ingest.RowAccounting;
import dev.chorus.ingest.RowCounts;
import dev.chorus.ingest.RowFilter;
import dev.chorus.progress.Progress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * Reads interaction rows with Spark from any path Hadoop understands (a file, a directory or a glob; local,
 * {@code hdfs://}, {@code s3a://}) and aggregates them into weighted edges, with each typed pair's row counts per
 * layer ({@link Result#layers()}) from the same read.
 * <p>
 * Every file is parsed by the embedded engine's own reader ({@link Ingest#read}) inside one Spark task, so that
 * Spark accepts and rejects exactly the same rows with the same reasons and line numbers (CSV records spanning
 * lines, headers, layout guessing, gzip and its damage included). The price: a file is not split between
 * tasks, so the read runs in parallel over files. That is how gzip input is read by Spark anyway (gzip is not
 * splittable); give a big plain-text input as a directory of part files to read it in parallel.
 * <p>
 * Row accounting comes back through an accumulator of one {@link FileReport} per file; reports are
 * de-duplicated by path, so a task that Spark re-runs is not counted twice.
 */
public final class SparkInput {
    private SparkInput() {
    }

    /** Serializable subset of {@link IngestOptions} (whose warning callback is not serializable). */
    public record Options(Format format, List<Column> columns, Boolean directed, int skipLines, int maxLineLength,
                          long maxRejects, RowFilter filter) implements Serializable {
        public Options {
            columns = columns == null ? null : new ArrayList<>(columns);
        }

        public static Options of(IngestOptions o) {
            return new Options(o.format(), o.columns(), o.directed(), o.skipLines(), o.maxLineLength(), o.maxRejects(), o.filter());
        }

        IngestOptions ingest(List<String> warnings) {
            return new IngestOptions(format, columns, directed, skipLines, maxLineLength, maxRejects, warnings::add)
                    .withFilter(filter);
        }

        /** Row formats are directed unless {@code --undirected}. */
        public boolean isDirected() {
            return directed == null || directed;
        }
    }

    /** A rejected row as it travels back from a task. */
    public record Rejected(String source, long line, String reason, String text) implements Serializable {
        public RejectedRow toRow() {
            return new RejectedRow(source, line, reason, text);
        }
    }

    /**
     * What one file's read gave: counts, every rejected row, reader warnings, or why the file was unusable; {@code typed}
     * when a loaded row carried an interaction type.
     */
    public record FileReport(String path, String format, long read, long loaded, long rejected, List<Rejected> rejectedRows,
                             List<String> warnings, String error, boolean typed) implements Serializable {
    }

    /**
     * @param edges    (source, target) to summed weight; for undirected inputs each pair once, source &lt;= target
     * @param layers   the pairs with typed rows, to their row counts per {@link SparkLayers} layer ({@link SparkLayers#SPREAD},
     *                 ...); empty on untyped input
     * @param directed whether the graph is directed
     * @param read     forces the read and returns the row accounting of every file, by path
     */
    public record Result(JavaPairRDD<Tuple2<String, String>, Double> edges, JavaPairRDD<Tuple2<String, String>, double[]> layers,
                         boolean directed, Reader read) {
    }

    /** Runs the read (an action) the first time it is called. */
    public interface Reader {
        Accounting get();
    }

    /** Accounting of the whole input; {@code typed} when any loaded row carried an interaction type. */
    public record Accounting(RowCounts rows, List<FileReport> files, List<RejectedRow> rejected, List<String> warnings, boolean typed) {
    }

    /**
     * Plans the read of {@code path}; nothing runs until the edges are used or {@link Result#read()} is called.
     * The edges are cached, so the read happens once.
     */
    public static Result read(JavaSparkContext sc, String path, Options options, int partitions) {
        Format f = options.format();
        if (f == Format.GML || f == Format.GRAPHML) {
            throw new IllegalArgumentException("--format " + f.name().toLowerCase() + ": graph files are read by the embedded engine; Spark reads row formats (snap, csv, tsv, jsonl)");
        }
        CollectionAccumulator<FileReport> reports = sc.sc().collectionAccumulator("chorus rows");
        boolean directed = options.isDirected();
        String given = path;
        JavaPairRDD<String, PortableDataStream> files = sc.binaryFiles(path, Math.max(1, partitions));
        JavaPairRDD<Tuple2<String, String>, double[]> rows = files.flatMapToPair(file -> {
            String name = file._1().equals(given) || file._1().endsWith(":" + given) || file._1().endsWith("/" + given) ? given : file._1();
            return new FileRows(name, file._2(), options, reports);
        });
        // one read: each pair's weight and, when its rows carry types, their counts per layer in the same value
        JavaPairRDD<Tuple2<String, String>, double[]> pairs = rows.reduceByKey(SparkInput::sum, Math.max(1, partitions)).cache();
        JavaPairRDD<Tuple2<String, String>, Double> edges = pairs.mapValues(v -> v[0]);
        JavaPairRDD<Tuple2<String, String>, double[]> layers = pairs.filter(x -> x._2().length > 1)
                .mapValues(v -> java.util.Arrays.copyOfRange(v, 1, v.length));
        Reader reader = new Reader() {
            private Accounting done;

            @Override
            public synchronized Accounting get() {
                if (done == null) {
                    pairs.count();
                    done = accounting(reports.value(), options.maxRejects());
                }
                return done;
            }
        };
        return new Result(edges, layers, directed, reader);
    }

    /**
     * A row's value: {weight} when untyped, else {weight, then 1 in each {@link SparkLayers} count the row's type
     * adds to}; the sum of two is as long as the longer.
     */
    private static double[] value(Interaction row) {
        if (row.type() == null) return new double[] {row.weight()};
        double[] v = new double[1 + SparkLayers.COUNTS];
        v[0] = row.weight();
        SparkLayers.count(row.type(), v, 1);
        return v;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] longer = a.length >= b.length ? a.clone() : b.clone();
        double[] shorter = a.length >= b.length ? b : a;
        for (int i = 0; i < shorter.length; i++) longer[i] += shorter[i];
        return longer;
    }

    private static Accounting accounting(List<FileReport> raw, long maxRejects) {
        Map<String, FileReport> byPath = new LinkedHashMap<>();
        for (FileReport r : raw) byPath.putIfAbsent(r.path(), r);
        List<FileReport> files = new ArrayList<>(byPath.values());
        files.sort(Comparator.comparing(FileReport::path));
        if (files.isEmpty()) throw new InputException("no input files found");
        long loaded = 0;
        long rejected = 0;
        List<RejectedRow> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean typed = false;
        for (FileReport f : files) {
            if (f.error() != null) throw new InputException(f.error());
            typed |= f.typed();
            loaded += f.loaded();
            rejected += f.rejected();
            for (Rejected r : f.rejectedRows()) rows.add(r.toRow());
            warnings.addAll(f.warnings());
        }
        if (rejected > maxRejects) {
            RejectedRow first = rows.get(0);
            throw new InputException(first.source() + ": more than " + maxRejects + " rejected rows (--max-rejects); first: line "
                    + first.line() + ": " + first.reason());
        }
        return new Accounting(new RowCounts(loaded + rejected, loaded, rejected), files, rows, warnings, typed);
    }

    /**
     * One file's rows as an iterator: the embedded reader pushes rows from a thread of its own into a bounded
     * queue, so a task's memory does not grow with the file.
     */
    private static final class FileRows implements Iterator<Tuple2<Tuple2<String, String>, double[]>> {
        private static final int BATCH = 4096;
        private static final List<Tuple2<Tuple2<String, String>, double[]>> END = new ArrayList<>();
        private final BlockingQueue<List<Tuple2<Tuple2<String, String>, double[]>>> queue = new ArrayBlockingQueue<>(16);
        private final CollectionAccumulator<FileReport> reports;
        private volatile FileReport report;
        private volatile Throwable failure;
        /** Set by the producer thread only, read after it ended. */
        private boolean typed;
        private List<Tuple2<Tuple2<String, String>, double[]>> batch = List.of();
        /** The producer thread's batch being filled. */
        private List<Tuple2<Tuple2<String, String>, double[]>> pending = new ArrayList<>(BATCH);
        private int pos;
        private boolean ended;

        FileRows(String name, PortableDataStream data, Options options, CollectionAccumulator<FileReport> reports) {
            this.reports = reports;
            Thread t = new Thread(() -> produce(name, data, options), "chorus-read " + name);
            t.setDaemon(true);
            t.start();
        }

        private void produce(String name, PortableDataStream data, Options options) {
            List<Rejected> rejected = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            RowAccounting rows = new RowAccounting(name, options.maxRejects(),
                    r -> rejected.add(new Rejected(r.source(), r.line(), r.reason(), r.text())), options.filter());
            boolean directed = options.isDirected();
            String error = null;
            String format = null;
            try (InputSource in = InputSource.of(name, data.open())) {
                IngestOptions io = options.ingest(warnings);
                Format f = io.format() == Format.AUTO ? FormatDetector.detect(in) : io.format();
                format = f.name().toLowerCase();
                if (f == Format.GML || f == Format.GRAPHML) {
                    throw new InputException(name + ": " + format + " is a graph file format; Spark reads row formats (snap, csv, tsv, jsonl), the embedded engine reads graph files");
                }
                Ingest.read(in, io.withFormat(f), new InteractionSink() {
                    @Override
                    public void interaction(Interaction row) {
                        typed |= row.type() != null;
                        String s = row.source();
                        String t = row.target();
                        if (!directed && s.compareTo(t) > 0) {
                            String x = s;
                            s = t;
                            t = x;
                        }
                        pending.add(new Tuple2<>(new Tuple2<>(s, t), value(row)));
                        if (pending.size() == BATCH) {
                            put(pending);
                            pending = new ArrayList<>(BATCH);
                        }
                    }
                }, rows, Progress.NONE);
            } catch (InputException e) {
                error = e.getMessage();
            } catch (Throwable e) {
                failure = e;
            }
            if (failure == null) {
                RowCounts c = rows.counts();
                report = new FileReport(name, format, c.read(), c.loaded(), c.rejected(), rejected, warnings, error, typed);
                if (error == null) put(pending);
            }
            put(END);
        }

        private void put(List<Tuple2<Tuple2<String, String>, double[]>> b) {
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("read interrupted", e);
            }
        }

        @Override
        public boolean hasNext() {
            while (!ended && pos == batch.size()) {
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("read interrupted", e);
                }
                pos = 0;
                if (batch == END) {
                    ended = true;
                    batch = List.of();
                    if (failure != null) throw new IllegalStateException("reading failed: " + failure, failure);
                    reports.add(report);
                }
            }
            return pos < batch.size();
        }

        @Override
        public Tuple2<Tuple2<String, String>, double[]> next() {
            if (!hasNext()) throw new NoSuchElementException();
            return batch.get(pos++);
        }
    }
}
