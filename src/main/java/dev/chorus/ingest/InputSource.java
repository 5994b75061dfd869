package dev.chorus.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * An opened input: a file or {@code -} (stdin), gunzipped transparently when its first bytes are the gzip
 * magic number (whatever its name), with a peek at the decompressed head for format detection and a count of
 * raw bytes consumed for progress.
 */
public final class InputSource implements AutoCloseable {
    static final int PEEK = 1 << 16;

    private final String name;
    private final String extension;
    private final long size;
    private final boolean gzip;
    private final CountingStream raw;
    private final BufferedInputStream content;
    private final byte[] head;
    private String damage;

    private InputSource(String name, String extension, long size, InputStream in) throws IOException {
        this.name = name;
        this.size = size;
        this.raw = new CountingStream(in);
        BufferedInputStream rawBuffered = new EofAwareStream(raw);
        rawBuffered.mark(2);
        int b0 = rawBuffered.read();
        int b1 = rawBuffered.read();
        rawBuffered.reset();
        this.gzip = b0 == 0x1f && b1 == 0x8b;
        InputStream decoded = gzip ? new DamageGuard(new GZIPInputStream(rawBuffered, 1 << 16)) : rawBuffered;
        this.content = new BufferedInputStream(decoded, 1 << 17);
        String ext = extension;
        if (ext.endsWith(".gz")) ext = ext.substring(0, ext.length() - 3);
        int dot = ext.lastIndexOf('.');
        this.extension = dot < 0 ? "" : ext.substring(dot + 1).toLowerCase(Locale.ROOT);
        this.head = peek();
    }

    /**
     * Opens {@code path}, or stdin for {@code "-"}.
     *
     * @throws InputException naming the path when it is missing, a directory or unreadable
     */
    public static InputSource open(String path) {
        try {
            if (path.equals("-")) return new InputSource("<stdin>", "", -1, System.in);
            Path p = Path.of(path);
            if (Files.isDirectory(p)) throw new InputException(path + ": is a directory, expected a file");
            return new InputSource(path, p.getFileName().toString(), Files.size(p), Files.newInputStream(p));
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": no such file");
        } catch (IOException | SecurityException e) {
            throw new InputException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** A stream of unknown size (a pipe, a socket), as stdin is read. */
    public static InputSource of(String name, InputStream in) {
        try {
            return new InputSource(name, name, -1, in);
        } catch (IOException e) {
            throw new InputException(name + ": " + e.getMessage(), e);
        }
    }

    /** For tests and library use: an in-memory input with a pretend file name (the extension guides detection). */
    public static InputSource of(String name, byte[] bytes) {
        try {
            return new InputSource(name, name, bytes.length, new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new InputException(name + ": " + e.getMessage(), e);
        }
    }

    private byte[] peek() throws IOException {
        content.mark(PEEK);
        byte[] b = new byte[PEEK];
        int n = 0;
        try {
            while (n < PEEK) {
                int r = content.read(b, n, PEEK - n);
                if (r < 0) break;
                n += r;
            }
        } catch (IOException e) {
            // damaged gzip inside the head: detection works on what was read; the reader reports the damage
        }
        try {
            content.reset();
        } catch (IOException e) {
            throw new InputException(name + ": cannot re-read the start of the input", e);
        }
        return Arrays.copyOf(b, n);
    }

    public String name() { return name; }

    /** Lower-case extension without {@code .gz}, or "" (stdin, no dot). */
    public String extension() { return extension; }

    public boolean gzip() { return gzip; }

    /** Raw size in bytes, or -1 for stdin. */
    public long size() { return size; }

    /** Raw (compressed) bytes consumed so far; with {@link #size()} it drives progress. */
    public long bytesRead() { return raw.count; }

    /** The first up to 64 KiB of decompressed content. */
    public byte[] head() { return head; }

    /**
     * Lines the input probably has, from the line density of its head and its size; -1 when unknown (stdin,
     * gzip). Lets builders size their arrays once instead of growing them.
     */
    public long estimatedLines() {
        if (size <= 0 || gzip || head.length == 0) return -1;
        int lines = 0;
        for (byte b : head) if (b == '\n') lines++;
        if (head.length >= size) return lines + 1;
        return lines == 0 ? -1 : (long) (size * ((double) lines / head.length) * 1.05) + 16;
    }

    /**
     * Why the content ended early (truncated or corrupt gzip), or {@code null}. The stream itself then just
     * ends, so that buffers above it keep the bytes decoded before the damage; readers check this at the end.
     */
    public String damage() {
        return damage;
    }

    /** The decompressed content, from its first byte. */
    public InputStream stream() { return content; }

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException ignored) {
            // closing a read stream: nothing left to lose
        }
    }

    /**
     * A buffer whose {@code available()} is 0 only at the real end. GZIPInputStream looks for a next member
     * (concatenated .gz files) only while {@code available() > 0}; on a pipe whose next member has not arrived
     * yet that is 0, and it would end early without any error.
     */
    private static final class EofAwareStream extends BufferedInputStream {
        EofAwareStream(InputStream in) {
            super(in, 1 << 16);
        }

        @Override
        public synchronized int available() throws IOException {
            int a = super.available();
            if (a > 0) return a;
            mark(1);
            int b = read();
            reset();
            return b < 0 ? 0 : 1;
        }
    }

    /** Turns a damaged gzip stream into an early end plus {@link #damage()}. */
    private final class DamageGuard extends FilterInputStream {
        DamageGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (damage != null) return -1;
            try {
                return super.read(b, off, len);
            } catch (java.io.EOFException e) {
                damage = "truncated compressed input (unexpected end of gzip stream): rows after this point are lost";
            } catch (java.util.zip.ZipException e) {
                damage = "corrupt compressed input (" + e.getMessage() + "): rows after this point are lost";
            }
            return -1;
        }

        @Override
        public int available() throws IOException {
            return damage != null ? 0 : super.available();
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
