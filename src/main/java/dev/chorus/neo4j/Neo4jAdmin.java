package dev.chorus.neo4j;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Neo4j's offline importer on the files of {@link ImportFiles}: {@code neo4j-admin database import full
 * neo4j @import.args} in their directory, its output kept in {@code import.log} there. A missing or failing
 * importer is a {@link BackendException} of one line (the importer's own error, where to read the rest).
 */
public final class Neo4jAdmin {
    public static final String LOG = "import.log";

    private Neo4jAdmin() {
    }

    /** The first executable {@code neo4j-admin} in the directories of {@code path} (a PATH value), or null. */
    public static Path onPath(String path) {
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, "neo4j-admin");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Imports {@code dir} with {@code executable} (null: not found, a one-line error); waits for it to finish. */
    public static void runImport(Path executable, Path dir) {
        if (executable == null) {
            throw new BackendException("neo4j-admin is not on PATH: give --neo4j-admin FILE, or run the printed import command yourself");
        }
        if (!Files.isExecutable(executable)) throw new BackendException("--neo4j-admin " + executable + ": not an executable file");
        List<String> command = new ArrayList<>(ImportFiles.COMMAND);
        command.set(0, executable.toAbsolutePath().toString());
        Path log = dir.resolve(LOG);
        int exit;
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            exit = p.waitFor();
        } catch (IOException e) {
            throw new BackendException("cannot run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while neo4j-admin was importing " + dir);
        }
        if (exit != 0) {
            throw new BackendException("neo4j-admin database import failed (exit " + exit + "): " + reason(log) + "; its output is in " + log);
        }
    }

    /** The importer's error: its last line that is neither a stack frame nor the hint to run with --verbose. */
    static String reason(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String s = lines.get(i).strip();
                if (s.isEmpty() || s.startsWith("at ") || s.startsWith("...") || s.startsWith("Run with '--verbose'")) continue;
                return s;
            }
            return "no output";
        } catch (IOException e) {
            return "no readable output";
        }
    }
}
