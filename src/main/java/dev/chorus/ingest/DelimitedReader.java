package dev.chorus.ingest;

import dev.chorus.progress.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV and TSV with a header row naming at least {@code source} and {@code target} (aliases in {@link Column});
 * optional {@code weight}, {@code type}, {@code timestamp}; other columns are ignored. With {@code --columns}
 * the file has no header. A CSV whose header holds semicolons and no commas is read with {@code ;} as the
 * delimiter (spreadsheet exports in many locales). RFC 4180 quoting: quoted fields may hold delimiters, doubled quotes and newlines;
 * unquoted fields are trimmed. A UTF-8 byte order mark and CRLF line ends are accepted.
 * <p>
 * Written here rather than on commons-csv because a record must stay bounded: an unbalanced quote in
 * commons-csv swallows the rest of the file into one record, while this reader gives up after
 * {@code maxLineLength} bytes, rejects that one record and goes on. It also parses bytes in place, which keeps
 * the per-row cost of the id dictionary free of Strings. O(bytes).
 */
public final class DelimitedReader implements InteractionReader {
    private static final int PROGRESS_EVERY = 1 << 14;
    private byte delimiter;

    /** @param delimiter {@code ','} for CSV, {@code '\t'} for TSV */
    public DelimitedReader(char delimiter) {
        this.delimiter = (byte) delimiter;
    }

