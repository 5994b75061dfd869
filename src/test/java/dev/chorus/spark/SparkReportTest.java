package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.chorus.cli.Chorus;
import dev.chorus.community.Modularity;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.output.html.ReportHtml;
import dev.chorus.output.ReportJson;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark analyze}'s report.json (valid against the schema, numbers equal to the embedded engine's on the same
 * input and to its own nodes.csv) and {@code chorus report --from} on a Spark output directory.
 */
class SparkReportTest {
    @TempDir
    static Path tmp;
    static Path out;
    static Path input;
    static JsonNode report;
    static GraphLoader.Loaded embedded;
    /** nodes.csv rows by id: the columns as text. */
    static Map<String, String[]> nodes = new HashMap<>();
    static List<String> header;

    @BeforeAll
    static void runSpark() throws Exception {
        // directed karate, the ties among members 0..9 answered, and two broken rows
        List<String> rows = new ArrayList<>(Files.readAllLines(Path.of("datasets/karate/karate.edges")));
        for (String r : List.copyOf(rows)) {
            String[] f = r.split("\t");
            if (Integer.parseInt(f[0]) < 10 && Integer.parseInt(f[1]) < 10) rows.add(f[1] + "\t" + f[0]);
        }
        rows.add("40");
        rows.add("41\t42\tx");
        input = tmp.resolve("karate-directed.txt");
        Files.write(input, rows);
        out = tmp.resolve("spark");
        SparkJob.Config c = new SparkJob.Config(null, input.toString(), SparkInput.Options.of(IngestOptions.defaults()), out, 2, 42,
                dev.chorus.centrality.PageRankConfig.defaults(), dev.chorus.community.LabelPropagationConfig.defaults().withSeed(42), List.of(),
                dev.chorus.diffusion.SimulationConfig.defaults(), true, null);
        SparkJob.analyze(SparkTestContext.get(), c, new PrintWriter(new StringWriter(), true));
        report = ReportJson.read(out.resolve("report.json"));
        embedded = GraphLoader.load(input.toString(), IngestOptions.defaults(), r -> { }, dev.chorus.progress.Progress.NONE);
        List<String> lines = Files.readAllLines(out.resolve("nodes.csv"));
        header = List.of(lines.get(0).split(","));
        for (String l : lines.subList(1, lines.size())) nodes.put(l.split(",")[0], l.split(",", -1));
    }

