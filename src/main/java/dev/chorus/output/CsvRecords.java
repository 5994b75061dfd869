package dev.chorus.output;

import dev.chorus.ingest.CsvRecordReader;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.InputSource;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The records of a CSV file Chorus wrote ({@code nodes.csv}, {@code clusters.csv}), read by the ingest layer's RFC
 * 4180 parser ({@link CsvRecordReader}: the same quoting rules as the input reader, strict about damage), with the
 * checks of Chorus's own columns: a missing column, or a cell that is not a number, is an {@link InputException}
 * naming the file, line and field. Streamed one record at a time; {@link #line()} is the line the current record
 * starts on.
 */
final class CsvRecords implements Iterator<List<String>>, AutoCloseable {
    private final Path file;
    private final CsvRecordReader in;
    private List<String> record;

    CsvRecords(Path file) {
        this.file = file;
        this.in = new CsvRecordReader(InputSource.open(file.toString()));
    }

    /** Line number (1-based) where the last returned record starts. */
    long line() {
        return in.line();
    }

    @Override
    public boolean hasNext() {
        if (record == null) record = in.next();
        return record != null;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) throw new NoSuchElementException();
        List<String> r = record;
        record = null;
        return r;
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
        return new InputException(file + ":" + line() + ": field '" + field + "': " + what);
    }

    @Override
    public void close() {
        in.close();
    }
}