    @Override
    public void read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
                     Progress.Task progress) throws IOException {
        LineReader reader = new LineReader(in, options.maxLineLength());
        Lines lines = new Lines(reader);
        Record rec = new Record();
        RowParser parser = options.columns() == null ? null : new RowParser(options.columns());
        HeaderLayout header = null;
        Interaction row = new Interaction();
        int[] starts = new int[0];
        int[] ends = new int[0];
        while (lines.next()) {
            long n = lines.number;
            if ((n & (PROGRESS_EVERY - 1)) == 0) progress.stepTo(in.bytesRead());
            if (n <= options.skipLines()) continue;
            if (lines.overlong) {
                rows.reject(n, "line longer than " + options.maxLineLength() + " bytes", lines.line, lines.start, lines.end);
                continue;
            }
            if (isBlank(lines.line, lines.start, lines.end)) continue;
            if (parser == null && lines.line[lines.start] == '#') continue; // comments before the header
            String binary = Fields.binaryProblem(lines.line, lines.start, lines.end);
            if (binary != null) {
                rows.reject(n, binary, lines.line, lines.start, lines.end);
                continue;
            }
            if (parser == null && delimiter == ',' && semicolonHeader(lines.line, lines.start, lines.end)) delimiter = ';';
            String problem = rec.parse(lines, delimiter, options.maxLineLength());
            if (parser == null) {
                if (problem != null) throw new InputException(in.name() + ": line " + n + ": header: " + problem);
                header = header(in.name(), n, rec);
                parser = new RowParser(header.columns);
                starts = new int[header.fieldOf.length];
                ends = new int[header.fieldOf.length];
                continue;
            }
            if (problem == null) problem = header == null ? parseHeaderless(parser, rec, row) : parseWithHeader(header, parser, rec, row, starts, ends);
            if (problem != null) {
                rows.reject(rec.firstLine, problem, rec.raw, 0, rec.rawLength);
            } else {
                row.line = rec.firstLine;
                sink.interaction(row);
                rows.loaded();
            }
        }
        if (reader.failure() != null) rows.reject(reader.number + 1, reader.failure(), reader.failureText());
        progress.stepTo(in.bytesRead());
    }

    private static String parseHeaderless(RowParser parser, Record rec, Interaction row) {
        if (rec.count > parser.width()) {
            return "extra field: expected " + parser.width() + " fields (" + parser.layoutText() + "), found " + rec.count;
        }
        return parser.parse(rec.buf, rec.starts, rec.ends, rec.count, row);
    }

    private static String parseWithHeader(HeaderLayout h, RowParser parser, Record rec, Interaction row,
                                          int[] starts, int[] ends) {
        if (h.raw.length == rec.rawLength && Arrays.equals(rec.raw, 0, rec.rawLength, h.raw, 0, h.raw.length)) {
            return "repeated header row (same as line " + h.line + "; concatenated files?)";
        }
        if (rec.count != h.width) {
            return (rec.count < h.width ? "missing field" : "extra field") + ": header has " + h.width
                    + " fields, row has " + rec.count;
        }
        for (int i = 0; i < h.fieldOf.length; i++) {
            starts[i] = rec.starts[h.fieldOf[i]];
            ends[i] = rec.ends[h.fieldOf[i]];
        }
        return parser.parse(rec.buf, starts, ends, h.fieldOf.length, row);
    }

    /**
     * @param columns the recognised columns, in header order
     * @param fieldOf the header field index of each recognised column
     * @param width   the header's field count (every row must have it)
     * @param raw     the header's bytes, to recognise a repeated header
     * @param line    where the header was
     */
    private record HeaderLayout(List<Column> columns, int[] fieldOf, int width, byte[] raw, long line) {
    }

    /** Maps header cells to columns; unknown names are ignored columns, repeated names are an input error. */
    private static HeaderLayout header(String name, long line, Record rec) {
        List<Column> cols = new ArrayList<>();
        List<Integer> fields = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < rec.count; i++) {
            String cell = new String(rec.buf, rec.starts[i], rec.ends[i] - rec.starts[i], StandardCharsets.UTF_8).trim();
            String key = cell.toLowerCase(java.util.Locale.ROOT);
            if (seen.contains(key)) {
                throw new InputException(name + ": line " + line + ": header names column '" + cell + "' twice");
            }
            seen.add(key);
            Column c = Column.named(cell);
            if (c == null || c == Column.IGNORE) continue;
            if (cols.contains(c)) {
                throw new InputException(name + ": line " + line + ": header has two columns meaning '"
                        + c.canonical() + "' (second: '" + cell + "')");
            }
            cols.add(c);
            fields.add(i);
        }
        if (!cols.contains(Column.SOURCE) || !cols.contains(Column.TARGET)) {
            throw new InputException(name + ": line " + line + ": header must name source and target columns, found "
                    + seen + " (or pass --columns for a file without header)");
        }
        int[] fieldOf = fields.stream().mapToInt(Integer::intValue).toArray();
        return new HeaderLayout(cols, fieldOf, rec.count, Arrays.copyOf(rec.raw, rec.rawLength), line);
    }

    private static boolean semicolonHeader(byte[] b, int s, int e) {
        boolean semicolon = false;
        for (int i = s; i < e; i++) {
            if (b[i] == ',') return false;
            semicolon |= b[i] == ';';
        }
        return semicolon;
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) if (b[i] != ' ' && b[i] != '\t') return false;
        return true;
    }

    /** The reader's lines, preceded by lines handed back by an abandoned record. */
    private static final class Lines {
        record Pending(byte[] bytes, long number, boolean overlong) {
        }

        private final LineReader reader;
        private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();
        byte[] line;
        int start;
        int end;
        long number;
        boolean overlong;
        boolean replayed;

        Lines(LineReader reader) {
            this.reader = reader;
        }

        boolean next() throws IOException {
            Pending p = pending.pollFirst();
            if (p != null) {
                line = p.bytes();
                start = 0;
                end = line.length;
                number = p.number();
                overlong = p.overlong();
                replayed = true;
                return true;
            }
            if (!reader.next()) return false;
            line = reader.line;
            start = reader.start;
            end = reader.end;
            number = reader.number;
            overlong = reader.overlong;
            replayed = false;
            return true;
        }

        /** Lines to read again before anything else, in order. */
        void pushBack(java.util.List<Pending> lines) {
            for (int i = lines.size() - 1; i >= 0; i--) pending.addFirst(lines.get(i));
        }
    }

    /** One record's fields, unquoted into {@link #buf}; {@link #raw} keeps the record's bytes for echoes. */
    private static final class Record {
        private static final byte[] NEWLINE = {'\n'};
        byte[] buf = new byte[1024];
        byte[] raw = new byte[1024];
        int rawLength;
        int[] starts = new int[16];
        int[] ends = new int[16];
        int count;
        long firstLine;
        private final java.util.List<Integer> lineEnds = new java.util.ArrayList<>(); // raw offsets where lines end

        /**
         * Parses the record starting at the reader's current line, pulling more lines while a quoted field is
         * open. Returns why it is malformed, or {@code null}.
         */
        String parse(Lines lines, byte delim, int maxLength) throws IOException {
            firstLine = lines.number;
            boolean replayed = lines.replayed;
            rawLength = 0;
            lineEnds.clear();
            appendRaw(lines.line, lines.start, lines.end);
            lineEnds.add(rawLength);
            count = 0;
            int len = 0;
            int fieldStart = 0;
            boolean quoted = false;
            boolean wasQuoted = false;
            int quoteEnd = -1;
            int i = 0;
            while (true) {
                byte[] r = raw;
                for (; i < rawLength; i++) {
                    byte c = r[i];
                    if (quoted) {
                        if (c == '"') {
                            if (i + 1 < rawLength && r[i + 1] == '"') {
                                len = put(len, c);
                                i++;
                            } else {
                                quoted = false;
                                quoteEnd = len;
                            }
                        } else {
                            len = put(len, c);
                        }
                    } else if (c == delim) {
                        endField(fieldStart, len, wasQuoted, quoteEnd);
                        fieldStart = len;
                        wasQuoted = false;
                        quoteEnd = -1;
                    } else if (c == '"' && onlySpaces(fieldStart, len) && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                        len = fieldStart;
                    } else {
                        if (wasQuoted && quoteEnd >= 0 && c != ' ' && c != '\t') {
                            String why = "text after closing quote in field " + (count + 1);
                            return lineEnds.size() > 1 ? abandon(lines, null, why) : why;
                        }
                        len = put(len, c);
                    }
                }
                if (!quoted) break;
                // a quoted field holds a newline: take the next line into the same record
                // Replayed lines never pull more: that bounds the work after a runaway quote to one pass.
                if (replayed || rawLength > maxLength || !lines.next()) return abandon(lines, null, "unterminated quoted field");
                if (lines.overlong) return abandon(lines, Arrays.copyOfRange(lines.line, lines.start, lines.end), "unterminated quoted field");
                appendRaw(NEWLINE, 0, 1); // the quoted field keeps the line break
                appendRaw(lines.line, lines.start, lines.end);
                lineEnds.add(rawLength);
            }
            endField(fieldStart, len, wasQuoted, quoteEnd);
            return null;
        }

        /**
         * Gives up a record that spans lines but does not parse (a quote that never closes, or closes in the
         * wrong place): only its first line is rejected; the lines it pulled in are handed back to be read again
         * as rows of their own, so the good rows after a stray quote load.
         */
        private String abandon(Lines lines, byte[] overlongHead, String why) {
            long number = firstLine + lineEnds.size();
            java.util.List<Lines.Pending> back = new java.util.ArrayList<>();
            for (int k = 1; k < lineEnds.size(); k++) {
                int from = lineEnds.get(k - 1) + 1; // after the joining newline
                back.add(new Lines.Pending(Arrays.copyOfRange(raw, from, lineEnds.get(k)), firstLine + k, false));
            }
            if (overlongHead != null) back.add(new Lines.Pending(overlongHead, number, true));
            lines.pushBack(back);
            rawLength = lineEnds.get(0);
            return why;
        }

        private boolean onlySpaces(int from, int to) {
            for (int k = from; k < to; k++) if (buf[k] != ' ' && buf[k] != '\t') return false;
            return true;
        }

        private void endField(int from, int to, boolean wasQuoted, int quoteEnd) {
            int s = from;
            int e = wasQuoted ? quoteEnd : to;
            if (!wasQuoted) {
                while (s < e && (buf[s] == ' ' || buf[s] == '\t')) s++;
                while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) e--;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = s;
            ends[count] = e;
            count++;
        }

        private int put(int len, byte c) {
            if (len == buf.length) buf = Arrays.copyOf(buf, len * 2);
            buf[len] = c;
            return len + 1;
        }

        private void appendRaw(byte[] b, int s, int e) {
            int n = e - s;
            if (rawLength + n > raw.length) raw = Arrays.copyOf(raw, Math.max(raw.length * 2, rawLength + n));
            System.arraycopy(b, s, raw, rawLength, n);
            rawLength += n;
        }
    }
}
