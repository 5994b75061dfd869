package dev.chorus.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts every row a reader sees as loaded, rejected or filtered ({@link RowFilter}), hands rejected rows to a
 * consumer (for {@code rejected.tsv}), passes kept rows to the sink, and stops the read with an
 * {@link InputException} once more than {@code maxRejects} rows were rejected. Also counts the kept rows per
 * platform, for {@code info}. One instance per input.
 */
public final class RowAccounting {
    /** Rejected rows echo at most this many characters of the offending text. */
    static final int MAX_ECHO = 200;
    private static final int KEEP_FIRST = 10;

    private final String source;
    private final long maxRejects;
    private final Consumer<RejectedRow> rejects;
    private final RowFilter filter;
    private final List<RejectedRow> first = new ArrayList<>();
    private final Map<String, Long> platforms = new LinkedHashMap<>();
    private long loaded;
    private long rejected;
    private long filtered;
    private long typed;
    private long withPlatform;
    private boolean refused;

    /**
     * @param source     the input's name, used in messages
     * @param maxRejects more rejected rows than this fail the read
     * @param rejects    receives every rejected row (e.g. a {@code rejected.tsv} writer)
     */
    public RowAccounting(String source, long maxRejects, Consumer<RejectedRow> rejects) {
        this(source, maxRejects, rejects, RowFilter.ALL);
    }

    /** @param filter which parsed rows reach the sink; the others are counted as filtered */
    public RowAccounting(String source, long maxRejects, Consumer<RejectedRow> rejects, RowFilter filter) {
        if (maxRejects < 0) throw new IllegalArgumentException("maxRejects must be >= 0, got " + maxRejects);
        this.source = source;
        this.maxRejects = maxRejects;
        this.rejects = rejects;
        this.filter = filter;
    }

    public String source() {
        return source;
    }

    /**
     * A row that parsed: to the sink and counted as loaded if the filter keeps it (and the sink does not
     * {@link #refuse} it), else counted as filtered.
     */
    void pass(Interaction row, InteractionSink sink) {
        if (row.type != null) typed++;
        if (row.platform != null) withPlatform++;
        if (!filter.keepsAll() && !filter.keeps(row.type, row.platform)) {
            filtered++;
            return;
        }
        sink.interaction(row);
        if (refused) {
            refused = false;
            return;
        }
        loaded++;
        if (row.platform != null) platforms.merge(row.platform, 1L, Long::sum);
    }

    /**
     * After the read: a filter on a property no row has is an input error (exit 3), not an empty graph, because
     * the user asked for something the input cannot answer. An input without rows is left alone.
     */
    public void checkFilter() {
        if (typed == 0 && filter.layers() != null && filtered > 0) {
            throw new InputException(source + ": --layer needs interaction types, and no row has one (add a 'type' "
                    + "column, or --columns ...,type for a headerless file)");
        }
        if (withPlatform == 0 && filter.platforms() != null && filtered > 0) {
            throw new InputException(source + ": --platform needs a 'platform' column (or 'network', 'site'), "
                    + "and no row has one");
        }
    }

    /** Loaded rows per platform as the input spells it, in order of first appearance; empty without the column. */
    public Map<String, Long> platforms() {
        return Collections.unmodifiableMap(platforms);
    }

    /**
     * A sink turns down the row it is being handed (e.g. an untimed row where a time is required): the row is
     * counted and written as rejected instead of loaded. Call it only from inside
     * {@link InteractionSink#interaction}, at most once per row.
     */
    public void refuse(Interaction row, String reason) {
        refused = true;
        byte[] text = (row.source() + " " + row.target()).getBytes(StandardCharsets.UTF_8);
        reject(row.line(), reason, echo(text, 0, text.length));
    }

    void reject(long line, String reason, byte[] buf, int from, int to) {
        reject(line, reason, echo(buf, from, to));
    }

    void reject(long line, String reason, String text) {
        rejected++;
        RejectedRow row = new RejectedRow(source, line, reason, text);
        if (first.size() < KEEP_FIRST) first.add(row);
        rejects.accept(row);
        if (rejected > maxRejects) {
            throw new InputException(source + ": more than " + maxRejects + " rejected rows (--max-rejects); "
                    + "first: line " + first.get(0).line() + ": " + first.get(0).reason());
        }
    }

    public RowCounts counts() {
        return new RowCounts(loaded + rejected, loaded, rejected, filtered);
    }

    /** The first few rejected rows, for a summary on stderr. */
    public List<RejectedRow> firstRejected() {
        return List.copyOf(first);
    }

    /** Printable, single-line, bounded echo of raw bytes: control bytes and invalid UTF-8 become escapes. */
    static String echo(byte[] buf, int from, int to) {
        int end = Math.min(to, from + MAX_ECHO * 4);
        String s = new String(buf, from, end - from, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_ECHO) + 8);
        for (int i = 0; i < s.length() && b.length() < MAX_ECHO; i++) {
            char c = s.charAt(i);
            if (c == '\t') b.append("\\t");
            else if (c == '\\') b.append("\\\\");
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else if (c == '\uFFFD') b.append("\\ufffd"); // a byte that is not UTF-8
            else b.append(c);
        }
        if (b.length() >= MAX_ECHO || end < to) b.append("...");
        return b.toString();
    }
}
