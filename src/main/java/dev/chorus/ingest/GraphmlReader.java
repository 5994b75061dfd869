package dev.chorus.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.chorus.ingest.GraphRecords.Echo;
import dev.chorus.ingest.GraphRecords.EdgeFields;
import dev.chorus.ingest.GraphRecords.Stop;
import dev.chorus.progress.Progress;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads GraphML ({@code <key>} declarations, {@code <graph edgedefault=...>}, {@code <node>}, {@code <edge>}
 * with {@code <data>} values).
 *
 * <p>Uses the JDK's StAX pull parser rather than a DOM or jgrapht-io: it streams (memory does not grow with the
 * file, only with the declared node ids), it reports the line of each element so that a rejected edge names its
 * line, and it needs no extra dependency. DTDs and external entities are disabled: an input file must not make
 * the reader fetch URLs or read other local files (XXE).
 *
 * <p>Each {@code <edge>} is one row; its weight comes from the data whose key is named {@code weight}, else
 * {@code value}. Nodes go to {@link InteractionSink#node} with their data by {@code attr.name} (key defaults
 * applied). Content of {@code <data>} that is markup (yEd graphics) is skipped, as are ports and descriptions.
 * Nested graphs are read as part of the one graph. Malformed XML (or damaged gzip input, named as such) rejects
 * one row at its line and ends the read, keeping what was loaded before.
 */
public final class GraphmlReader implements InteractionReader {
    private static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^(?:\\xEF\\xBB\\xBF)?<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    public GraphmlReader() {
    }