    @Test
    void reportJsonIsValidAndSaysWhatSparkDidNotCompute() throws Exception {
        JsonSchema schema;
        try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(report);
        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals("spark", report.get("engine").asText());
        assertTrue(report.has("roles") && report.has("top_by_role"), "Spark computes roles on untyped input");
        // Spark computes betweenness, so the bridge rule applies: bridges counted (0 or more), with their cut-off
        assertTrue(report.at("/roles/counts").has("bridge") && report.at("/roles/thresholds").has("betweenness")
                && report.get("top_by_role").has("bridge"), "betweenness computed, so bridges decided");
        // the seeding experiment's arms Spark runs, under both models
        List<String> arms = new ArrayList<>();
        report.at("/seeding/arms").forEach(a -> arms.add(a.get("strategy").asText() + "/" + a.get("model").asText()));
        assertEquals(SparkSeeding.STRATEGIES.stream().flatMap(x -> java.util.stream.Stream.of(x + "/ic", x + "/threshold")).toList(), arms);
        assertEquals(0, report.at("/settings/betweenness_samples").asInt(), "a small graph: exact");
        List<String> parts = new ArrayList<>();
        report.get("approximate").forEach(a -> parts.add(a.get("part").asText()));
        assertEquals(List.of("communities", "passionate_clusters", "betweenness", "roles.thresholds", "roles.cluster_core", "seeding"), parts);
        // the same report claiming to be embedded lacks the embedded parts
        var asEmbedded = report.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) asEmbedded).put("engine", "embedded");
        assertFalse(schema.validate(asEmbedded).isEmpty(), "an embedded report needs roles, betweenness, ...");
    }

    @Test
    void numbersEqualTheEmbeddedEngineOnTheSameInput() {
        InteractionGraph g = embedded.graph();
        JsonNode rows = report.at("/input/rows");
        assertEquals(embedded.rows().read(), rows.get("read").asLong());
        assertEquals(embedded.rows().loaded(), rows.get("loaded").asLong());
        assertEquals(embedded.rows().rejected(), rows.get("rejected").asLong());
        assertEquals(2, rows.get("rejected").asLong());
        assertEquals("snap", report.at("/input/format").asText());
        JsonNode graph = report.get("graph");
        assertEquals(g.nodeCount(), graph.get("nodes").asLong());
        assertEquals(g.edgeCount(), graph.get("edges").asLong());
        assertTrue(graph.get("directed").asBoolean());
        assertEquals(g.selfLoopCount(), graph.get("self_loops").asLong());
        assertEquals(g.reciprocity(), graph.get("reciprocity").asDouble(), 1e-15);
        assertTrue(g.reciprocity() > 0, "the fixture has answered ties");
        assertEquals(g.density(), graph.get("density").asDouble(), 1e-15);
        assertEquals(g.weightSum(), graph.get("weight_sum").asDouble(), 1e-9);
        // modularity of Spark's partition, computed by the embedded engine from nodes.csv's community column
        int[] membership = new int[g.nodeCount()];
        int col = header.indexOf("community");
        for (int u = 0; u < g.nodeCount(); u++) membership[u] = Integer.parseInt(nodes.get(g.ids().id(u))[col]);
        assertEquals(Modularity.of(g, membership), report.at("/communities/modularity").asDouble(), 1e-12);
        assertTrue(report.at("/communities/count").asInt() > 1);
        assertEquals("lpa", report.at("/communities/algorithm").asText());
    }

    @Test
    void hubsAreNodesCsvsHubsByPageRankAndClustersItsCommunities() {
        int roles = header.indexOf("roles");
        List<String> byPageRank = new ArrayList<>(nodes.keySet().stream().filter(id -> List.of(nodes.get(id)[roles].split(";")).contains("hub")).toList());
        int pr = header.indexOf("pagerank");
        byPageRank.sort(Comparator.<String>comparingDouble(id -> -Double.parseDouble(nodes.get(id)[pr])).thenComparing(id -> id));
        List<String> hubs = new ArrayList<>();
        report.get("hubs").forEach(h -> hubs.add(h.get("node").asText()));
        assertTrue(!hubs.isEmpty(), "the fixture has hubs");
        assertEquals(byPageRank.subList(0, Math.min(10, byPageRank.size())), hubs);
        assertEquals(byPageRank.size(), report.at("/roles/counts/hub").asInt());
        for (JsonNode h : report.get("hubs")) {
            assertEquals(Double.parseDouble(nodes.get(h.get("node").asText())[pr]), h.get("pagerank").asDouble(), 0);
        }
        // every community has a kind; the choirs and rings are listed with their members (SparkRingsTest: as embedded)
        long kinds = 0;
        for (JsonNode n : report.at("/cluster_kinds/counts")) kinds += n.asLong();
        assertEquals(report.at("/communities/count").asLong(), kinds);
        List<JsonNode> listed = new ArrayList<>();
        report.get("passionate_clusters").forEach(listed::add);
        report.get("rings").forEach(listed::add);
        int community = header.indexOf("community");
        for (JsonNode p : listed) {
            assertEquals(p.get("size").asInt(), p.get("members").size());
            for (JsonNode m : p.get("members")) assertEquals(p.get("cluster").asInt(), Integer.parseInt(nodes.get(m.asText())[community]));
            // the drawn clusters carry their ties: as many as the cohesion's internal edges
            if (p.get("rank").asInt() <= ReportJson.DRAWN_CLUSTERS) assertEquals(p.at("/cohesion/internal_edges").asInt(), p.get("edges").size());
            else assertFalse(p.has("edges"));
        }
    }

    @Test
    void reportFromTheSparkDirectoryRendersSparksNumbersAndNotesTheRest() throws Exception {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Chorus.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute("report", "--from", out.toString());
        assertEquals(0, code, e.toString());
        assertTrue(o.toString().contains("spark run"), o.toString());
        String html = Files.readString(out.resolve("report.html"));
        Matcher table = Pattern.compile("<h2>Hubs</h2>.*?<table>(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(table.find());
        List<String> rows = new ArrayList<>();
        Matcher cell = Pattern.compile("<tr><td class=\"l\">([^<]*)</td>").matcher(table.group(1));
        while (cell.find()) rows.add(cell.group(1));
        List<String> hubs = new ArrayList<>();
        report.get("hubs").forEach(h -> hubs.add(h.get("node").asText()));
        assertEquals(hubs, rows);
        assertTrue(table.group(1).contains("<th>betweenness</th>"), "Spark's betweenness");
        assertFalse(html.contains("Not computed by the spark engine: the seeding experiment."));
        assertFalse(html.contains("Not computed by the spark engine: betweenness."));
        for (String note : List.of("Approximate (roles.thresholds): percentiles exact", "Approximate (communities): label propagation, not Leiden",
                "Approximate or computed differently (betweenness): sampled the same way as the embedded engine",
                "Approximate or computed differently (seeding): the group arms", "Betweenness: exact (Brandes 2001).",
                "<svg id=\"chart-seeding\"",
                "Communities: label propagation (modularity " + String.format(java.util.Locale.ROOT, "%.3f", report.at("/communities/modularity").asDouble()))) {
            assertTrue(html.contains(note), note);
        }
        for (String id : ReportHtml.CHARTS) assertTrue(html.contains("<svg id=\"" + id + "\""), id);
        assertFalse(html.contains("No passionate clusters to draw"), "Spark's passionate clusters are drawn");
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%,d rows read = %,d loaded + %,d rejected", embedded.rows().read(),
                embedded.rows().loaded(), embedded.rows().rejected())));
    }
}
