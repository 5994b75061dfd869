package dev.chorus.neo4j;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.RowCounts;
import dev.chorus.progress.Progress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a graph as the CSV files of Neo4j's offline importer ({@code neo4j-admin database import full}), with the
 * model of {@code neo4j load} ({@link GraphModel}): {@code (:User)} nodes in id space {@code User} (the id stored
 * as property {@code id}), one {@code INTERACTED} relationship per stored pair, and the {@code (:ChorusGraph
 * {id: 'graph'})} node of {@code cypher/load-graph.cypher} in its own id space, so the imported store holds it
 * from the start. Each file group is a header file ({@code :ID}, {@code :START_ID}, {@code :END_ID},
 * {@code :TYPE}, typed properties) and a data file; {@code import.args} lists the importer's options, one per
 * line, with paths relative to the directory, so {@code cd DIR && neo4j-admin database import full neo4j
 * @import.args} is the whole import.
 * <p>
 * Strings are always quoted (RFC 4180, inner quotes doubled, as the importer reads them without
 * {@code --legacy-style-quoting}); a property the loader would not set (a count of 0, no time, no attribute)
 * is an empty field, which the importer skips. {@code --multiline-fields=true} (slower import) is added only
 * when some id or attribute holds a line break. Streaming: one pass over users and one over arcs, O(n + m)
 * time, one line of memory; data files are gzipped (fastest level) above {@link #GZIP_ABOVE} records, which the
 * importer reads directly.
 */
public final class ImportFiles {
    public static final String ARGS = "import.args";
    public static final String USERS = "users";
    public static final String INTERACTIONS = "interactions";
    public static final String GRAPH = "graph";
    /** Users + pairs above which data files are gzipped by default. */
    public static final long GZIP_ABOVE = 1_000_000;
    /** The command that imports the files, run in their directory. */
    public static final List<String> COMMAND = List.of("neo4j-admin", "database", "import", "full", "neo4j", "@" + ARGS);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * @param gzip      gzip the data files; null: above {@link #GZIP_ABOVE} records
     * @param overwrite add {@code --overwrite-destination=true}: the import replaces an existing database
     */
    public record Config(Boolean gzip, boolean overwrite) {
        public static Config defaults() {
            return new Config(null, false);
        }
    }

    /** @param files the files written, relative to the directory */
    public record Result(long users, long interactions, double weightSum, List<String> files, List<String> args, double seconds) {
    }

    private ImportFiles() {
    }

    public static Result write(InteractionGraph g, String input, RowCounts rows, Path dir, Config config, Progress progress) {
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
        boolean[] multiline = {false};
        long pairs = 0;
        try {
            Files.createDirectories(dir);
            List<String> userHeader = new ArrayList<>(List.of("id:ID(User)"));
            for (GraphModel.Column c : userColumns) userHeader.add(c.name() + ":" + c.kind().importType);
            header(dir, USERS, userHeader);
            List<String> pairHeader = new ArrayList<>(List.of(":START_ID(User)", ":END_ID(User)", ":TYPE"));
            for (GraphModel.Column c : pairColumns) pairHeader.add(c.name() + ":" + c.kind().importType);
            header(dir, INTERACTIONS, pairHeader);
            writeGraphNode(dir, GraphModel.graphProperties(g, input, rows));

            IdMap ids = g.ids();
            try (Progress.Task task = progress.begin("writing import files", (long) g.nodeCount() + g.edgeCount(), "records")) {
                StringBuilder line = new StringBuilder(256);
                try (Writer w = open(dir.resolve(USERS + ext), gzip)) {
                    for (int u = 0; u < g.nodeCount(); u++) {
                        line.setLength(0);
                        multiline[0] |= quote(line, ids.id(u));
                        for (GraphModel.Column c : userColumns) {
                            line.append(',');
                            Object v = GraphModel.userValue(g, c, u);
                            if (v instanceof String s) multiline[0] |= quote(line, s);
                            else if (v != null) line.append(v);
                        }
                        w.append(line).append('\n');
                        if ((u & 0xFFFF) == 0) task.stepTo(u);
                    }
                }
                Adjacency out = g.out();
                try (Writer w = open(dir.resolve(INTERACTIONS + ext), gzip)) {
                    for (int u = 0; u < g.nodeCount(); u++) {
                        for (int e = out.start(u); e < out.end(u); e++) {
                            int v = out.neighbor(e);
                            if (!GraphModel.stored(g, u, v)) continue;
                            line.setLength(0);
                            quote(line, ids.id(u));
                            line.append(',');
                            quote(line, ids.id(v));
                            line.append(",INTERACTED");
                            for (GraphModel.Column c : pairColumns) {
                                line.append(',');
                                Object x = GraphModel.pairValue(g, c, e);
                                if (x != null) line.append(x);
                            }
                            w.append(line).append('\n');
                            if ((++pairs & 0xFFFF) == 0) task.stepTo(g.nodeCount() + pairs);
                        }
                    }
                }
                task.stepTo(g.nodeCount() + pairs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import files in " + dir + ": " + e.getMessage(), e);
        }
        if (pairs != g.edgeCount()) throw new IllegalStateException("wrote " + pairs + " pairs of " + g.edgeCount());

        List<String> args = new ArrayList<>();
        args.add("--nodes=User=" + USERS + ".header.csv," + USERS + ext);
        args.add("--nodes=ChorusGraph=" + GRAPH + ".header.csv," + GRAPH + ".csv");
        args.add("--relationships=" + INTERACTIONS + ".header.csv," + INTERACTIONS + ext);
        args.add("--report-file=import.report");
        if (multiline[0]) args.add("--multiline-fields=true");
        if (config.overwrite()) args.add("--overwrite-destination=true");
        try {
            Files.write(dir.resolve(ARGS), args, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ARGS) + ": " + e.getMessage(), e);
        }
        List<String> files = List.of(USERS + ".header.csv", USERS + ext, INTERACTIONS + ".header.csv", INTERACTIONS + ext,
                GRAPH + ".header.csv", GRAPH + ".csv", ARGS);
        return new Result(g.nodeCount(), pairs, g.weightSum(), files, List.copyOf(args), (System.nanoTime() - t0) / 1e9);
    }

    /** The (:ChorusGraph) node: one header and one row, typed from the values. */
    private static void writeGraphNode(Path dir, Map<String, Object> properties) throws IOException {
        List<String> header = new ArrayList<>(List.of("id:ID(ChorusGraph)"));
        StringBuilder row = new StringBuilder("graph");
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            Object v = p.getValue();
            String type = v instanceof Boolean ? "boolean" : v instanceof Double ? "double" : v instanceof Number ? "long"
                    : v instanceof List<?> ? "string[]" : "string";
            header.add(p.getKey() + ":" + type);
            row.append(',');
            if (v instanceof List<?> l) row.append(String.join(";", l.stream().map(String::valueOf).toList()));
            else if (v instanceof String s) quote(row, s);
            else row.append(v);
        }
        header(dir, GRAPH, header);
        Files.writeString(dir.resolve(GRAPH + ".csv"), row.append('\n'), StandardCharsets.UTF_8);
    }

    private static void header(Path dir, String group, List<String> fields) throws IOException {
        Files.writeString(dir.resolve(group + ".header.csv"), String.join(",", fields) + "\n", StandardCharsets.UTF_8);
    }

    private static Writer open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (gzip) {
            out = new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED); // the importer's read, not the file size, is what counts here
                }
            };
        }
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Appends {@code s} quoted, inner quotes doubled; true if it holds a line break. */
    private static boolean quote(StringBuilder line, String s) {
        line.append('"');
        boolean breaks = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') line.append('"');
            breaks |= c == '\n' || c == '\r';
            line.append(c);
        }
        line.append('"');
        return breaks;
    }
}
