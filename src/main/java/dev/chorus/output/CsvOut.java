package dev.chorus.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one CSV writer of Chorus's own files ({@code nodes.csv}, {@code clusters.csv}, the {@code centrality},
 * {@code communities}, {@code seeds} and Neo4j query outputs): RFC 4180 quoting for text, shortest exact text for
 * numbers. {@link CsvRecords} reads them back.
 */
public final class CsvOut {
    private CsvOut() {
    }

    /** A writer on {@code out}, or on stdout when {@code out} is null (not closed by the caller then). */
    public static Writer open(Path out, PrintWriter stdout) {
        if (out == null) return stdout;
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Quoted when it holds a comma, quote or line break, or starts or ends with a space or tab (the reader,
     * {@link CsvRecords}, trims unquoted fields as the input reader does).
     */
    public static String field(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !s.isEmpty() && (blank(s.charAt(0)) || blank(s.charAt(s.length() - 1)))) quote = true;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Integers without ".0", everything else as {@link Decimal}, the shortest round-trip representation; NaN (undefined) is an
     * empty field and the infinities are {@code inf} and {@code -inf}, as {@link CsvRecords#number} reads them.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Decimal.of(v);
    }
}
