package dev.chorus.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes rejected rows as TSV: {@code line, reason, text} with a header, one row per rejection. The file is
 * created on the first rejection only, so a clean input leaves no empty {@code rejected.tsv} behind.
 * Tabs and newlines in the fields are escaped, so every rejection is exactly one line.
 */
public final class RejectedRowsFile implements Consumer<RejectedRow>, AutoCloseable {
    private final Path path;
    private BufferedWriter out;
    private long written;

    public RejectedRowsFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public long written() {
        return written;
    }

    @Override
    public void accept(RejectedRow row) {
        try {
            if (out == null) {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                out.write("line\treason\ttext\n");
            }
            out.write(row.line() + "\t" + clean(row.reason()) + "\t" + clean(row.text()) + "\n");
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static String clean(String s) {
        return s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Override
    public void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
