package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.analysis.Analysis;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The shape of {@code bench analyze} on a small generated graph (what it reports, not how fast). */
class BenchAnalyzeTest {
    @Test
    void reportsEveryStepTheFilesAndTheRatioToInfo() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Chorus.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("bench", "analyze", "--nodes", "2000", "--edges", "12000", "--repeat", "2");
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(2, j.at("/info/times_s").size());
        assertEquals(2, j.at("/analyze/times_s").size());
        double ratio = j.at("/analyze/best_s").asDouble() / j.at("/info/best_s").asDouble();
        assertEquals(Math.round(ratio * 100) / 100.0, j.get("analyze_vs_info_ratio").asDouble(), 1e-9);
        JsonNode steps = j.get("analyze_steps_s");
        for (String s : Analysis.STEPS) assertTrue(steps.has(s), s);
        assertTrue(steps.has("load") && steps.has("write nodes.csv") && steps.has("write graph.gexf"), steps.toString());
        // the default GEXF is the report's subgraph: smaller than the one-row-per-person CSV
        assertTrue(j.at("/file_bytes/graph.gexf").asLong() < j.at("/file_bytes/nodes.csv").asLong(), j.get("file_bytes").toString());
        assertTrue(j.get("nodes").asInt() > 1000 && j.get("nodes").asInt() <= 2000, j.get("nodes").toString());
    }
}
