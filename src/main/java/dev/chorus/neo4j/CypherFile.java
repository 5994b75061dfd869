package dev.chorus.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .cypher} file: statements separated by {@code ;}, with {@code //} and {@code /* *}{@code /} comments.
 * Chorus's own statements live in the repository's {@code cypher/} folder, which is packaged into the jar
 * under {@code /cypher/}: the files a data scientist reads and runs are the ones the loader executes.
 *
 * @param name       file name, for messages
 * @param statements the statements, comments removed, in file order
 */
public record CypherFile(String name, List<String> statements) {
    public CypherFile {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) throw new IllegalArgumentException(name + ": no Cypher statement in the file");
    }

    /** A file given by the user. */
    public static CypherFile read(Path path) {
        try {
            return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new dev.chorus.ingest.InputException("cannot read " + path + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** One of Chorus's files from {@code cypher/}, as packaged in the jar. */
    public static CypherFile bundled(String fileName) {
        try (InputStream in = CypherFile.class.getResourceAsStream("/cypher/" + fileName)) {
            if (in == null) throw new IllegalStateException("cypher/" + fileName + " is missing from the build");
            return parse("cypher/" + fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single statement of a one-statement file. */
    public String single() {
        if (statements.size() != 1) throw new IllegalStateException(name + " holds " + statements.size() + " statements, expected 1");
        return statements.get(0);
    }

    /** Splits on {@code ;} outside strings, quoted names and comments; drops comments and blank statements. */
    static CypherFile parse(String name, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && text.charAt(i) != '\n') i++;
                cur.append('\n');
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                cur.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c) j += text.charAt(j) == '\\' && c != '`' ? 2 : 1;
                cur.append(text, i, Math.min(j + 1, n));
                i = j;
            } else if (c == ';') {
                add(out, cur);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return new CypherFile(name, out);
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) out.add(s);
        cur.setLength(0);
    }
}
