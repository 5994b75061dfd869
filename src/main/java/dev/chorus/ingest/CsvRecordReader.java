package dev.chorus.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a comma-separated file Chorus wrote ({@code nodes.csv}, {@code clusters.csv}), parsed by the
 * input reader's own RFC 4180 parser ({@link CsvRecord}), but strict: the file is Chorus's output, so a record
 * that does not parse, or text that is not UTF-8, is an {@link InputException} naming the file and line (the
 * file is damaged, there is nothing to skip). As in the input reader, blank lines are skipped, unquoted fields
 * are trimmed of spaces and tabs (the writer quotes fields that start or end with one) and a line break inside a
 * quoted field reads as {@code \n}, CRLF included. Records have no length bound but memory. Streamed one record
 * at a time; O(bytes).
 */
public final class CsvRecordReader implements AutoCloseable {
    private static final int NO_BOUND = Integer.MAX_VALUE - (1 << 20);

    private final InputSource in;
    private final RecordLines lines;
    private final CsvRecord record = new CsvRecord();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();

    /** @param in the file, e.g. {@code InputSource.open(path)}; closed with this reader */
    public CsvRecordReader(InputSource in) {
        this.in = in;
        this.lines = new RecordLines(new LineReader(in, NO_BOUND));
    }

    /** Line number (1-based) where the last returned record starts. */
    public long line() {
        return record.firstLine;
    }

    /** The next record's fields, or {@code null} at the end. */
    public List<String> next() {
        try {
            do {
                if (!lines.next()) return null;
            } while (blank());
            String problem = record.parse(lines, (byte) ',', NO_BOUND);
            if (problem != null) throw new InputException(in.name() + ":" + record.firstLine + ": " + problem);
            List<String> fields = new ArrayList<>(record.count);
            for (int i = 0; i < record.count; i++) {
                fields.add(utf8.decode(ByteBuffer.wrap(record.buf, record.starts[i], record.ends[i] - record.starts[i])).toString());
            }
            return fields;
        } catch (CharacterCodingException e) {
            throw new InputException(in.name() + ":" + record.firstLine + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(in.name() + ": cannot read: " + e.getMessage(), e);
        }
    }

    private boolean blank() {
        for (int i = lines.start; i < lines.end; i++) if (lines.line[i] != ' ' && lines.line[i] != '\t') return false;
        return true;
    }

    @Override
    public void close() {
        in.close();
    }
}
