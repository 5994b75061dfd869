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
 * delimiter (spreadsheet exports in many locales). RFC 4180 quoting, parsed by {@link CsvRecord} (the parser
 * that also reads Chorus's own files back, {@link CsvRecordReader}): quoted fields may hold delimiters, doubled
 * quotes and newlines; unquoted fields are trimmed. A UTF-8 byte order mark and CRLF line ends are accepted.
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
        RecordLines lines = new RecordLines(reader);
        CsvRecord rec = new CsvRecord();
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
                rows.pass(row, sink);
            }
        }
        if (reader.failure() != null) rows.reject(reader.number + 1, reader.failure(), reader.failureText());
        progress.stepTo(in.bytesRead());
    }

    private static String parseHeaderless(RowParser parser, CsvRecord rec, Interaction row) {
        if (rec.count > parser.width()) {
            return "extra field: expected " + parser.width() + " fields (" + parser.layoutText() + "), found " + rec.count;
        }
        return parser.parse(rec.buf, rec.starts, rec.ends, rec.count, row);
    }

    private static String parseWithHeader(HeaderLayout h, RowParser parser, CsvRecord rec, Interaction row,
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
    private static HeaderLayout header(String name, long line, CsvRecord rec) {
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
}
