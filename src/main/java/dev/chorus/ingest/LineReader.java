package dev.chorus.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding them: the line stays in the reader's buffer as
 * {@code [start, end)}, so that parsing allocates nothing per row. Memory is bounded by {@code maxLineLength}:
 * a longer line is reported as overlong (its head kept for the message) and skipped to its newline.
 * Handles LF and CRLF and strips a UTF-8 byte order mark. When the source's gzip stream is damaged
 * ({@link InputSource#damage()}), the rows before the damage are returned and the cut-off partial line is
 * held back and reported through {@link #failure()}.
 */
final class LineReader {
    private final InputSource source;
    private final InputStream in;
    private final int maxLineLength;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean first = true;

    byte[] line;
    int start;
    int end;
    long number;
    boolean overlong;
    private String failure;
    private String failureText = "";

    LineReader(InputSource source, int maxLineLength) {
        if (maxLineLength < 16) throw new IllegalArgumentException("maxLineLength must be >= 16, got " + maxLineLength);
        this.source = source;
        this.in = source.stream();
        this.maxLineLength = maxLineLength;
        this.buf = new byte[Math.min(maxLineLength, 1 << 20) + (1 << 16)];
    }

    /** Why the stream ended early (damaged compressed data), or {@code null} after a clean end. */
    String failure() {
        return failure;
    }

    /** Printable head of the partial line cut off by the failure. */
    String failureText() {
        return failureText;
    }

    /** Advances to the next line; {@code false} at the end of input (clean or not: see {@link #failure()}). */
    boolean next() throws IOException {
        overlong = false;
        int scan = pos;
        while (true) {
            int nl = indexOfNewline(scan, limit);
            if (nl >= 0) {
                if (nl - pos > maxLineLength) {
                    emitOverlong(nl);
                    return true;
                }
                emit(pos, nl, nl + 1);
                return true;
            }
            scan = limit;
            if (limit - pos > maxLineLength) {
                skipOverlong();
                return true;
            }
            if (eof) {
                failure = source.damage();
                if (failure != null) {
                    failureText = RowAccounting.echo(buf, pos, limit);
                    pos = limit;
                    return false;
                }
                if (pos < limit) {
                    emit(pos, limit, limit);
                    return true;
                }
                return false;
            }
            int consumed = pos;
            fill();
            scan -= consumed - pos;
        }
    }

    private void emit(int from, int to, int nextPos) {
        if (first) {
            first = false;
            if (to - from >= 3 && buf[from] == (byte) 0xEF && buf[from + 1] == (byte) 0xBB && buf[from + 2] == (byte) 0xBF) {
                from += 3;
            }
        }
        if (to > from && buf[to - 1] == '\r') to--;
        line = buf;
        start = from;
        end = to;
        number++;
        pos = nextPos;
    }

    private void emitOverlong(int nl) {
        first = false;
        number++;
        overlong = true;
        line = buf;
        start = pos;
        end = pos + Math.min(nl - pos, RowAccounting.MAX_ECHO);
        pos = nl + 1;
    }

    /** The line does not fit: keep its head for the message and discard bytes up to the next newline. */
    private void skipOverlong() throws IOException {
        first = false;
        number++;
        overlong = true;
        byte[] head = java.util.Arrays.copyOfRange(buf, pos, pos + RowAccounting.MAX_ECHO);
        pos = limit;
        while (true) {
            if (pos == limit) {
                if (eof) break;
                fill();
                continue;
            }
            int nl = indexOfNewline(pos, limit);
            if (nl >= 0) {
                pos = nl + 1;
                break;
            }
            pos = limit;
        }
        line = head;
        start = 0;
        end = head.length;
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    /** Moves the unread tail to the front and reads more; sets {@code eof} at the end. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) eof = true;
        else limit += n;
    }
}
