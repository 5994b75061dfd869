package dev.chorus.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The lines of a {@link LineReader}, preceded by lines handed back by an abandoned {@link CsvRecord}: a record
 * that spans lines and does not parse gives back the lines it pulled in, to be read again as rows of their own.
 */
final class RecordLines {
    record Pending(byte[] bytes, long number, boolean overlong) {
    }

    private final LineReader reader;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    byte[] line;
    int start;
    int end;
    long number;
    boolean overlong;
    boolean replayed;

    RecordLines(LineReader reader) {
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
    void pushBack(List<Pending> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) pending.addFirst(lines.get(i));
    }
}
