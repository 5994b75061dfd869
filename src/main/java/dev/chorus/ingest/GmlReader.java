package dev.chorus.ingest;

import dev.chorus.progress.Progress;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;

/**
 * Reads GML ({@code graph [ directed 0 node [ id 0 label "a" ] edge [ source 0 target 1 value 2 ] ]}).
 *
 * <p>A small hand-written tokenizer rather than jgrapht-io: that importer builds the whole ANTLR parse tree in
 * memory, whereas this one streams (memory does not grow with the file, only with the declared node ids),
 * knows the line of every token so that a rejected edge names its line, and needs no extra dependency.
 *
 * <p>Each {@code edge [...]} is one row; nodes go to {@link InteractionSink#node}. Nested lists such as
 * {@code graphics [...]} are skipped. Strings are UTF-8 (ISO-8859-1 if not valid UTF-8, as the GML spec
 * says) with {@code &amp;}-style and numeric character entities decoded. Bad records are rejected rows;
 * broken syntax rejects one row at its line and ends the read, keeping what was loaded before.
 */
public final class GmlReader implements InteractionReader {

    public GmlReader() {
    }

    @Override
    public void read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
                     Progress.Task progress) throws IOException {
        GraphRecords out = new GraphRecords(in, options, sink, rows, progress, false, "GML");
        Lexer lx = new Lexer(new BufferedOnly(in.stream()), options.maxLineLength());
        boolean sawGraph = false;
        Stop stop = null;
        try {
            while (lx.next(true) != Lexer.EOF) {
                String key = lx.key("at the top level");
                long keyLine = lx.tokenLine;
                int v = lx.next(true);
                if (key.equals("graph") && v == Lexer.OPEN) {
                    if (sawGraph) {
                        out.warn("line " + keyLine + ": a second 'graph [' list is ignored (one graph per input)");
                        lx.skipList("graph", keyLine);
                    } else {
                        sawGraph = true;
                        readGraph(lx, out, keyLine);
                    }
                } else {
                    skipValue(lx, key, keyLine);
                }
            }
        } catch (Stop s) {
            stop = s;
        }
        out.finish(stop);
        if (!sawGraph && stop == null) {
            throw new InputException(in.name() + ": no 'graph [ ... ]' list: not a GML graph");
        }
    }

    private static void readGraph(Lexer lx, GraphRecords out, long openLine) throws IOException, Stop {
        while (true) {
            int k = lx.next(true);
            if (k == Lexer.CLOSE) break;
            if (k == Lexer.EOF) throw lx.notClosed("graph", openLine);
            String key = lx.key("inside 'graph ['");
            long line = lx.tokenLine;
            int v = lx.next(true);
            switch (key) {
                case "directed" -> {
                    String d = scalarOrSkip(lx, key, line);
                    if ("0".equals(d) || "1".equals(d)) out.directed(d.equals("1"), line);
                    else if (d != null) out.warn("line " + line + ": 'directed " + Fields.shorten(d) + "' is not 0/1");
                }
                case "node" -> {
                    if (v == Lexer.OPEN) readNode(lx, out, line);
                    else skipValue(lx, key, line);
                }
                case "edge" -> {
                    if (v == Lexer.OPEN) readEdge(lx, out, line);
                    else skipValue(lx, key, line);
                }
                default -> skipValue(lx, key, line);
            }
        }
        out.endGraph();
    }

    private static void readNode(Lexer lx, GraphRecords out, long line) throws IOException, Stop {
        String id = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        Echo echo = new Echo("node [", " ]", false);
        while (true) {
            int k = lx.next(true);
            if (k == Lexer.CLOSE) break;
            if (k == Lexer.EOF) throw lx.notClosed("node", line);
            String key = lx.key("inside 'node ['");
            long keyLine = lx.tokenLine;
            lx.next(true);
            String value = scalarOrSkip(lx, key, keyLine);
            if (value == null) continue;
            echo.add(key, value, lx.kind == Lexer.STRING);
            if (key.equals("id")) {
                if (id == null) id = value;
            } else {
                attributes.putIfAbsent(key, value); // first wins, as for edges
            }
        }
        out.node(id, attributes, line, echo);
    }

    private static void readEdge(Lexer lx, GraphRecords out, long line) throws IOException, Stop {
        EdgeFields e = new EdgeFields(line, new Echo("edge [", " ]", false));
        while (true) {
            int k = lx.next(true);
            if (k == Lexer.CLOSE) break;
            if (k == Lexer.EOF) throw lx.notClosed("edge", line);
            String key = lx.key("inside 'edge ['");
            long keyLine = lx.tokenLine;
            lx.next(true);
            String value = scalarOrSkip(lx, key, keyLine);
            if (value == null) continue;
            e.echo.add(key, value, lx.kind == Lexer.STRING);
            if (key.equals("source")) {
                if (e.source == null) e.source = value;
            } else if (key.equals("target")) {
                if (e.target == null) e.target = value;
            } else {
                e.put(key, value);
            }
        }
        out.edge(e);
    }

    /** The current token as a scalar value of {@code key}; a list is skipped and gives {@code null}. */
    private static String scalarOrSkip(Lexer lx, String key, long keyLine) throws IOException, Stop {
        if (lx.kind == Lexer.OPEN) {
            lx.skipList(key, keyLine);
            return null;
        }
        return lx.scalar(key);
    }

    private static void skipValue(Lexer lx, String key, long keyLine) throws IOException, Stop {
        scalarOrSkip(lx, key, keyLine);
    }

    /**
     * Asks the source for no more bytes than it has buffered. {@link InputSource#stream()} is a
     * BufferedInputStream over the gzip stream: asked for more, it refills within the same call, and when that
     * refill fails (truncated or corrupt gzip) the bytes it had already copied out are lost with the exception,
     * up to the whole file when it is small. This way only what follows the damage is lost. It also records
     * the damage, because the JDK's XML parser takes an {@link EOFException} for a plain end of file.
     */
    static final class BufferedOnly extends FilterInputStream {
        /** Why the compressed input broke off, or {@code null}. */
        String damage;

        BufferedOnly(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            int buffered = in.available() - 1; // the gzip stream below reports 1 until its end
            try {
                return in.read(b, off, buffered > 0 ? Math.min(len, buffered) : 1);
            } catch (EOFException e) {
                damage = "truncated compressed input (unexpected end of gzip stream): records after this point "
                        + "are lost";
                throw e;
            } catch (ZipException e) {
                damage = "corrupt compressed input (" + e.getMessage() + "): records after this point are lost";
                throw e;
            }
        }
    }

    /** Ends the read: a syntax error or damaged input, reported as one rejected row at {@link #line}. */
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
                default -> { }
            }
        }
    }

    /**
     * What GML and GraphML share once a record is parsed: the directedness declared once before any record,
     * the node registry (duplicates, unknown ids), edge validation into the reused {@link Interaction}, and
     * progress. Edges naming a node not yet declared are held back (a bounded number) until the end, so that
     * their rejection can say whether the node came later (a streaming read needs nodes first) or never.
     */
    static final class GraphRecords {
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
        private final Set<String> nodes = new HashSet<>();
        private final List<Held> held = new ArrayList<>();
        private final Map<String, Long> declaredLate = new HashMap<>();
        private final Set<String> heldIds = new HashSet<>();
        private Boolean directed;
        private long records;
        private boolean warnedValue;

        private record Held(long line, String node, String text) {
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

        /** The graph ended: an empty graph still declares its directedness. */
        void endGraph() {
            declare();
        }

        private void declare() {
            if (directed == null) {
                directed = defaultDirected;
                sink.declaredDirected(defaultDirected);
            }
        }

        private void tick() {
            if (++records % STEP == 0) progress.stepTo(in.bytesRead());
        }

        /** A record the format allows but Chorus does not read (GraphML hyperedges): a rejected row. */
        void unsupported(long line, String reason, String text) {
            declare();
            tick();
            rows.reject(line, reason, text);
        }

        void node(String id, Map<String, String> attributes, long line, Echo echo) {
            declare();
            tick();
            if (id == null) {
                rows.reject(line, "node: missing field 'id'", echo.close());
            } else if (!nodes.add(id)) {
                rows.reject(line, "duplicate node '" + Fields.shorten(id) + "': already declared, this one is ignored",
                        echo.close());
            } else {
                if (heldIds.contains(id)) declaredLate.put(id, line);
                sink.node(id, attributes);
            }
        }

        void edge(EdgeFields e) {
            declare();
            tick();
            if (e.source == null || e.target == null) {
                rows.reject(e.line, "missing field '" + (e.source == null ? "source" : "target") + "'", e.echo.close());
                return;
            }
            String unknown = !nodes.contains(e.source) ? e.source : !nodes.contains(e.target) ? e.target : null;
            if (unknown != null) {
                hold(e.line, unknown, e.echo.close());
                return;
            }
            // "weight" must be a valid weight; "value" is generic in GML (a label, a class), so only a number is one
            double w = 1.0;
            String weight = e.weight != null ? e.weight : e.value;
            String number = weight == null ? null : number(weight);
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
            byte[] s = e.source.getBytes(StandardCharsets.UTF_8);
            byte[] t = e.target.getBytes(StandardCharsets.UTF_8);
            row.source(s, 0, s.length);
            row.target(t, 0, t.length);
            row.line = e.line;
            row.weight = w;
            row.type = type;
            row.timestamp = ts;
            sink.interaction(row);
            rows.loaded();
        }

        /**
         * Holds back an edge with an undeclared node. Once more are held than may be rejected at all (or than
         * the bound), they are rejected now, so that a hopeless input fails early and memory stays bounded.
         */
        private void hold(long line, String node, String text) {
            held.add(new Held(line, node, text));
            heldIds.add(node);
            if (held.size() > Math.min(MAX_HELD, options.maxRejects())) {
                for (Held h : held) {
                    rows.reject(h.line, "unknown node '" + Fields.shorten(h.node) + "': not declared before this edge",
                            h.text);
                }
                held.clear();
                heldIds.clear();
                declaredLate.clear();
            }
        }

        /** Rejects the held edges with what is now known, then the row that stopped the read, if any. */
        void finish(Stop stop) {
            for (Held h : held) {
                Long late = declaredLate.get(h.node);
                String id = Fields.shorten(h.node);
                String reason;
                if (late != null) {
                    reason = "unknown node '" + id + "': declared only later, at line " + late + " (a streaming "
                            + format + " read needs nodes declared before the edges that use them)";
                } else if (stop != null) {
                    reason = "unknown node '" + id + "': not declared before the read stopped at line " + stop.line;
                } else {
                    reason = "unknown node '" + id + "': never declared";
                }
                rows.reject(h.line, reason, h.text);
            }
            held.clear();
            if (stop != null) rows.reject(stop.line, stop.getMessage(), stop.text);
            progress.stepTo(in.bytesRead());
        }

        /**
         * {@code text} as a number Java parses, with the spellings GML and GraphML writers use for NaN and
         * infinity (NAN, INF, -inf, Infinity) normalized; {@code null} when it is not a number.
         */
        static String number(String text) {
            String t = text.trim();
            String lower = t.toLowerCase(Locale.ROOT);
            String sign = lower.startsWith("-") ? "-" : "";
            String body = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
            if (body.equals("nan")) return "NaN";
            if (body.equals("inf") || body.equals("infinity")) return sign + "Infinity";
            if (t.isEmpty()) return null;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) return null;
            }
            try {
                Double.parseDouble(t);
                return t;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * GML tokens from a byte stream: keys, numbers (kept as written), quoted strings, {@code [} and {@code ]};
     * {@code #} comments to the end of the line. Tokens are bounded by {@code maxToken} bytes so that an
     * unterminated quote cannot swallow the file into memory.
     */
    static final class Lexer {
        static final int EOF = 0;
        static final int OPEN = 1;
        static final int CLOSE = 2;
        static final int WORD = 3;
        static final int STRING = 4;

        private final BufferedOnly in;
        private final int maxToken;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean eof;
        private boolean first = true;
        private byte[] tok;
        private int tokLen;

        /** Line of the read position (1-based). */
        long line = 1;
        /** Line where the current token starts. */
        long tokenLine;
        /** Line where the last token before the current one ended: where a truncated input stops. */
        private long lastTokenEnd = 1;
        int kind;

        Lexer(BufferedOnly in, int maxToken) {
            this.in = in;
            this.maxToken = maxToken;
            this.tok = new byte[Math.min(256, maxToken)];
        }

        /**
         * Advances to the next token. With {@code keep} false (inside skipped lists) the text of words and
         * strings is not stored, so skipped content costs no memory whatever its size.
         */
        int next(boolean keep) throws IOException, Stop {
            lastTokenEnd = line;
            int c;
            while (true) {
                c = read();
                if (c == '\n') {
                    line++;
                } else if (c == '#') {
                    while ((c = read()) >= 0 && c != '\n') {
                        // comment
                    }
                    if (c == '\n') line++;
                } else if (c < 0 || c > ' ') {
                    break;
                }
            }
            tokenLine = line;
            tokLen = 0;
            if (c < 0) return kind = EOF;
            if (c == '[') return kind = OPEN;
            if (c == ']') return kind = CLOSE;
            if (c == '"') {
                while ((c = read()) != '"') {
                    if (c < 0) {
                        throw new Stop(tokenLine, "syntax error: unterminated string: the quote opened at line "
                                + tokenLine + " is not closed", snippet());
                    }
                    if (c == '\n') line++;
                    if (keep) append(c, "string");
                }
                return kind = STRING;
            }
            append(c, "token");
            while ((c = peek()) >= 0 && c > ' ' && c != '[' && c != ']' && c != '"' && c != '#') {
                pos++;
                append(c, "token");
            }
            return kind = WORD;
        }

        private void append(int c, String what) throws Stop {
            if (tokLen == tok.length) {
                if (tokLen >= maxToken) {
                    throw new Stop(tokenLine, "syntax error: " + what + " longer than " + maxToken + " bytes"
                            + (what.equals("string") ? " (unterminated quote?)" : ""), snippet());
                }
                tok = Arrays.copyOf(tok, Math.min(tok.length * 2, maxToken));
            }
            tok[tokLen++] = (byte) c;
        }

        /** The current token as a key; anything else there is a syntax error. */
        String key(String where) throws Stop {
            if (kind == WORD && isKey()) return new String(tok, 0, tokLen, StandardCharsets.ISO_8859_1);
            throw new Stop(tokenLine, "syntax error: expected a key " + where + ", found " + describe(), snippet());
        }

        /** The current token as the value of {@code key}: a number or a string. */
        String scalar(String key) throws Stop {
            if (kind == STRING) return text(true);
            if (kind == WORD) {
                String w = new String(tok, 0, tokLen, StandardCharsets.ISO_8859_1);
                if (GraphRecords.number(w) != null) return w;
            }
            throw new Stop(tokenLine, "syntax error: expected a value after '" + key + "', found " + describe(),
                    snippet());
        }

        /** Skips to the {@code ]} closing a list whose {@code [} was just read. */
        void skipList(String key, long openLine) throws IOException, Stop {
            int depth = 1;
            while (depth > 0) {
                int k = next(false);
                if (k == OPEN) depth++;
                else if (k == CLOSE) depth--;
                else if (k == EOF) throw notClosed(key, openLine);
            }
        }

        Stop notClosed(String key, long openLine) {
            return new Stop(lastTokenEnd, "syntax error: unexpected end of input: '" + key + " [' opened at line "
                    + openLine                    + " is not closed (truncated file or unbalanced brackets)", "");
        }

        /** Bounded, printable echo of the current token for a rejected row. */
        private String snippet() {
            return RowAccounting.echo(tok, 0, tokLen);
        }

        private boolean isKey() {
            int c0 = tok[0];
            if (!(c0 >= 'a' && c0 <= 'z' || c0 >= 'A' && c0 <= 'Z' || c0 == '_')) return false;
            for (int i = 1; i < tokLen; i++) {
                int c = tok[i];
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) return false;
            }
            return true;
        }

        private String describe() {
            return switch (kind) {
                case EOF -> "end of input";
                case OPEN -> "'['";
                case CLOSE -> "']'";
                case STRING -> "a string";
                default -> "'" + Fields.shorten(text(false)) + "'";
            };
        }

        /** The token text: UTF-8, or ISO-8859-1 when not valid UTF-8; entities decoded if asked. */
        private String text(boolean decodeEntities) {
            String s;
            try {
                s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(tok, 0, tokLen)).toString();
            } catch (CharacterCodingException e) {
                s = new String(tok, 0, tokLen, StandardCharsets.ISO_8859_1);
            }
            return decodeEntities && kind == STRING && s.indexOf('&') >= 0 ? unescape(s) : s;
        }

        private int peek() throws IOException, Stop {
            if (pos == limit && !fill()) return -1;
            return buf[pos] & 0xff;
        }

        private int read() throws IOException, Stop {
            if (pos == limit && !fill()) return -1;
            return buf[pos++] & 0xff;
        }

        private boolean fill() throws IOException, Stop {
            if (eof) return false;
            int n;
            try {
                n = in.read(buf, 0, buf.length);
            } catch (EOFException | ZipException e) {
                throw new Stop(line, in.damage, "");
            }
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            if (first) {
                first = false;
                if (n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) pos = 3;
            }
            return pos < limit || fill();
        }

        /** Decodes {@code &amp; &quot; &lt; &gt; &apos; &#NN; &#xHH;}; anything else stays as written. */
        static String unescape(String s) {
            StringBuilder b = new StringBuilder(s.length());
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                int semi = c == '&' ? s.indexOf(';', i) : -1;
                if (semi > i + 1 && semi - i <= 10) {
                    String name = s.substring(i + 1, semi);
                    int cp = entity(name);
                    if (cp >= 0) {
                        b.appendCodePoint(cp);
                        i = semi + 1;
                        continue;
                    }
                }
                b.append(c);
                i++;
            }
            return b.toString();
        }

        private static int entity(String name) {
            switch (name) {
                case "amp": return '&';
                case "quot": return '"';
                case "lt": return '<';
                case "gt": return '>';
                case "apos": return '\'';
                default: break;
            }
            if (name.length() < 2 || name.charAt(0) != '#') return -1;
            try {
                boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
                int cp = hex ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? cp : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
