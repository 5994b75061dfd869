package dev.chorus.ingest;

import java.util.List;
import java.util.function.Consumer;

/**
 * How to read an input.
 *
 * @param format        reader to use; {@link Format#AUTO} detects it
 * @param columns       meaning of the columns of a headerless file (snap, or csv/tsv without header), or
 *                      {@code null} to guess (snap) / read the header (csv, tsv)
 * @param directed      {@code true}/{@code false} forces directed/undirected; {@code null} takes the default
 *                      (directed for row formats, as declared for gml/graphml)
 * @param skipLines     leading lines to skip before reading (e.g. a "nodes edges" count line)
 * @param maxLineLength longer lines are rejected without being buffered
 * @param maxRejects    more rejected rows than this is an input error
 * @param warnings      receives notes about guesses the reader made (e.g. a column that looks like time)
 * @param nodeId        which node attribute of a graph file (gml, graphml) is the node's id in the output
 * @param threads       threads that load the graph, >= 1: the reader, and with more than one a worker that
 *                      numbers ids while the reader parses and the workers that aggregate the edges; the graph
 *                      does not depend on it
 * @param filter        which parsed rows are kept ({@code --layer}, {@code --platform}); {@link RowFilter#ALL}
 */
public record IngestOptions(Format format, List<Column> columns, Boolean directed, int skipLines,
                            int maxLineLength, long maxRejects, Consumer<String> warnings, NodeId nodeId, int threads,
                            RowFilter filter) {
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
    public static final long DEFAULT_MAX_REJECTS = 1000;

    public IngestOptions {
        if (format == null) throw new IllegalArgumentException("format must not be null");
        if (skipLines < 0) throw new IllegalArgumentException("skipLines must be >= 0, got " + skipLines);
        if (maxLineLength < 16) throw new IllegalArgumentException("maxLineLength must be >= 16, got " + maxLineLength);
        if (maxRejects < 0) throw new IllegalArgumentException("maxRejects must be >= 0, got " + maxRejects);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        columns = columns == null ? null : List.copyOf(columns);
        if (warnings == null) warnings = w -> { };
        if (nodeId == null) nodeId = NodeId.ID;
        if (filter == null) filter = RowFilter.ALL;
    }

    /** Node ids from the records' {@code id}; the graph built on every processor. */
    public IngestOptions(Format format, List<Column> columns, Boolean directed, int skipLines, int maxLineLength,
                         long maxRejects, Consumer<String> warnings) {
        this(format, columns, directed, skipLines, maxLineLength, maxRejects, warnings, NodeId.ID,
                Runtime.getRuntime().availableProcessors(), RowFilter.ALL);
    }

    /**
     * Which attribute names a node of a graph file. Edges always refer to nodes by {@code id}, as both formats
     * define; {@link #LABEL} only renames the nodes in the output, as NetworkX's {@code read_gml} does by
     * default (igraph and Gephi keep the {@code id}).
     */
    public enum NodeId {
        ID, LABEL;

        public static NodeId parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "id" -> ID;
                case "label" -> LABEL;
                default -> throw new IllegalArgumentException("--node-id must be id or label, got '" + s + "'");
            };
        }
    }

    /** Auto-detected format, directedness as the format says, default limits, warnings dropped, every processor. */
    public static IngestOptions defaults() {
        return new IngestOptions(Format.AUTO, null, null, 0, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_REJECTS, null);
    }

    public IngestOptions withFormat(Format f) {
        return new IngestOptions(f, columns, directed, skipLines, maxLineLength, maxRejects, warnings, nodeId, threads, filter);
    }

    public IngestOptions withColumns(List<Column> c) {
        return new IngestOptions(format, c, directed, skipLines, maxLineLength, maxRejects, warnings, nodeId, threads, filter);
    }

    public IngestOptions withDirected(Boolean d) {
        return new IngestOptions(format, columns, d, skipLines, maxLineLength, maxRejects, warnings, nodeId, threads, filter);
    }

    public IngestOptions withSkipLines(int s) {
        return new IngestOptions(format, columns, directed, s, maxLineLength, maxRejects, warnings, nodeId, threads, filter);
    }

    public IngestOptions withMaxRejects(long m) {
        return new IngestOptions(format, columns, directed, skipLines, maxLineLength, m, warnings, nodeId, threads, filter);
    }

    public IngestOptions withMaxLineLength(int m) {
        return new IngestOptions(format, columns, directed, skipLines, m, maxRejects, warnings, nodeId, threads, filter);
    }

    public IngestOptions withNodeId(NodeId n) {
        return new IngestOptions(format, columns, directed, skipLines, maxLineLength, maxRejects, warnings, n, threads, filter);
    }

    public IngestOptions withWarnings(Consumer<String> w) {
        return new IngestOptions(format, columns, directed, skipLines, maxLineLength, maxRejects, w, nodeId, threads, filter);
    }

    public IngestOptions withFilter(RowFilter f) {
        return new IngestOptions(format, columns, directed, skipLines, maxLineLength, maxRejects, warnings, nodeId, threads, f);
    }

    public IngestOptions withThreads(int t) {
        return new IngestOptions(format, columns, directed, skipLines, maxLineLength, maxRejects, warnings, nodeId, t, filter);
    }
}
