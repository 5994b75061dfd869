package dev.chorus.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CSV output to a file or stdout: RFC 4180 quoting for ids, shortest exact text for numbers. */
final class CsvOut {
    private CsvOut() {
    }

    /** A writer on {@code out}, or on stdout when {@code out} is null (not closed by the caller then). */
    static Writer open(Path out, PrintWriter stdout) {
        if (out == null) return stdout;
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new java.io.BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    static String field(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ')) quote = !s.isEmpty();
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Integers without ".0"; everything else with Java's shortest round-trip representation. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
