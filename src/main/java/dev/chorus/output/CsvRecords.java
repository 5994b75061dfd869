package dev.chorus.output;

import dev.chorus.ingest.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The records of a CSV file Chorus wrote ({@code nodes.csv}, {@code clusters.csv}): comma-separated, RFC 4180
 * quotes (commas, doubled quotes and newlines inside quotes, as ids may hold them), UTF-8. Streamed one record at a
 * time; {@link #line()} is the line the current record starts on, for error messages. A quote that never closes is
 * an {@link InputException} naming the file and line.
 */
final class CsvRecords implements Iterator<List<String>>, AutoCloseable {
    private final Path file;
    private final BufferedReader in;
    private int next;
    private int line;
    private int lineAhead = 1;
    private List<String> record;

    CsvRecords(Path file) {
        this.file = file;
        try {
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.next = in.read();
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Line number (1-based) where the last returned record starts. */
    int line() {
        return line;
    }

    @Override
    public boolean hasNext() {
        if (record == null && next >= 0) record = parse();
        return record != null;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) throw new NoSuchElementException();
        List<String> r = record;
        record = null;
        return r;
    }

    private List<String> parse() {
        try {
            line = lineAhead;
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            while (true) {
                int c = next;
                if (c < 0) {
                    if (quoted) throw new InputException(file + ":" + line + ": a quoted field never closes");
                    fields.add(f.toString());
                    return fields;
                }
                next = in.read();
                if (quoted) {
                    if (c == '"' && next == '"') {
                        f.append('"');
                        next = in.read();
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') lineAhead++;
                        f.append((char) c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else if (c == '\n') {
                    lineAhead++;
                    fields.add(f.toString());
                    return fields;
                } else if (c != '\r') {
                    f.append((char) c);
                }
            }
        } catch (CharacterCodingException e) {
            throw new InputException(file + ":" + line + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Column positions of {@code names} in {@code header}; a missing one is an error naming the file. */
    int[] columns(List<String> header, List<String> names) {
        int[] at = new int[names.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = header.indexOf(names.get(i));
            if (at[i] < 0) throw new InputException(file + ":1: no '" + names.get(i) + "' column in the header " + header);
        }
        return at;
    }

    /** A numeric cell: empty is NaN (undefined), {@code inf}/{@code -inf} as the writers spell infinity. */
    double number(List<String> record, int column, String name) {
        String s = record.get(column);
        if (s.isEmpty()) return Double.NaN;
        if (s.equals("inf")) return Double.POSITIVE_INFINITY;
        if (s.equals("-inf")) return Double.NEGATIVE_INFINITY;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(name, "'" + s + "' is not a number");
        }
    }

    InputException error(String field, String what) {
        return new InputException(file + ":" + line + ": field '" + field + "': " + what);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot close: " + e.getMessage(), e);
        }
    }
}
