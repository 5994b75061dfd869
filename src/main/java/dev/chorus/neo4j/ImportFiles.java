package dev.chorus.neo4j;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.RowCounts;
import dev.chorus.output.Decimal;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a graph as the CSV files of Neo4j's offline importer ({@code neo4j-admin database import full}), with the
 * model of {@code neo4j load} ({@link GraphModel}): {@code (:User)} nodes with property {@code id}, one
 * {@code INTERACTED} relationship per stored pair, and the {@code (:ChorusGraph {id: 'graph'})} node of
 * {@code cypher/load-graph.cypher}, so the imported store holds it from the start. Each file group is a header
 * file ({@code :ID}, {@code :START_ID}, {@code :END_ID}, {@code :TYPE}, typed properties) and data files; {@code import.args}
 * lists the importer's options, one per line, with paths relative to the directory, so
 * {@code cd DIR && neo4j-admin database import full neo4j @import.args} is the whole import.
 * <p>
 * The import ids are the store's node ids ({@code --id-type=actual}): user {@code u} is node {@code u} (its
 * index; the user id is the {@code id} string column, {@code load_order} the index again), the graph node is node
 * {@code n}, after the users. The pair files hold two numbers per pair, and the importer neither sorts ids nor
 * looks up both ends of every relationship, as it does with {@code integer} ids; with integral weights without
 * their {@code .0}, this cut the importer's relationship stage on 10M rows from 14.2 s to under 4 s. Strings are always quoted (RFC 4180, inner quotes
 * doubled, as the importer reads them without {@code --legacy-style-quoting}); a property the loader would not
 * set (a count of 0, no time, no attribute) is an empty field, which the importer skips.
 * {@code --multiline-fields=true} (slower import) is added only when some id or attribute holds a line break;
 * {@code --threads} is {@link #importerThreads more than the cores}. The pairs are split into files of about
 * {@link #PART_ARCS} arcs by source range, written in parallel with the users file (one pass over users and one
 * over arcs, O(n + m) time, a 64 KiB buffer per file); data files are plain by default, or gzipped (fastest
 * level), which the importer reads directly.
 */
public final class ImportFiles {
    public static final String ARGS = "import.args";
    public static final String USERS = "users";
    public static final String INTERACTIONS = "interactions";
    public static final String GRAPH = "graph";
    /** Arcs per pair file, so that files are written in parallel; a fixed size keeps the files the same on every machine. */
    static final long PART_ARCS = 2_000_000;
    /** Users + pairs above which data files are gzipped by default. */
    public static final long GZIP_ABOVE = 1_000_000;
    /** The command that imports the files, run in their directory. */
    public static final List<String> COMMAND = List.of("neo4j-admin", "database", "import", "full", "neo4j", "@" + ARGS);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * @param gzip      gzip the data files; null: above {@link #GZIP_ABOVE} records. Plain by default: neither
     *                  side spends CPU on compression, and disk
     *                  space, not time, is what gzip saves
     * @param overwrite add {@code --overwrite-destination=true}: the import replaces an existing database
     */
    public record Config(Boolean gzip, boolean overwrite) {
        public static Config defaults() {
            return new Config(false, false);
        }
    }

    /** @param files the files written, relative to the directory */
    public record Result(long users, long interactions, double weightSum, List<String> files, List<String> args, double seconds) {
    }

    private ImportFiles() {
    }

    public static Result write(InteractionGraph g, String input, RowCounts rows, Path dir, Config config, Progress progress) {
        return write(g, input, rows, dir, config, progress, PART_ARCS);
    }

    /** {@link #write} with pair files of about {@code partArcs} arcs (tests use small ones). */
    static Result write(InteractionGraph g, String input, RowCounts rows, Path dir, Config config, Progress progress, long partArcs) {
        long t0 = System.nanoTime();
        List<GraphModel.Column> userColumns = GraphModel.userColumns(g);
        List<GraphModel.Column> pairColumns = GraphModel.pairColumns(g);
        for (GraphModel.Column c : userColumns) {
            if (!NAME.matcher(c.name()).matches()) {
                throw new InputException(input + ": node attribute '" + c.name() + "' is not a name the importer's header can hold; use neo4j load");
            }
        }
        boolean gzip = config.gzip() != null ? config.gzip() : g.nodeCount() + g.edgeCount() > GZIP_ABOVE;
        String ext = gzip ? ".csv.gz" : ".csv";
        int[] bounds = parts(g.out(), g.nodeCount(), partArcs);
        List<String> pairFiles = new ArrayList<>();
        for (int k = 1; k < bounds.length; k++) pairFiles.add(INTERACTIONS + "-" + k + ext);
        boolean multiline = false;
        long pairs = 0;
        try {
            Files.createDirectories(dir);
            List<String> userHeader = new ArrayList<>(List.of(":ID", "id:string"));
            for (GraphModel.Column c : userColumns) userHeader.add(c.name() + ":" + c.kind().importType);
            header(dir, USERS, userHeader);
            List<String> pairHeader = new ArrayList<>(List.of(":START_ID", ":END_ID", ":TYPE"));
            for (GraphModel.Column c : pairColumns) pairHeader.add(c.name() + ":" + c.kind().importType);
            header(dir, INTERACTIONS, pairHeader);
            writeGraphNode(dir, g.nodeCount(), GraphModel.graphProperties(g, input, rows));

            // one task per file, each its own writer: the users, then the parts of the pairs by source range
            AtomicLong done = new AtomicLong();
            List<Callable<long[]>> tasks = new ArrayList<>();
            tasks.add(() -> writeUsers(g, userColumns, dir.resolve(USERS + ext), gzip, done));
            for (int k = 1; k < bounds.length; k++) {
                int lo = bounds[k - 1], hi = bounds[k];
                Path file = dir.resolve(pairFiles.get(k - 1));
                tasks.add(() -> writePairs(g, pairColumns, lo, hi, file, gzip, done));
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
            try (Progress.Task task = progress.begin("writing import files", (long) g.nodeCount() + g.edgeCount(), "records")) {
                List<Future<long[]>> futures = new ArrayList<>();
                for (Callable<long[]> t : tasks) futures.add(pool.submit(t));
                for (int i = 0; i < futures.size(); i++) {
                    long[] r = await(futures.get(i), task, done);
                    if (i == 0) multiline = r[1] != 0;
                    else pairs += r[0];
                }
                task.stepTo(done.get());
            } finally {
                pool.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import files in " + dir + ": " + e.getMessage(), e);
        }
        if (pairs != g.edgeCount()) throw new IllegalStateException("wrote " + pairs + " pairs of " + g.edgeCount());

        List<String> args = new ArrayList<>();
        args.add("--nodes=User=" + USERS + ".header.csv," + USERS + ext);
        args.add("--nodes=ChorusGraph=" + GRAPH + ".header.csv," + GRAPH + ".csv");
        args.add("--relationships=" + INTERACTIONS + ".header.csv," + String.join(",", pairFiles));
        args.add("--id-type=actual");
        args.add("--threads=" + importerThreads(Runtime.getRuntime().availableProcessors()));
        args.add("--report-file=import.report");
        if (multiline) args.add("--multiline-fields=true");
        if (config.overwrite()) args.add("--overwrite-destination=true");
        try {
            Files.write(dir.resolve(ARGS), args, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ARGS) + ": " + e.getMessage(), e);
        }
        List<String> files = new ArrayList<>(List.of(USERS + ".header.csv", USERS + ext, INTERACTIONS + ".header.csv"));
        files.addAll(pairFiles);
        files.addAll(List.of(GRAPH + ".header.csv", GRAPH + ".csv", ARGS));
        return new Result(g.nodeCount(), pairs, g.weightSum(), List.copyOf(files), List.copyOf(args), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The importer's {@code --threads} for a machine of {@code cores} processors: two per core. Its stages are
     * pipelines of steps (read, parse, encode properties, write records), each with threads of its own; with one
     * thread per core the slowest step waits while others idle. Measured on 2 cores (README, "How much faster,
     * measured"): on a quiet machine (integer ids) the import took 26.3 s with the default (2), 24.2-24.8 s with
     * 4, 22.7 s with 6; under a load of 13-22 (actual ids) 4 was as fast as 2 and 6 the slowest: twice the cores
     * gains when the machine is the importer's and loses nothing when it is shared.
     */
    static int importerThreads(int cores) {
        return 2 * cores;
    }

    /** Source bounds of the pair files, {@code [bounds[k-1], bounds[k])}: a new file where one holds {@code size} arcs or more. */
    static int[] parts(Adjacency out, int n, long size) {
        List<Integer> bounds = new ArrayList<>(List.of(0));
        long next = size;
        for (int u = 0; u < n; u++) {
            if (out.start(u) >= next) {
                bounds.add(u);
                next = out.start(u) + size;
            }
        }
        bounds.add(n);
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Waits for one file task, reporting progress meanwhile; its failure is rethrown as it was. */
    private static long[] await(Future<long[]> f, Progress.Task task, AtomicLong done) throws IOException {
        while (true) {
            try {
                return f.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                task.stepTo(done.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** users file: the import id (the user's index), its id, load_order, attributes; {records, 1 if a line break}. */
    private static long[] writeUsers(InteractionGraph g, List<GraphModel.Column> columns, Path file, boolean gzip, AtomicLong done) throws IOException {
        IdMap ids = g.ids();
        boolean multiline = false;
        try (Csv w = new Csv(file, gzip)) {
            for (int u = 0; u < g.nodeCount(); u++) {
                w.number(u).comma();
                multiline |= w.quoted(ids.id(u));
                for (GraphModel.Column c : columns) multiline |= w.comma().value(GraphModel.userValue(g, c, u));
                w.newline();
                if ((u & 0xFFFF) == 0xFFFF) done.addAndGet(0x10000);
            }
        }
        done.addAndGet(g.nodeCount() & 0xFFFF);
        return new long[] {g.nodeCount(), multiline ? 1 : 0};
    }

    /** One pair file: the stored pairs of sources {@code [lo, hi)} by import id; {pairs written, 0}. */
    private static long[] writePairs(InteractionGraph g, List<GraphModel.Column> columns, int lo, int hi, Path file, boolean gzip, AtomicLong done)
            throws IOException {
        Adjacency out = g.out();
        long pairs = 0;
        try (Csv w = new Csv(file, gzip)) {
            for (int u = lo; u < hi; u++) {
                for (int e = out.start(u); e < out.end(u); e++) {
                    int v = out.neighbor(e);
                    if (!GraphModel.stored(g, u, v)) continue;
                    w.number(u).comma().number(v).comma().ascii(GraphModel.RELATIONSHIP);
                    for (GraphModel.Column c : columns) w.comma().value(GraphModel.pairValue(g, c, e));
                    w.newline();
                    if ((++pairs & 0xFFFF) == 0) done.addAndGet(0x10000);
                }
            }
        }
        done.addAndGet(pairs & 0xFFFF);
        return new long[] {pairs, 0};
    }

    /** The (:ChorusGraph) node, node {@code id} of the store (the one after the users): one header and one row, typed from the values. */
    private static void writeGraphNode(Path dir, int id, Map<String, Object> properties) throws IOException {
        List<String> header = new ArrayList<>(List.of(":ID", "id:string"));
        try (Csv w = new Csv(dir.resolve(GRAPH + ".csv"), false)) {
            w.number(id).comma().quoted("graph");
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                Object v = p.getValue();
                String type = v instanceof Boolean ? "boolean" : v instanceof Double ? "double" : v instanceof Number ? "long"
                        : v instanceof List<?> ? "string[]" : "string";
                header.add(p.getKey() + ":" + type);
                w.comma();
                if (v instanceof List<?> l) w.ascii(String.join(";", l.stream().map(String::valueOf).toList())); // type names
                else if (v instanceof String s) w.quoted(s);
                else if (v instanceof Double d) w.real(d);
                else w.ascii(String.valueOf(v));
            }
            w.newline();
        }
        header(dir, GRAPH, header);
    }

    private static void header(Path dir, String group, List<String> fields) throws IOException {
        Files.writeString(dir.resolve(group + ".header.csv"), String.join(",", fields) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * A CSV data file written as bytes: numbers and ASCII straight into the buffer, strings quoted (RFC 4180) and
     * UTF-8 encoded only when they are not ASCII, so that a line costs no intermediate String.
     */
    private static final class Csv implements AutoCloseable {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;

        Csv(Path file, boolean gzip) throws IOException {
            OutputStream o = Files.newOutputStream(file);
            if (gzip) {
                o = new GZIPOutputStream(o, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED); // the importer's read, not the file size, is what counts here
                    }
                };
            }
            out = o;
        }

        private void room(int n) throws IOException {
            if (pos + n > buf.length) {
                out.write(buf, 0, pos);
                pos = 0;
            }
        }

        /** {@code x} in decimal, as {@link Long#toString} writes it. */
        Csv number(long x) throws IOException {
            if (x < 0) return ascii(Long.toString(x));
            room(19);
            int start = pos;
            do {
                buf[pos++] = (byte) ('0' + x % 10);
                x /= 10;
            } while (x > 0);
            for (int i = start, j = pos - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
            return this;
        }

        Csv comma() throws IOException {
            room(1);
            buf[pos++] = ',';
            return this;
        }

        void newline() throws IOException {
            room(1);
            buf[pos++] = '\n';
        }

        /**
         * A property value: a string quoted, a long in decimal, a double as {@link Decimal} writes it, or
         * as a long when it is integral ({@code 2} for {@code 2.0}: the importer's {@code Double.parseDouble}
         * reads the same double, and most weights are counts of rows); null: nothing (an empty field). True if it
         * holds a line break.
         */
        boolean value(Object v) throws IOException {
            if (v instanceof Long l) number(l);
            else if (v instanceof Double d) real(d);
            else if (v instanceof String s) return quoted(s);
            else if (v != null) throw new IllegalArgumentException("not a property value: " + v.getClass());
            return false;
        }

        /** {@code x}; integral values below 2^62 without the fraction: exactly representable, so parsed back to {@code x}. */
        Csv real(double x) throws IOException {
            if (x == (long) x && Math.abs(x) < 0x1p62 && Double.doubleToRawLongBits(x) != Double.doubleToRawLongBits(-0.0)) return number((long) x);
            return ascii(Decimal.of(x));
        }

        /** {@code s}, known to be ASCII (a number's text, a type name). */
        Csv ascii(String s) throws IOException {
            room(s.length());
            for (int i = 0; i < s.length(); i++) buf[pos++] = (byte) s.charAt(i);
            return this;
        }

        /** {@code s} quoted, inner quotes doubled; true if it holds a line break. */
        boolean quoted(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8); // '"' and line breaks are single bytes in UTF-8, never inside a sequence
            boolean breaks = false;
            room(1);
            buf[pos++] = '"';
            for (byte c : b) {
                room(2);
                if (c == '"') buf[pos++] = '"';
                breaks |= c == '\n' || c == '\r';
                buf[pos++] = c;
            }
            room(1);
            buf[pos++] = '"';
            return breaks;
        }

        @Override
        public void close() throws IOException {
            try (out) {
                out.write(buf, 0, pos);
            }
        }
    }
}
