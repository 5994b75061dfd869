package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chorus backtest}: backtest.json fields of the contract, exit codes and one-line errors. */
class BacktestCommandTest {
    @TempDir
    Path tmp;

    private Path timed() throws IOException {
        List<String> lines = new ArrayList<>(List.of("source,target,timestamp"));
        for (int i = 0; i < 60; i++) lines.add("p" + (i % 13) + ",p" + (i % 4) + "," + (i + 1));
        lines.add("x,y,"); // untimed: rejected
        Path p = tmp.resolve("t.csv");
        Files.write(p, lines);
        return p;
    }

    @Test
    void writesBacktestJsonWithTheContractFields() throws IOException {
        Path out = tmp.resolve("out");
        CliTest.Run r = CliTest.run("backtest", timed().toString(), "--split", "41", "--horizon", "10", "--k", "3", "--runs", "20",
                "--draws", "5", "--bootstrap", "50", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("backtest.json").toFile());
        assertEquals(41, j.get("split").asLong());
        assertEquals(51, j.get("horizon_end").asLong());
        assertEquals(40, j.get("train").get("rows").asLong());
        assertEquals(13, j.get("train").get("nodes").asInt());
        assertEquals(10, j.get("future").get("rows").asLong());
        assertEquals(1, j.get("input").get("rows").get("rejected").asLong());
        assertTrue(Files.readString(out.resolve("rejected.tsv")).contains("no timestamp"));
        assertEquals("random", j.get("arms").get(j.get("arms").size() - 1).get("strategy").asText());
        for (JsonNode a : j.get("arms")) {
            assertEquals(3, a.get("seeds").size());
            assertEquals(3, a.get("k").asInt());
            for (String f : List.of("model", "mean", "ci95_low", "ci95_high")) assertTrue(a.get("predicted").has(f), f);
            assertTrue(a.get("observed").has("engagers") && a.get("observed").has("reach"));
        }
        assertTrue(j.get("arms").get(j.get("arms").size() - 1).has("observed_draws"));
        JsonNode first = j.get("rankings").get(0);
        assertEquals("in_degree", first.get("ranking").asText());
        assertEquals("attention", first.get("outcome").asText());
        assertEquals(2, first.get("spearman_ci95").size());
        assertTrue(first.has("spearman") && first.has("precision_at_100"));
        assertTrue(r.out().contains("won"), r.out());
    }

    @Test
    void inputErrorsExitThreeWithOneLine() throws IOException {
        Path plain = tmp.resolve("plain.txt");
        Files.write(plain, List.of("a b", "b c"));
        CliTest.Run r = CliTest.run("backtest", plain.toString(), "--split-fraction", "0.5", "--out", tmp.resolve("o1").toString(), "--quiet");
        assertEquals(3, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no timestamps"), r.err());

        r = CliTest.run("backtest", timed().toString(), "--split", "2030-01-01", "--out", tmp.resolve("o2").toString(), "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("60 train rows") && r.err().contains("0 future rows"), r.err());

        r = CliTest.run("backtest", timed().toString(), "--out", tmp.resolve("o3").toString());
        assertEquals(2, r.code(), r.err());
        r = CliTest.run("backtest", timed().toString(), "--split", "5", "--horizon", "soon", "--out", tmp.resolve("o4").toString());
        assertEquals(2, r.code(), r.err());
    }

    @Test
    void analyzeBacktestAddsTheSameObjectToReportJson() throws IOException {
        Path in = timed();
        Path a = tmp.resolve("a");
        CliTest.Run r = CliTest.run("analyze", in.toString(), "--backtest", "41", "--runs", "20", "--out", a.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode report = new ObjectMapper().readTree(a.resolve("report.json").toFile());
        assertEquals(41, report.get("backtest").get("split").asLong());
        assertEquals(40, report.get("backtest").get("train").get("rows").asLong());
        assertEquals(20, report.get("backtest").get("future").get("rows").asLong());
        assertEquals(1, report.get("backtest").get("input").get("rows").get("rejected").asLong());
        assertTrue(report.get("summary").toString().contains("In what happened next"), report.get("summary").toString());
        assertTrue(r.out().contains("In what happened next"), r.out());

        Path b = tmp.resolve("b");
        r = CliTest.run("analyze", in.toString(), "--runs", "20", "--out", b.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(new ObjectMapper().readTree(b.resolve("report.json").toFile()).path("backtest").isMissingNode());
    }
}
