package dev.chorus.ingest;

import dev.chorus.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SNAP-style edge lists: whitespace-separated {@code source target [weight]} or the 4-column interaction form
 * {@code source target timestamp type} (SNAP Higgs activity), {@code #} and {@code %} comment lines.
 * <p>
 * The layout is, in order of precedence: {@code --columns}; a first data line made only of column names
 * (e.g. {@code source target weight}), read as a header; else guessed from the most frequent column count in
 * the first 64 KiB (2, 3 or 4 columns as above), so that a stray first line such as NetHEPT's "n m" count line
 * is rejected on its own instead of fixing the layout for the whole file.
 * <p>
 * Parsing works on the line's bytes; a row costs two id lookups and no allocation. O(bytes).
 */
public final class SnapReader implements InteractionReader {
    private static final int PROGRESS_EVERY = 1 << 16;

    @Override
    public void read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
                     Progress.Task progress) throws IOException {
        List<Column> layout = options.columns();
        boolean headerPossible = layout == null;
        if (layout == null) layout = guessLayout(in, options);
        RowParser parser = new RowParser(layout);
        LineReader lines = new LineReader(in, options.maxLineLength());
        Interaction row = new Interaction();
        int cap = parser.width() + 1;
        int[] starts = new int[cap];
        int[] ends = new int[cap];
        boolean firstData = true;
        while (lines.next()) {
            long n = lines.number;
            if ((n & (PROGRESS_EVERY - 1)) == 0) progress.stepTo(in.bytesRead());
            if (n <= options.skipLines()) continue;
            if (lines.overlong) {
                rows.reject(n, "line longer than " + options.maxLineLength() + " bytes", lines.line, lines.start, lines.end);
                continue;
            }
            byte[] b = lines.line;
            int s = lines.start;
            int e = lines.end;
            while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
            if (s == e || b[s] == '#' || b[s] == '%') continue;
            boolean first = firstData;
            firstData = false;
            int count = split(b, s, e, starts, ends, cap);
            if (count < 0) { // the line may hold binary data: the full check, and its message
                String binary = Fields.binaryProblem(b, s, e);
                if (binary != null) {
                    rows.reject(n, binary, b, s, e);
                    continue;
                }
                count = -1 - count;
            }
            if (first && headerPossible) {
                List<Column> header = headerColumns(b, starts, ends, count);
                if (header != null) {
                    parser = new RowParser(header);
                    cap = parser.width() + 1;
                    starts = new int[cap];
                    ends = new int[cap];
                    continue;
                }
            }
            String problem;
            if (count > parser.width()) {
                problem = "extra field: expected " + parser.width() + " columns (" + parser.layoutText() + "), found more";
            } else {
                problem = parser.parse(b, starts, ends, count, row);
            }
            if (problem != null) {
                if (first) problem += "; a header or count line? use --skip 1 or --columns";
                rows.reject(n, problem, b, s, e);
            } else {
                row.line = n;
                rows.pass(row, sink);
            }
        }
        if (lines.failure() != null) rows.reject(lines.number + 1, lines.failure(), lines.failureText());
        progress.stepTo(in.bytesRead());
    }

    /**
     * Splits on runs of spaces/tabs into at most {@code cap} fields and returns the field count (capped), or
     * {@code -1 - count} when the line may hold binary data ({@link Fields#binaryProblem} looks at it then): a
     * byte outside printable ASCII in a field, or a line not scanned to its end. Checking while splitting saves
     * the separate pass over every line that the check was.
     */
    static int split(byte[] b, int s, int e, int[] starts, int[] ends, int cap) {
        int count = 0;
        int i = s;
        int printable = 0; // sign bit set once a field byte is below 0x20, above 0x7e, or non-ASCII (negative)
        while (i < e && count < cap) {
            while (i < e && (b[i] == ' ' || b[i] == '\t')) i++;
            if (i == e) break;
            int start = i;
            while (i < e) {
                int c = b[i];
                if (c == ' ' || c == '\t') break;
                printable |= (c - 0x20) | (0x7e - c);
                i++;
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        return printable < 0 || i < e ? -1 - count : count;
    }

    private static int fields(int split) {
        return split < 0 ? -1 - split : split;
    }

    /** The layout named by a line made only of known column names including source and target, else null. */
    private static List<Column> headerColumns(byte[] b, int[] starts, int[] ends, int count) {
        if (count < 2) return null;
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Column c = Column.namedInHeader(new String(b, starts[i], ends[i] - starts[i], java.nio.charset.StandardCharsets.UTF_8));
            if (c == null) return null;
            cols.add(c);
        }
        try {
            return Column.parseList(String.join(",", cols.stream().map(Column::canonical).toList()));
        } catch (IllegalArgumentException notAHeader) {
            return null;
        }
    }

    /** The most frequent column count among the first lines (after --skip) decides the layout. */
    static List<Column> guessLayout(InputSource in, IngestOptions options) {
        byte[] head = in.head();
        Map<Integer, Integer> freq = new HashMap<>();
        List<byte[]> thirdColumn = new ArrayList<>();
        int lineNo = 0;
        int s = 0;
        int firstCount = -1;
        for (int i = 0; i < head.length; i++) {
            if (head[i] != '\n') continue;
            lineNo++;
            int e = i > s && head[i - 1] == '\r' ? i - 1 : i;
            if (lineNo > options.skipLines()) {
                int[] st = new int[6];
                int[] en = new int[6];
                int p = s;
                while (p < e && (head[p] == ' ' || head[p] == '\t')) p++;
                if (p < e && head[p] != '#' && head[p] != '%') {
                    int c = fields(split(head, p, e, st, en, 6));
                    if (firstCount < 0) firstCount = c;
                    freq.merge(c, 1, Integer::sum);
                    if (c == 3) thirdColumn.add(java.util.Arrays.copyOfRange(head, st[2], en[2]));
                }
            }
            s = i + 1;
        }
        if (freq.isEmpty() && s < head.length) {
            int[] st = new int[6];
            int[] en = new int[6];
            firstCount = fields(split(head, s, head.length, st, en, 6));
            freq.merge(firstCount, 1, Integer::sum);
        }
        int best = firstCount < 0 ? 2 : firstCount;
        int bestFreq = freq.getOrDefault(best, 0);
        for (Map.Entry<Integer, Integer> en : freq.entrySet()) {
            if (en.getValue() > bestFreq) {
                best = en.getKey();
                bestFreq = en.getValue();
            }
        }
        switch (best) {
            case 0, 1, 2:
                return List.of(Column.SOURCE, Column.TARGET);
            case 3:
                if (!thirdColumn.isEmpty() && thirdColumn.stream().allMatch(SnapReader::looksLikeUnixTime)) {
                    options.warnings().accept(in.name() + ": column 3 looks like unix time but is read as weight;"
                            + " if it is a time, pass --columns source,target,timestamp");
                }
                return List.of(Column.SOURCE, Column.TARGET, Column.WEIGHT);
            case 4:
                return List.of(Column.SOURCE, Column.TARGET, Column.TIMESTAMP, Column.TYPE);
            default:
                throw new InputException(in.name() + ": cannot guess the meaning of " + best
                        + " whitespace-separated columns; pass --columns, e.g. --columns source,target,weight,ignore,ignore");
        }
    }

    private static boolean looksLikeUnixTime(byte[] field) {
        long v = Fields.digits(field, 0, field.length);
        return v >= 100_000_000L && v < 100_000_000_000L;
    }
}