    @Override
    public void read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
                     Progress.Task progress) throws IOException {
        GraphRecords out = new GraphRecords(in, options, sink, rows, progress, true, "GraphML");
        Parse parse = new Parse(out, options.maxLineLength());
        Stop stop = null;
        long line;
        XMLStreamReader x = null;
        try {
            x = isUtf8(in.head()) ? factory().createXMLStreamReader(utf8(in.stream(), in.head()))
                    : factory().createXMLStreamReader(in.stream());
            parse.run(x);
            line = x.getLocation().getLineNumber();
        } catch (XMLStreamException e) {
            stop = stop(e, x);
            line = stop.line;
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // the stream is the InputSource's to close
                }
            }
        }
        if (!out.finish(stop, Math.max(line, 1)) && !parse.sawGraph) {
            throw new InputException(in.name() + ": no <graph> element: not a GraphML graph");
        }
    }

    /** The JDK's own StAX implementation (not whatever a jar on the classpath registers), DTDs off. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /**
     * True unless the document says it is not UTF-8 (a UTF-16 byte order mark or zero bytes, another declared
     * encoding). UTF-8 documents are decoded here rather than by the parser: the JDK's parser prints
     * "[Fatal Error]" to stderr on an invalid byte, which would garble the CLI's output.
     */
    private static boolean isUtf8(byte[] head) {
        if (head.length >= 2 && (head[0] == 0 || head[1] == 0 || head[0] == (byte) 0xFE || head[0] == (byte) 0xFF)) {
            return false;
        }
        Matcher m = DECLARED_ENCODING.matcher(new String(head, 0, Math.min(head.length, 256), ISO_8859_1));
        return !m.find() || m.group(1).equalsIgnoreCase("UTF-8") || m.group(1).equalsIgnoreCase("UTF8");
    }

    /** A strict UTF-8 reader past a byte order mark (which a Reader-fed parser would reject). */
    private static Reader utf8(InputStream source, byte[] head) throws IOException {
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            source.skipNBytes(3);
        }
        return new StrictUtf8(source);
    }

    /**
     * Decodes UTF-8 and fails on an invalid byte, but only after handing over every character before it, so
     * that the records before the bad byte are read (InputStreamReader drops the chunk the error is in).
     */
    private static final class StrictUtf8 extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
        private boolean eof;
        private boolean flushed;
        private CharacterCodingException failure;

        StrictUtf8(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] chars, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (flushed) return -1;
            CharBuffer out = CharBuffer.wrap(chars, off, len);
            while (failure == null) {
                CoderResult r = decoder.decode(bytes, out, eof);
                if (r.isError()) {
                    try {
                        r.throwException();
                    } catch (CharacterCodingException e) {
                        failure = e;
                    }
                } else if (r.isOverflow() || out.position() > off) {
                    break;
                } else if (eof) {
                    decoder.flush(out);
                    flushed = true;
                    return out.position() > off ? out.position() - off : -1;
                } else {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) eof = true;
                    else bytes.position(bytes.position() + n);
                    bytes.flip();
                }
            }
            if (out.position() > off) return out.position() - off;
            throw failure;
        }

        @Override
        public void close() {
            // the stream is the InputSource's to close
        }
    }

    /** Turns a parser error into the row that ends the read. */
    private static Stop stop(XMLStreamException e, XMLStreamReader x) throws IOException {
        long line = e.getLocation() != null ? e.getLocation().getLineNumber()
                : x != null ? x.getLocation().getLineNumber() : 1;
        line = Math.max(line, 1);
        Throwable t = e;
        for (int i = 0; t != null && i < 8; i++) {
            if (t instanceof CharacterCodingException) return new Stop(line, "malformed XML: not valid UTF-8", "");
            // a failing disk is not a bad row; a byte sequence invalid in the declared encoding is
            if (t instanceof IOException io && !(t instanceof CharConversionException)) throw io;
            Throwable next = t.getCause();
            if (next == null && t instanceof XMLStreamException s) next = s.getNestedException();
            t = next == t ? null : next;
        }
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: "); // the JDK prefixes "ParseError at [row,col]:[l,c]"
        if (at >= 0) message = message.substring(at + "Message: ".length());
        return new Stop(line, "malformed XML: " + message.strip(), "");
    }

    /** A {@code <key>}: the attribute name its data stand for, what it is for, and its default value. */
    private static final class Key {
        final String name;
        final String domain;
        String defaultValue;

        Key(String name, String domain) {
            this.name = name;
            this.domain = domain == null ? "all" : domain;
        }
    }

    /** The state of one read: element depth, the open node or edge, the text being collected. */
    private static final class Parse {
        private final GraphRecords out;
        private final int maxText;
        private final Map<String, Key> keys = new HashMap<>();
        private final List<Key> nodeDefaults = new ArrayList<>();
        private final List<Key> edgeDefaults = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        boolean sawGraph;
        private boolean graphDirected = true;
        private int depth;
        /** Depth of an element whose whole subtree is ignored, or 0. */
        private int skipDepth;

        private Key key;
        private int keyDepth;

        /** Depth of the {@code <data>}/{@code <default>} whose text is collected, or 0. */
        private int textDepth;
        private boolean textIsDefault;
        private String dataKey;
        private boolean textMarkup;
        private boolean textCut;

        private boolean ownerIsEdge;
        private int ownerDepth;
        private long ownerLine;
        private String nodeId;
        private Map<String, String> nodeAttributes;
        private EdgeFields edge;
        private Echo echo;

        private boolean warnedKey;
        private boolean warnedDirected;
        private boolean warnedCut;

        Parse(GraphRecords out, int maxText) {
            this.out = out;
            this.maxText = maxText;
        }

        void run(XMLStreamReader x) throws XMLStreamException {
            while (x.hasNext()) {
                switch (x.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start(x);
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (textDepth > 0 && depth == textDepth && skipDepth == 0) characters(x);
                    }
                    default -> { }
                }
            }
        }

        private void start(XMLStreamReader x) {
            depth++;
            if (skipDepth > 0) return;
            if (textDepth > 0) { // markup inside <data>, e.g. yEd's <y:ShapeNode>: not a scalar
                textMarkup = true;
                skipDepth = depth;
                return;
            }
            String ns = x.getNamespaceURI();
            if (ns != null && !ns.isEmpty() && !ns.equals(NS)) {
                skipDepth = depth;
                return;
            }
            long line = x.getLocation().getLineNumber();
            switch (x.getLocalName()) {
                case "key" -> {
                    String id = x.getAttributeValue(null, "id");
                    String name = x.getAttributeValue(null, "attr.name");
                    key = new Key(name != null ? name : id, x.getAttributeValue(null, "for"));
                    if (id != null) keys.put(id, key);
                    keyDepth = depth;
                }
                case "default" -> {
                    if (key != null && depth == keyDepth + 1) startText(true, null);
                    else skipDepth = depth;
                }
                case "graph" -> {
                    flushOwner();
                    if (!sawGraph) {
                        sawGraph = true;
                        String d = x.getAttributeValue(null, "edgedefault");
                        if (d != null && !d.equals("directed") && !d.equals("undirected")) {
                            out.warn("line " + line + ": edgedefault=\"" + Fields.shorten(d)
                                    + "\" is neither directed nor undirected; read as directed");
                        }
                        graphDirected = !"undirected".equals(d); // GraphML requires it; directed if absent
                        out.directed(graphDirected, line);
                    }
                }
                case "node" -> {
                    flushOwner();
                    ownerIsEdge = false;
                    ownerDepth = depth;
                    ownerLine = line;
                    nodeId = x.getAttributeValue(null, "id");
                    nodeAttributes = new LinkedHashMap<>();
                    echo = new Echo("node", "", true);
                    if (nodeId != null) echo.add("id", nodeId, true);
                }
                case "edge" -> {
                    flushOwner();
                    ownerIsEdge = true;
                    ownerDepth = depth;
                    ownerLine = line;
                    echo = new Echo("edge", "", true);
                    edge = new EdgeFields(line, echo);
                    edge.source = x.getAttributeValue(null, "source");
                    edge.target = x.getAttributeValue(null, "target");
                    if (edge.source != null) echo.add("source", edge.source, true);
                    if (edge.target != null) echo.add("target", edge.target, true);
                    String d = x.getAttributeValue(null, "directed");
                    if (d != null && !warnedDirected && d.equals("true") != graphDirected) {
                        warnedDirected = true;
                        out.warn("line " + line + ": an edge with directed=\"" + Fields.shorten(d) + "\" differs from "
                                + "the graph's edgedefault; mixed graphs are not supported, all edges are read as "
                                + (graphDirected ? "directed" : "undirected"));
                    }
                }
                case "hyperedge" -> {
                    flushOwner();
                    out.unsupported(line, "hyperedge: not supported (only <edge> is read)", "hyperedge");
                    skipDepth = depth;
                }
                case "data" -> {
                    if (ownerDepth > 0 && depth == ownerDepth + 1) startText(false, x.getAttributeValue(null, "key"));
                    else skipDepth = depth; // graph-level data, data on ports
                }
                default -> { } // graphml, desc, port, locator, ...: nothing to keep, children still read
            }
        }

        private void end() {
            if (skipDepth > 0) {
                if (depth == skipDepth) skipDepth = 0;
            } else if (depth == textDepth) {
                endText();
            } else if (depth == ownerDepth) {
                flushOwner();
            } else if (key != null && depth == keyDepth) {
                if (key.defaultValue != null) {
                    if (key.domain.equals("node") || key.domain.equals("all")) nodeDefaults.add(key);
                    if (key.domain.equals("edge") || key.domain.equals("all")) edgeDefaults.add(key);
                }
                key = null;
            }
            depth--;
        }

        private void startText(boolean isDefault, String forKey) {
            textDepth = depth;
            textIsDefault = isDefault;
            dataKey = forKey;
            textMarkup = false;
            textCut = false;
            text.setLength(0);
        }

        /** Appends text up to the length limit, so that one huge value cannot exhaust memory. */
        private void characters(XMLStreamReader x) {
            int room = maxText - text.length();
            int n = x.getTextLength();
            if (n > room) {
                textCut = true;
                n = Math.max(room, 0);
            }
            text.append(x.getTextCharacters(), x.getTextStart(), n);
        }

        private void endText() {
            textDepth = 0;
            if (textCut && !warnedCut) {
                warnedCut = true;
                out.warn("a <data> value longer than " + maxText + " characters was cut to that length");
            }
            String value = textMarkup ? null : text.toString();
            if (textIsDefault) {
                key.defaultValue = value;
                return;
            }
            if (value == null || ownerDepth == 0) return;
            Key k = dataKey == null ? null : keys.get(dataKey);
            if (k == null && !warnedKey) {
                warnedKey = true;
                out.warn("line " + ownerLine + ": <data key=\"" + Fields.shorten(String.valueOf(dataKey))
                        + "\"> has no <key> declaration; its key id is used as the attribute name");
            }
            String name = k != null ? k.name : String.valueOf(dataKey);
            echo.add(name, value, true);
            if (ownerIsEdge) edge.put(name, value);
            else nodeAttributes.putIfAbsent(name, value);
        }

        /** Hands the open node or edge on: at its end tag, or where a nested graph starts inside it. */
        private void flushOwner() {
            if (ownerDepth == 0) return;
            ownerDepth = 0;
            if (ownerIsEdge) {
                for (Key k : edgeDefaults) edge.put(k.name, k.defaultValue); // data read first win
                out.edge(edge);
                edge = null;
            } else {
                for (Key k : nodeDefaults) nodeAttributes.putIfAbsent(k.name, k.defaultValue);
                out.node(nodeId, nodeAttributes, ownerLine, echo);
                nodeAttributes = null;
            }
        }
    }
}
