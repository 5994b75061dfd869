package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's JIT choice (scripts/jit-flag): C1 alone under 24 MiB of input, counted over the files read only. */
class JitFlagTest {
    private static final String C1 = "-XX:TieredStopAtLevel=1";
    private static final long LIMIT = 24L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void smallInputRunsOnC1AloneAndTheLimitIsExclusive() throws Exception {
        assertEquals(C1, flag("analyze", file("small", 4_200_000).toString(), "--out", dir.resolve("report").toString()));
        assertEquals(C1, flag("info", file("below", LIMIT - 1).toString()));
        assertEquals("", flag("info", file("at", LIMIT).toString()));
        assertEquals("", flag("analyze", file("big", 90_000_000).toString()));
    }

    @Test
    void inputsAddUpAndWrittenFilesDoNotCount() throws Exception {
        String half = file("half", LIMIT / 2 + 1).toString();
        String other = file("other", LIMIT / 2).toString();
        assertEquals("", flag("bench", "analyze", "--input", half, other));
        assertEquals(C1, flag("analyze", half, "--rejects", file("rejects.tsv", 90_000_000).toString()));
        // an existing output file, however large, is not input
        String out = file("nodes.csv", 90_000_000).toString();
        assertEquals(C1, flag("communities", file("in", 1_000_000).toString(), "--out", out));
        assertEquals(C1, flag("neo4j", "load", file("in2", 1_000).toString(), "--checkpoint", out));
        assertEquals(C1, flag("neo4j", "import", file("in3", 1_000).toString(), "--to", out));
    }

    @Test
    void aSymlinkCountsAsTheFileItPointsTo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.gz"), file("big.gz", 90_000_000));
        assertEquals("", flag("analyze", link.toString()));
    }

    @Test
    void noFileMeansTheJvmDefault() throws Exception {
        assertEquals("", flag("--version"));
        assertEquals("", flag("info", "-"));
        assertEquals("", flag("generate", "--nodes", "10", "--edges", "20", "--seed", "1"));
        assertEquals("", flag("info", file("empty", 0).toString()));
    }

    /** A sparse file: its size is what the launcher reads, nothing is written. */
    private Path file(String name, long bytes) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return p;
    }

    private static String flag(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("scripts", "jit-flag").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
