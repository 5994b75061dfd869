package dev.chorus.ingest;

import dev.chorus.ingest.GraphRecords.Echo;
import dev.chorus.ingest.GraphRecords.EdgeFields;
import dev.chorus.ingest.GraphRecords.Stop;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

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
 * broken syntax (or damaged gzip input, named as such) rejects one row at its line and ends the read, keeping
 * what was loaded before.
 */
public final class GmlReader implements InteractionReader {

    public GmlReader() {
    }

    @Override
    public void read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
                     Progress.Task progress) throws IOException {
        GraphRecords out = new GraphRecords(in, options, sink, rows, progress, false, "GML");
        Lexer lx = new Lexer(in.stream(), options.maxLineLength());
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
                    scalarOrSkip(lx, key, keyLine);
                }
            }
        } catch (Stop s) {
            stop = s;
        }
        if (!out.finish(stop, lx.line) && !sawGraph) {
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
            if (key.equals("directed")) {
                String d = scalarOrSkip(lx, key, line);
                if ("0".equals(d) || "1".equals(d)) out.directed(d.equals("1"), line);
                else if (d != null) out.warn("line " + line + ": 'directed " + Fields.shorten(d) + "' is not 0/1");
            } else if (key.equals("node") && v == Lexer.OPEN) {
                readNode(lx, out, line);
            } else if (key.equals("edge") && v == Lexer.OPEN) {
                readEdge(lx, out, line);
            } else {
                scalarOrSkip(lx, key, line);
            }
        }
        out.declare(); // an empty graph still declares its directedness
    }

    private static void readNode(Lexer lx, GraphRecords out, long line) throws IOException, Stop {
        Map<String, String> attributes = new LinkedHashMap<>();
        Echo echo = new Echo("node [", " ]", false);
        readRecord(lx, "node", line, echo, attributes::putIfAbsent); // first wins, as for edges
        String id = attributes.remove("id");
        out.node(id, attributes, line, echo);
    }

    private static void readEdge(Lexer lx, GraphRecords out, long line) throws IOException, Stop {
        EdgeFields e = new EdgeFields(line, new Echo("edge [", " ]", false));
        readRecord(lx, "edge", line, e.echo, (key, value) -> {
            if (key.equals("source")) {
                if (e.source == null) e.source = value;
            } else if (key.equals("target")) {
                if (e.target == null) e.target = value;
            } else {
                e.put(key, value);
            }
        });
        out.edge(e);
    }

    /** The scalar key-value pairs of a record up to its {@code ]}, to {@code echo} and {@code field}. */
    private static void readRecord(Lexer lx, String what, long line, Echo echo, BiConsumer<String, String> field)
            throws IOException, Stop {
        String where = "inside '" + what + " ['";
        while (true) {
            int k = lx.next(true);
            if (k == Lexer.CLOSE) return;
            if (k == Lexer.EOF) throw lx.notClosed(what, line);
            String key = lx.key(where);
            long keyLine = lx.tokenLine;
            lx.next(true);
            String value = scalarOrSkip(lx, key, keyLine);
            if (value == null) continue;
            echo.add(key, value, lx.kind == Lexer.STRING);
            field.accept(key, value);
        }
    }

    /** The current token as a scalar value of {@code key}; a list is skipped and gives {@code null}. */
    private static String scalarOrSkip(Lexer lx, String key, long keyLine) throws IOException, Stop {
        if (lx.kind == Lexer.OPEN) {
            lx.skipList(key, keyLine);
            return null;
        }
        return lx.scalar(key);
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

        private final InputStream in;
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

        Lexer(InputStream in, int maxToken) {
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
                if (Fields.number(w) != null) return w;
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
                    + openLine + " is not closed (truncated file or unbalanced brackets)", "");
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

        private int peek() throws IOException {
            if (pos == limit && !fill()) return -1;
            return buf[pos] & 0xff;
        }

        private int read() throws IOException {
            if (pos == limit && !fill()) return -1;
            return buf[pos++] & 0xff;
        }

        private boolean fill() throws IOException {
            if (eof) return false;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
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
