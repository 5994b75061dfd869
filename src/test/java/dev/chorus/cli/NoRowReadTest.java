package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input whose every row is rejected is an input error (exit 3, one line naming the count and where the
 * rejected rows went) for every command that reads a graph; an input without rows, or a graph file whose nodes
 * loaded while its edges were rejected, is a graph.
 */
class NoRowReadTest {
    @TempDir
    Path tmp;

    /** Two rows, both bad for the reasons named (hand-checked against the CSV rules of the contract). */
    Path badCsv() throws IOException {
        Path in = tmp.resolve("bad.csv");
        Files.writeString(in, "source,target,weight\na,b,x\nc,,1\n", StandardCharsets.UTF_8);
        return in;
    }

    static void assertOneLine(CliTest.Run r, String expected) {
        assertEquals(ExitCode.INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(expected, r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void everyGraphCommandIsExit3WithOneLine() throws IOException {
        String in = badCsv().toString();
        String noOut = "chorus: " + in + ": no row could be read: 2 rejected as csv (check --format and --columns); "
                + "first: line 2: weight: not a number 'x'";
        assertOneLine(CliTest.run("info", in, "-q"), noOut);
        assertOneLine(CliTest.run("info", in, "--json", "-q"), noOut);
        assertOneLine(CliTest.run("simulate", in, "--model", "ic", "--seeds", "a", "-q"), noOut);
        assertOneLine(CliTest.run("centrality", in, "--algo", "pagerank", "-q"), noOut);
        assertOneLine(CliTest.run("communities", in, "--algo", "leiden", "-q"), noOut);
        assertOneLine(CliTest.run("seeds", in, "--k", "1", "--model", "ic", "--method", "degree", "-q"), noOut);

        Path scores = tmp.resolve("scores.csv");
        assertOneLine(CliTest.run("centrality", in, "--algo", "degree", "--out", scores.toString(), "-q"),
                noOut + "; rejected rows in " + tmp.resolve("scores.csv.rejected.tsv"));
        assertFalse(Files.exists(scores), "no result file for an input that gave nothing");
        Path r = tmp.resolve("r.tsv");
        assertOneLine(CliTest.run("communities", in, "--algo", "louvain", "--rejects", r.toString(), "-q"),
                noOut + "; rejected rows in " + r);
        assertEquals(List.of("line\treason\ttext", "2\tweight: not a number 'x'\ta,b,x", "3\tmissing field 'target': empty\tc,,1"),
                Files.readAllLines(r));

        Path dir = tmp.resolve("report");
        assertOneLine(CliTest.run("analyze", in, "--out", dir.toString(), "-q"), noOut + "; rejected rows in " + dir.resolve("rejected.tsv"));
        assertEquals(3, Files.readAllLines(dir.resolve("rejected.tsv")).size());
        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    /** Random bytes (the case that used to exit 0 with an empty graph): the count is the rejected.tsv's. */
    @Test
    void randomBytesAreExit3AndEveryLineIsInRejectedTsv() throws IOException {
        byte[] junk = new byte[2000];
        new Random(16).nextBytes(junk);
        Path in = tmp.resolve("junk.bin");
        Files.write(in, junk);
        Path dir = tmp.resolve("out");
        CliTest.Run r = CliTest.run("analyze", in.toString(), "--out", dir.toString(), "-q");
        assertEquals(ExitCode.INPUT, r.code(), r.err());
        List<String> rejected = Files.readAllLines(dir.resolve("rejected.tsv"));
        long rows = rejected.size() - 1;
        assertTrue(rows > 0 && rows <= 1000, rejected.toString());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("chorus: " + in + ": no row could be read: " + rows + " rejected as "), line);
        assertTrue(line.endsWith("; rejected rows in " + dir.resolve("rejected.tsv")), line);
    }

    /** More bad rows than --max-rejects stays the max-rejects error, and names the rejected rows' file too. */
    @Test
    void tooManyRejectsNamesTheRejectsFile() throws IOException {
        Path in = badCsv();
        Path r = tmp.resolve("r.tsv");
        CliTest.Run run = CliTest.run("info", in.toString(), "--max-rejects", "1", "--rejects", r.toString(), "-q");
        assertOneLine(run, "chorus: " + in + ": more than 1 rejected rows (--max-rejects); first: line 2: weight: not a number 'x'"
                + "; rejected rows in " + r);
    }

    /** No rows at all is an empty graph with a warning, exit 0: an empty export is not broken data. */
    @Test
    void emptyInputIsAnEmptyGraph() throws IOException {
        Path empty = tmp.resolve("empty.txt");
        Files.writeString(empty, "");
        Path header = tmp.resolve("header.csv");
        Files.writeString(header, "source,target\n");
        for (Path in : List.of(empty, header)) {
            CliTest.Run r = CliTest.run("info", in.toString(), "--json", "-q");
            assertEquals(0, r.code(), r.err());
            assertEquals("chorus: warning: " + in + " holds no rows (empty file or header only)", r.err().strip());
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertEquals(0, j.get("nodes").asInt());
            assertEquals(0, j.get("rows").get("read").asInt());
        }
    }

    /** A graph file's nodes are no rows: isolated nodes whose every edge was rejected are a graph, not an error. */
    @Test
    void graphFileWithNodesAndOnlyRejectedEdgesLoads() throws IOException {
        Path in = tmp.resolve("g.gml");
        Files.writeString(in, "graph [\n directed 1\n node [ id 1 ]\n node [ id 2 ]\n edge [ source 1 target 3 ]\n]\n");
        CliTest.Run r = CliTest.run("info", in.toString(), "--json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("nodes").asInt());
        assertEquals(0, j.get("edges").asInt());
        assertEquals(1, j.get("rows").get("rejected").asInt());
        assertEquals(0, j.get("rows").get("loaded").asInt());
    }
}
