package dev.chorus.cli;

import static dev.chorus.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.centrality.Degree;
import dev.chorus.centrality.DegreeConfig;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate and seeds from the command line: the contract's JSON and CSV, determinism, usage errors. */
class DiffusionCliTest {
    static final String KARATE = "datasets/karate/karate.edges";

    @TempDir
    Path tmp;

    static JsonNode json(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void simulateJsonHasTheContractFields() throws IOException {
        CliTest.Run r = run("simulate", KARATE, "--undirected", "--model", "ic", "--seeds", "0,33", "--p", "1", "--runs", "50");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertEquals("ic", j.get("model").asText());
        assertEquals(50, j.get("runs").asInt());
        // p = 1 on a connected graph: everybody, every run
        assertEquals(34, j.get("mean").asDouble());
        assertEquals(34, j.get("ci95_low").asDouble());
        assertEquals(34, j.get("ci95_high").asDouble());
        assertEquals(34, j.get("curve").get(j.get("curve").size() - 1).asDouble());
        assertEquals(2, j.get("curve").get(0).asDouble());
        for (String model : List.of("lt", "threshold", "sir")) {
            CliTest.Run m = run("simulate", KARATE, "--undirected", "--model", model, "--seeds", "0,1,2", "--runs", "200");
            assertEquals(0, m.code(), model + ": " + m.err());
            JsonNode mj = json(m.out());
            assertEquals(model, mj.get("model").asText());
            assertTrue(mj.get("ci95_low").asDouble() <= mj.get("mean").asDouble() && mj.get("mean").asDouble() <= mj.get("ci95_high").asDouble());
            assertTrue(mj.get("mean").asDouble() >= 3, model);
        }
        CliTest.Run empty = run("simulate", KARATE, "--model", "ic", "--seeds", "", "--runs", "10");
        assertEquals(0, empty.code(), empty.err());
        assertEquals(0, json(empty.out()).get("mean").asDouble());
    }

    @Test
    void sameSeedSameNumbersAcrossThreads() {
        String[] base = {"simulate", KARATE, "--undirected", "--model", "sir", "--seeds", "5", "--runs", "3000", "--seed", "9"};
        CliTest.Run one = run(concat(base, "--threads", "1"));
        CliTest.Run two = run(concat(base, "--threads", "2"));
        assertEquals(withoutTime(one.out()), withoutTime(two.out()));
        String[] seeds = {"seeds", KARATE, "--undirected", "--k", "3", "--method", "celf", "--celf-runs", "200", "--runs", "500", "-q"};
        CliTest.Run s1 = run(concat(seeds, "--threads", "1"));
        CliTest.Run s2 = run(concat(seeds, "--threads", "2"));
        assertEquals(0, s1.code(), s1.err());
        assertEquals(s1.out(), s2.out());
        assertEquals(withoutTime(s1.err()), withoutTime(s2.err()));
    }

    static String withoutTime(String json) {
        return json.replaceAll("\"(selection_)?seconds\" : [0-9.E-]+", "");
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void seedsWritesRankedCsvAndJson() throws IOException {
        Path out = tmp.resolve("seeds.csv");
        CliTest.Run r = run("seeds", KARATE, "--undirected", "--k", "3", "--method", "degree", "--out", out.toString(), "--runs", "1000");
        assertEquals(0, r.code(), r.err());
        // the karate club's three best-connected members (Zachary): 33 (17 ties), 0 (16), 32 (12)
        assertEquals(List.of("rank,node", "1,33", "2,0", "3,32"), Files.readAllLines(out));
        JsonNode j = json(r.out());
        assertEquals("degree", j.get("method").asText());
        assertEquals(3, j.get("k").asInt());
        assertTrue(j.get("estimated_spread").asDouble() >= 3);
        for (String method : List.of("imm", "celf", "pagerank", "kcore")) {
            CliTest.Run m = run("seeds", KARATE, "--undirected", "--k", "2", "--method", method, "--celf-runs", "100", "--runs", "500", "-q");
            assertEquals(0, m.code(), method + ": " + m.err());
            assertEquals(3, m.out().lines().count(), "CSV on stdout without --out: " + m.out());
            assertEquals(method, json(m.err()).get("method").asText(), "JSON on stderr without --out");
        }
        CliTest.Run lt = run("seeds", KARATE, "--undirected", "--k", "2", "--model", "lt", "--method", "imm", "--weights", "wc", "-q");
        assertEquals(0, lt.code(), lt.err());
        assertEquals("lt", json(lt.err()).get("model").asText());
        // the top-degree node of a real graph is the same the degree centrality reports
        var g = GraphLoader.load(KARATE, IngestOptions.defaults().withDirected(false)).graph();
        assertEquals(Degree.compute(g, DegreeConfig.defaults()).top(1).get(0), "33");
    }

    @Test
    void usageErrorsAreExit2WithOneLine() {
        CliTest.Run unknownSeed = run("simulate", KARATE, "--model", "ic", "--seeds", "0,nobody");
        assertEquals(2, unknownSeed.code());
        assertEquals("chorus: seed 'nobody' is not a node of the graph", unknownSeed.err().strip());
        assertEquals(2, run("simulate", KARATE, "--model", "cascade", "--seeds", "0").code());
        assertEquals(2, run("simulate", KARATE, "--model", "ic", "--seeds", "0", "--p", "1.5").code());
        assertEquals(2, run("simulate", KARATE, "--model", "ic", "--seeds", "0", "--weights", "wc", "--p", "0.2").code());
        assertEquals(2, run("simulate", KARATE, "--model", "lt", "--seeds", "0", "--p", "0.2").code());
        assertEquals(2, run("simulate", KARATE, "--model", "ic", "--seeds", "0", "--runs", "0").code());
        assertEquals(2, run("simulate", KARATE, "--model", "sir", "--seeds", "0", "--p", "0.3").code(), "sir takes --beta");
        assertEquals(2, run("simulate", KARATE, "--model", "ic").code(), "--seeds is required");
        assertEquals(2, run("seeds", KARATE, "--k", "3", "--method", "fame").code());
        assertEquals(2, run("seeds", KARATE, "--k", "3", "--method", "imm", "--model", "sir").code());
        assertEquals(2, run("seeds", KARATE, "--k", "0", "--method", "imm").code());
        assertEquals(2, run("seeds", KARATE, "--k", "3", "--method", "imm", "--epsilon", "0").code());
        CliTest.Run bad = run("seeds", KARATE, "--k", "3", "--method", "fame");
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertEquals(3, run("simulate", "no/such/file", "--model", "ic", "--seeds", "0").code());
    }
}
