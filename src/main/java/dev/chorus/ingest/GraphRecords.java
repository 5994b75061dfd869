package dev.chorus.ingest;

import dev.chorus.progress.Progress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What GML and GraphML share once a record is parsed: the directedness declared once before any record,
 * the node registry (duplicates, unknown ids), edge validation into the reused {@link Interaction}, progress,
 * and the row for a read that ended early. Edges naming a node not yet declared are held back (up to
 * {@value #MAX_HELD}) until the end: both formats allow nodes after the edges that use them, so such edges load
 * once their nodes turn up, and are rejected only if a node never does.
 */
final class GraphRecords {
    private static final int STEP = 4096;
    private static final int MAX_HELD = 10_000;

    private final InputSource in;
    private final IngestOptions options;
    private final InteractionSink sink;
    private final RowAccounting rows;
    private final Progress.Task progress;
    private final boolean defaultDirected;
    private final String format;
    private final Fields fields = new Fields();
    private final Interaction row = new Interaction();
    /** Declared node id -> the id it gets in the output (itself, or its label with {@link IngestOptions.NodeId#LABEL}). */
    private final Map<String, String> nodes = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final List<Held> held = new ArrayList<>();
    private Boolean directed;
    private long records;
    private boolean warnedValue;

    private record Held(EdgeFields edge, String node) {
    }

    GraphRecords(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
                 Progress.Task progress, boolean defaultDirected, String format) {
        this.in = in;
        this.options = options;
        this.sink = sink;
        this.rows = rows;
        this.progress = progress;
        this.defaultDirected = defaultDirected;
        this.format = format;
    }

    void warn(String message) {
        options.warnings().accept(in.name() + ": " + message);
    }

    /** The input's own declaration; too late once a record was passed on (the sink already was told). */
    void directed(boolean d, long line) {
        if (directed == null) {
            directed = d;
            sink.declaredDirected(d);
        } else if (directed != d) {
            warn("line " + line + ": directedness declared after nodes or edges (or twice) is ignored; read as "
                    + (directed ? "directed" : "undirected"));
        }
    }

    /**
     * Declares the format's default unless the input declared its own: before the first record, and at the end
     * of a graph, so that an empty graph declares it too.
     */
    void declare() {
        if (directed == null) {
            directed = defaultDirected;
            sink.declaredDirected(defaultDirected);
        }
    }

    /** Every record: the sink learns the directedness before it, and progress moves now and then. */
    private void record() {
        declare();
        if (++records % STEP == 0) progress.stepTo(in.bytesRead());
    }

    /** A record the format allows but Chorus does not read (GraphML hyperedges): a rejected row. */
    void unsupported(long line, String reason, String text) {
        record();
        rows.reject(line, reason, text);
    }

    void node(String id, Map<String, String> attributes, long line, Echo echo) {
        record();
        if (id == null) {
            rows.reject(line, "node: missing field 'id'", echo.close());
            return;
        }
        String name = options.nodeId() == IngestOptions.NodeId.LABEL ? attributes.get("label") : id;
        if (nodes.containsKey(id)) {
            rows.reject(line, "duplicate node '" + Fields.shorten(id) + "': already declared, this one is ignored",
                    echo.close());
        } else if (name == null) {
            rows.reject(line, "node '" + Fields.shorten(id) + "': missing field 'label' (--node-id label)", echo.close());
        } else if (!names.add(name)) {
            rows.reject(line, "node '" + Fields.shorten(id) + "': label '" + Fields.shorten(name)
                    + "' already names another node (--node-id label needs unique labels)", echo.close());
        } else {
            nodes.put(id, name);
            sink.node(name, attributes);
        }
    }

    void edge(EdgeFields e) {
        record();
        if (e.source == null || e.target == null) {
            rows.reject(e.line, "missing field '" + (e.source == null ? "source" : "target") + "'", e.echo.close());
            return;
        }
        String unknown = !nodes.containsKey(e.source) ? e.source : !nodes.containsKey(e.target) ? e.target : null;
        if (unknown != null) {
            hold(e, unknown);
            return;
        }
        emit(e);
    }

    /** Checks an edge whose nodes are declared and passes it on, or rejects it with the reason. */
    private void emit(EdgeFields e) {
        // "weight" must be a valid weight; "value" is generic in GML (a label, a class), so only a number is one
        double w = 1.0;
        String weight = e.weight != null ? e.weight : e.value;
        String number = weight == null ? null : Fields.number(weight);
        if (e.weight == null && weight != null && number == null) {
            if (!warnedValue) {
                warnedValue = true;
                warn("line " + e.line + ": edge attribute 'value' is not a number ('" + Fields.shorten(weight)
                        + "'); such edges get weight 1");
            }
        } else if (weight != null) {
            w = fields.weight(number != null ? number : weight);
            if (fields.error != null) {
                rows.reject(e.line, fields.error, e.echo.close());
                return;
            }
        }
        InteractionType type = null;
        if (e.type != null) {
            type = fields.type(e.type);
            if (fields.error != null) {
                rows.reject(e.line, fields.error, e.echo.close());
                return;
            }
        }
        long ts = Interaction.NO_TIME;
        String time = e.timestamp != null ? e.timestamp : e.time;
        if (time != null) {
            ts = fields.timestamp(time);
            if (fields.error != null) {
                rows.reject(e.line, fields.error, e.echo.close());
                return;
            }
        }
        row.reset();
        byte[] s = nodes.get(e.source).getBytes(StandardCharsets.UTF_8);
        byte[] t = nodes.get(e.target).getBytes(StandardCharsets.UTF_8);
        row.source(s, 0, s.length);
        row.target(t, 0, t.length);
        row.line = e.line;
        row.weight = w;
        row.type = type;
        row.timestamp = ts;
        row.platform = e.platform;
        rows.pass(row, sink);
    }

    /**
     * Holds back an edge naming a node not declared yet: GraphML and GML allow nodes after the edges that use
     * them, so it is loaded at the end if the node turns up. Past the bound, held edges are rejected now, so
     * that memory stays bounded; the reason says how to fix the file.
     */
    private void hold(EdgeFields e, String node) {
        held.add(new Held(e, node));
        if (held.size() > MAX_HELD) {
            for (Held h : held) {
                rows.reject(h.edge.line, "unknown node '" + Fields.shorten(h.node) + "': not declared before this edge"
                        + " (more than " + MAX_HELD + " edges precede their nodes; declare nodes first)", h.edge.echo.close());
            }
            held.clear();
        }
    }

    /**
     * Loads the held edges whose nodes turned up and rejects the others, then one row for an early end, if any. Damaged
     * compressed input ({@link InputSource#damage()}) is that row whether the parser then saw a clean end or
     * a syntax error: either is only the symptom of the bytes that are missing.
     *
     * @param stop the syntax error that ended the read, or {@code null} after a clean end
     * @param line where the parser was when the read ended: the line of the damage row
     * @return whether the read ended early
     */
    boolean finish(Stop stop, long line) {
        if (in.damage() != null) stop = new Stop(line, in.damage(), "");
        for (Held h : held) {
            EdgeFields e = h.edge;
            String missing = !nodes.containsKey(e.source) ? e.source : !nodes.containsKey(e.target) ? e.target : null;
            if (missing == null) {
                emit(e); // its node was declared later in the file
            } else if (stop != null) {
                rows.reject(e.line, "unknown node '" + Fields.shorten(missing) + "': not declared before the read stopped at line "
                        + stop.line, e.echo.close());
            } else {
                rows.reject(e.line, "unknown node '" + Fields.shorten(missing) + "': never declared", e.echo.close());
            }
        }
        if (stop != null) rows.reject(stop.line, stop.getMessage(), stop.text);
        progress.stepTo(in.bytesRead());
        return stop != null;
    }

    /** Ends the read early: a syntax error, reported as one rejected row at {@link #line} (see {@link #finish}). */
    static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;
        final String text;

        Stop(long line, String reason, String text) {
            super(reason, null, false, false); // control flow, not a bug: no stack trace
            this.line = line;
            this.text = text;
        }
    }

    /**
     * A bounded, printable echo of a record for rejected rows: {@code edge [ source 1 target 2 ]} (GML) or
     * {@code edge source="n1" target="n2"} (GraphML). Only the first {@link RowAccounting#MAX_ECHO} characters
     * are kept, so a record with huge attributes costs no more.
     */
    static final class Echo {
        private final StringBuilder b;
        private final String end;
        private final boolean xml;

        Echo(String start, String end, boolean xml) {
            this.b = new StringBuilder(start);
            this.end = end;
            this.xml = xml;
        }

        void add(String key, String value, boolean quoted) {
            if (b.length() > RowAccounting.MAX_ECHO) return;
            b.append(' ').append(key).append(xml ? "=" : " ");
            if (quoted || xml) b.append('"').append(value).append('"');
            else b.append(value);
        }

        String close() {
            String s = b.length() > RowAccounting.MAX_ECHO ? b + " ..." : b + end;
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            return RowAccounting.echo(bytes, 0, bytes.length);
        }
    }

    /** What a row needs from an edge record; the first occurrence of a repeated key wins. */
    static final class EdgeFields {
        final long line;
        final Echo echo;
        String source;
        String target;
        String weight;
        String value;
        String type;
        String timestamp;
        String time;
        String platform;

        EdgeFields(long line, Echo echo) {
            this.line = line;
            this.echo = echo;
        }

        /** Keeps {@code v} if {@code name} is one of the optional attributes a row uses. */
        void put(String name, String v) {
            switch (name) {
                case "weight" -> { if (weight == null) weight = v; }
                case "value" -> { if (value == null) value = v; }
                case "type" -> { if (type == null) type = v; }
                case "timestamp" -> { if (timestamp == null) timestamp = v; }
                case "time" -> { if (time == null) time = v; }
                case "platform", "network", "site" -> { if (platform == null) platform = v; }
                default -> { }
            }
        }
    }
}
