package dev.chorus.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one RFC 4180 record parser of Chorus, for the CSV and TSV input reader ({@link DelimitedReader}) and for
 * Chorus's own files ({@link CsvRecordReader}): quoted fields may hold delimiters, doubled quotes and line
 * breaks; unquoted fields are trimmed of spaces and tabs. One record's fields are unquoted into {@link #buf};
 * {@link #raw} keeps the record's bytes for echoes. A record is bounded by a maximum length, so that an
 * unbalanced quote costs one record, not the rest of the file. O(bytes).
 */
final class CsvRecord {
    private static final byte[] NEWLINE = {'\n'};
    byte[] buf = new byte[1024];
    byte[] raw = new byte[1024];
    int rawLength;
    int[] starts = new int[16];
    int[] ends = new int[16];
    int count;
    long firstLine;
    private final List<Integer> lineEnds = new ArrayList<>(); // raw offsets where lines end

    /**
     * Parses the record starting at the reader's current line, pulling more lines while a quoted field is
     * open. Returns why it is malformed, or {@code null}.
     */
    String parse(RecordLines lines, byte delim, int maxLength) throws IOException {
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
    private String abandon(RecordLines lines, byte[] overlongHead, String why) {
        long number = firstLine + lineEnds.size();
        List<RecordLines.Pending> back = new ArrayList<>();
        for (int k = 1; k < lineEnds.size(); k++) {
            int from = lineEnds.get(k - 1) + 1; // after the joining newline
            back.add(new RecordLines.Pending(Arrays.copyOfRange(raw, from, lineEnds.get(k)), firstLine + k, false));
        }
        if (overlongHead != null) back.add(new RecordLines.Pending(overlongHead, number, true));
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
