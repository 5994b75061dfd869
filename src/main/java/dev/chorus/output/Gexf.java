package dev.chorus.output;

import dev.chorus.analysis.NodeTable;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.roles.PassionateCluster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code graph.gexf}: the graph for Gephi, in GEXF 1.3 (https://gexf.net/schema.html). Which part of the graph is
 * written is a {@link Scope}: by default the report's subgraph (what a person can open: the whole graph of 10M
 * interactions is 1.2 GB, which Gephi does not load), or every node and edge, gzipped above
 * {@link #GZIP_ABOVE_EDGES} edges. Nodes carry the
 * {@link NodeTable} columns as attributes (metrics as {@code double}, {@code community} as {@code integer},
 * {@code roles} as a {@code string} joined by {@code ;}, {@code cluster} as {@code integer}; an undefined metric has no attvalue); edges carry the
 * interaction weight. A directed graph has one edge per arc, an undirected one one edge per pair. Written with the
 * JDK's StAX writer, which escapes markup; characters XML 1.0 forbids (control characters) are replaced by U+FFFD.
 * O(n + m), streaming.
 */
public final class Gexf {
    public static final String NAMESPACE = "http://gexf.net/1.3";
    /** A full graph with more edges than this is written gzipped, as {@code graph.gexf.gz}. */
    public static final long GZIP_ABOVE_EDGES = 1_000_000;

    /** What {@code graph.gexf} holds ({@code analyze --gexf}). */
    public enum Scope {
        /**
         * The report's subgraph: the hubs the report names (the first {@code top} of {@link AnalysisResult#hubs()}),
         * the members of the passionate clusters it draws (the first {@link ReportJson#DRAWN_CLUSTERS}), and every
         * edge between two of them. At most {@code top + 6 x max-cluster-size} nodes (960 by default), so a few
         * MB whatever the size of the graph.
         */
        REPORT,
        /** Every node and edge. */
        FULL,
        /** No file. */
        NONE
    }

    private Gexf() {
    }

    /**
     * Writes {@code graph.gexf} (or {@code graph.gexf.gz}) of {@code scope} into {@code dir}.
     *
     * @return the file written, or null for {@link Scope#NONE}
     */
    public static Path write(AnalysisResult r, Path dir, Scope scope) {
        return write(r, dir, scope, GZIP_ABOVE_EDGES);
    }

    static Path write(AnalysisResult r, Path dir, Scope scope, long gzipAboveEdges) {
        if (scope == Scope.NONE) return null;
        boolean[] keep = scope == Scope.FULL ? null : reportNodes(r);
        boolean gzip = scope == Scope.FULL && r.graph().edgeCount() > gzipAboveEdges;
        Path file = dir.resolve(gzip ? "graph.gexf.gz" : "graph.gexf");
        try (OutputStream os = gzip ? new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)
                : new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(os, "UTF-8");
            write(r, keep, x);
            x.close();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), new IOException(e));
        }
    }

    /** Membership of {@link Scope#REPORT}'s nodes. */
    static boolean[] reportNodes(AnalysisResult r) {
        InteractionGraph g = r.graph();
        boolean[] keep = new boolean[g.nodeCount()];
        for (String id : r.hubs().subList(0, Math.min(r.config().top(), r.hubs().size()))) keep[g.ids().index(id)] = true;
        for (PassionateCluster p : r.passionate()) {
            if (p.rank() <= ReportJson.DRAWN_CLUSTERS) for (String id : p.members()) keep[g.ids().index(id)] = true;
        }
        return keep;
    }

    /** @param keep the nodes to write (and the edges between them), or null for all */
    private static void write(AnalysisResult r, boolean[] keep, XMLStreamWriter x) throws XMLStreamException {
        InteractionGraph g = r.graph();
        NodeTable t = r.nodes();
        List<String> metrics = t.metricColumns();
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("gexf");
        x.writeDefaultNamespace(NAMESPACE);
        x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        x.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", NAMESPACE + " http://gexf.net/1.3/gexf.xsd");
        x.writeAttribute("version", "1.3");
        x.writeStartElement("meta");
        x.writeStartElement("creator");
        x.writeCharacters("Chorus");
        x.writeEndElement();
        x.writeStartElement("description");
        x.writeCharacters("Interaction graph: an edge source -> target means source acted on target's content");
        x.writeEndElement();
        x.writeEndElement();

        x.writeStartElement("graph");
        x.writeAttribute("defaultedgetype", g.isDirected() ? "directed" : "undirected");
        x.writeAttribute("mode", "static");
        x.writeStartElement("attributes");
        x.writeAttribute("class", "node");
        x.writeAttribute("mode", "static");
        for (int i = 0; i < metrics.size(); i++) attribute(x, "m" + i, metrics.get(i), "double");
        attribute(x, "community", "community", "integer");
        attribute(x, "roles", "roles", "string");
        attribute(x, "cluster", "cluster", "integer");
        x.writeEndElement();

        double[][] columns = metrics.stream().map(t::metric).toArray(double[][]::new);
        x.writeStartElement("nodes");
        for (int u = 0; u < g.nodeCount(); u++) {
            if (keep != null && !keep[u]) continue;
            String id = xmlSafe(g.ids().id(u));
            x.writeStartElement("node");
            x.writeAttribute("id", id);
            x.writeAttribute("label", id);
            x.writeStartElement("attvalues");
            for (int i = 0; i < columns.length; i++) {
                if (!Double.isNaN(columns[i][u])) attvalue(x, "m" + i, number(columns[i][u]));
            }
            attvalue(x, "community", Integer.toString(t.community()[u]));
            attvalue(x, "roles", String.join(";", t.roles().get(u)));
            attvalue(x, "cluster", Integer.toString(t.cluster()[u]));
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();

        x.writeStartElement("edges");
        Adjacency out = g.out();
        long edge = 0;
        for (int u = 0; u < g.nodeCount(); u++) {
            if (keep != null && !keep[u]) continue;
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (!g.isDirected() && v < u || keep != null && !keep[v]) continue;
                x.writeEmptyElement("edge");
                x.writeAttribute("id", Long.toString(edge++));
                x.writeAttribute("source", xmlSafe(g.ids().id(u)));
                x.writeAttribute("target", xmlSafe(g.ids().id(v)));
                x.writeAttribute("weight", number(out.weight(e)));
            }
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
    }

    private static void attribute(XMLStreamWriter x, String id, String title, String type) throws XMLStreamException {
        x.writeEmptyElement("attribute");
        x.writeAttribute("id", id);
        x.writeAttribute("title", title);
        x.writeAttribute("type", type);
    }

    private static void attvalue(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeEmptyElement("attvalue");
        x.writeAttribute("for", key);
        x.writeAttribute("value", value);
    }

    /** Infinity as GEXF's xsd:double spells it; integers without ".0". */
    private static String number(double v) {
        if (v == Double.POSITIVE_INFINITY) return "INF";
        if (v == Double.NEGATIVE_INFINITY) return "-INF";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Decimal.of(v);
    }

    /** Replaces characters XML 1.0 does not allow (C0 controls other than tab, LF, CR; lone surrogates; FFFE/FFFF). */
    static String xmlSafe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);
            }
            if (!ok && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            if (b != null) b.append(ok ? c : '\uFFFD');
        }
        return b == null ? s : b.toString();
    }
}
