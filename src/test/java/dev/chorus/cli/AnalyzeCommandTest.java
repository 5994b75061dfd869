package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.analysis.Analysis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code chorus analyze} end to end on a shipped real dataset, plus its error paths. */
class AnalyzeCommandTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static Run run;
    static JsonNode report;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Chorus.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void analyzeEmailEuCore() throws IOException {
        dir = tmp.resolve("report");
        run = run("analyze", "datasets/email-eu-core/email-Eu-core.txt.gz", "--out", dir.toString(), "--threads", "2", "--runs", "0");
        assertEquals(0, run.code(), run.err());
        report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    }

    @Test
    void writesEveryFileAndNoRejectsForCleanInput() throws IOException {
        for (String f : List.of("report.html", "report.json", "nodes.csv", "clusters.csv", "graph.gexf")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertFalse(Files.exists(dir.resolve("rejected.tsv")), "a clean input leaves no rejected.tsv");
        for (String step : List.of("[1/" + Analysis.STEPS.size() + "] degree", "pagerank", "betweenness", "communities", "clusters", "roles", "done in")) {
            assertTrue(run.err().contains(step), "progress names step " + step + ": " + run.err());
        }
    }

    @Test
    void summaryNamesTheHubsAndClustersOfTheReport() {
        assertTrue(report.get("hubs").size() > 0 && report.get("passionate_clusters").size() > 0);
        String out = run.out();
        for (JsonNode h : report.get("hubs")) assertTrue(out.contains(h.get("node").asText()), "hub " + h.get("node"));
        assertTrue(out.contains("Hubs (soloists"), out);
        JsonNode first = report.get("passionate_clusters").get(0);
        assertTrue(out.contains("cluster #" + first.get("cluster").asInt()), out);
        for (JsonNode id : first.get("core")) assertTrue(out.contains(id.asText()), "core member " + id);
        assertTrue(out.contains("report.html"), out);
    }

    @Test
    void nodesCsvHasTheContractColumnsAndAgreesWithTheJson() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("nodes.csv"));
        assertEquals("node,in,out,total,pagerank,kcore,betweenness,clustering,reciprocity,answer_rate,reply_share,participation,"
                + "linked_communities,community,roles,cluster", lines.get(0));
        assertEquals(1005 + 1, lines.size());
        Map<String, String[]> byId = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(16, f.length, line);
            byId.put(f[0], f);
        }
        for (JsonNode h : report.get("hubs")) {
            String[] f = byId.get(h.get("node").asText());
            assertEquals(h.get("pagerank").asDouble(), Double.parseDouble(f[4]), 0);
            assertEquals(h.get("community").asInt(), Integer.parseInt(f[13]));
            assertTrue(List.of(f[14].split(";")).contains("hub"), f[14]);
            assertEquals(h.get("cluster").asInt(), Integer.parseInt(f[15]));
        }
        // email-Eu-core has no interaction types: reply_share is undefined, an empty field
        assertEquals("", byId.get("0")[10]);
    }

    @Test
    void clustersCsvHasOneRowPerCommunity() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("clusters.csv"));
        assertTrue(lines.get(0).startsWith("community,size,internal_edges,"), lines.get(0));
        // reach and kind are appended after core, never reordered
        assertTrue(lines.get(0).endsWith(",weight_per_pair,core,reach,kind"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) assertTrue(line.matches(".*,\\d+,(choir|ring|other)"), line);
        assertEquals(report.get("communities").get("count").asInt() + 1, lines.size());
        long members = 0;
        for (String line : lines.subList(1, lines.size())) members += Long.parseLong(line.split(",")[1]);
        assertEquals(1005, members);
    }

    @Test
    void gexfFullHasTheGraphsNodesAndEdges() throws Exception {
        Path full = tmp.resolve("full");
        Run r = run("analyze", "datasets/email-eu-core/email-Eu-core.txt.gz", "--out", full.toString(), "--threads", "2", "--runs", "0",
                "--gexf", "full", "-q");
        assertEquals(0, r.code(), r.err());
        Document doc = gexf(full.resolve("graph.gexf"));
        NodeList nodes = doc.getElementsByTagNameNS("http://gexf.net/1.3", "node");
        NodeList edges = doc.getElementsByTagNameNS("http://gexf.net/1.3", "edge");
        assertEquals(1005, nodes.getLength());
        assertEquals(25571, edges.getLength());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) ids.add(((Element) nodes.item(i)).getAttribute("id"));
        double weight = 0;
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            assertTrue(ids.contains(e.getAttribute("source")) && ids.contains(e.getAttribute("target")));
            weight += Double.parseDouble(e.getAttribute("weight"));
        }
        assertEquals(25571, weight, 0);
        List<String> titles = new ArrayList<>();
        NodeList attrs = doc.getElementsByTagNameNS("http://gexf.net/1.3", "attribute");
        for (int i = 0; i < attrs.getLength(); i++) titles.add(((Element) attrs.item(i)).getAttribute("title"));
        assertTrue(titles.containsAll(List.of("pagerank", "kcore", "betweenness", "community", "roles", "cluster")), titles.toString());
    }

    /** The default GEXF: the people report.json names (hubs, drawn clusters) and the input's rows between them. */
    @Test
    void gexfByDefaultIsTheReportsSubgraph() throws Exception {
        Set<String> expected = new HashSet<>();
        for (JsonNode h : report.get("hubs")) expected.add(h.get("node").asText());
        for (JsonNode c : report.get("passionate_clusters")) {
            if (c.get("rank").asInt() <= 6) for (JsonNode m : c.get("members")) expected.add(m.asText());
        }
        assertTrue(expected.size() > 20, "the report names hubs and draws clusters: " + expected.size());
        // pairs and rows between them, straight from the input file
        Map<String, Integer> rows = new HashMap<>();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Path.of("datasets/email-eu-core/email-Eu-core.txt.gz")))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (expected.contains(f[0]) && expected.contains(f[1])) rows.merge(f[0] + " " + f[1], 1, Integer::sum);
            }
        }
        Document doc = gexf(dir.resolve("graph.gexf"));
        NodeList nodes = doc.getElementsByTagNameNS("http://gexf.net/1.3", "node");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) ids.add(((Element) nodes.item(i)).getAttribute("id"));
        assertEquals(expected, ids);
        NodeList edges = doc.getElementsByTagNameNS("http://gexf.net/1.3", "edge");
        Map<String, Integer> written = new HashMap<>();
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            written.put(e.getAttribute("source") + " " + e.getAttribute("target"), (int) Double.parseDouble(e.getAttribute("weight")));
        }
        assertEquals(rows, written);
    }

    @Test
    void gexfNoneWritesNoGraphFile() {
        Path none = tmp.resolve("none");
        Run r = run("analyze", "datasets/karate/karate.edges", "--out", none.toString(), "--runs", "0", "--gexf", "none", "-q");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(none.resolve("graph.gexf")) || Files.exists(none.resolve("graph.gexf.gz")));
        assertTrue(Files.exists(none.resolve("nodes.csv")));
        assertFalse(r.out().contains("graph.gexf"), r.out());
        assertEquals(2, run("analyze", "datasets/karate/karate.edges", "--gexf", "all").code());
    }

    private static Document gexf(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("gexf", root.getLocalName());
        assertEquals("http://gexf.net/1.3", root.getNamespaceURI());
        assertEquals("1.3", root.getAttribute("version"));
        return doc;
    }

    @Test
    void rejectedRowsGoToRejectedTsvInTheOutputDirectory() throws IOException {
        Path in = tmp.resolve("bad.txt");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) if (i != j) rows.add("u" + i + " u" + j + " 2");
        rows.add("u1 u2 notaweight");
        Files.write(in, rows, StandardCharsets.UTF_8);
        Path out = tmp.resolve("bad-report");
        Run r = run("analyze", in.toString(), "--out", out.toString(), "--runs", "0", "-q");
        assertEquals(0, r.code(), r.err());
        List<String> rejected = Files.readAllLines(out.resolve("rejected.tsv"));
        assertEquals(2, rejected.size());
        assertTrue(rejected.get(1).startsWith("31\t"), rejected.get(1));
        assertTrue(r.err().contains("31 rows read = 30 loaded + 1 rejected"), r.err());
        assertTrue(r.out().contains("Report:") && r.out().contains("rejected.tsv"), r.out());
    }

    @Test
    void badInputAndUsageGiveContractExitCodes() {
        Run missing = run("analyze", tmp.resolve("nope.txt").toString(), "--out", tmp.resolve("x").toString());
        assertEquals(3, missing.code());
        assertEquals(1, missing.err().lines().filter(l -> l.startsWith("chorus: ") && !l.startsWith("chorus: analyze:")).count(), missing.err());
        Run model = run("analyze", "datasets/karate/karate.edges", "--model", "sir", "--out", tmp.resolve("y").toString());
        assertEquals(2, model.code());
        assertTrue(model.err().contains("--model"), model.err());
        Run flag = run("analyze", "datasets/karate/karate.edges", "--no-such-flag");
        assertEquals(2, flag.code());
    }

    /** --goal action leads the verdict and fills recommendation; untyped email-Eu-core defaults to awareness on the whole graph. */
    @Test
    void goalChoosesTheRecommendationAndLeadsTheVerdict() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 8; i++) rows.append("r").append(i).append(" star ").append(i).append(" RT\n");
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) if (i != j) rows.append("g").append(i).append(" g").append(j).append(" 9 RE\n");
        Path typed = tmp.resolve("typed.txt");
        Files.writeString(typed, rows);
        Path out = tmp.resolve("goal");
        Run r = run("analyze", typed.toString(), "--out", out.toString(), "--goal", "action", "--k", "2", "--runs", "20", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("action", j.at("/settings/goal").asText());
        assertEquals("action", j.at("/recommendation/goal").asText());
        assertEquals("talk", j.at("/recommendation/layer").asText());
        assertEquals(j.at("/recommendations/action"), j.get("recommendation"));
        assertEquals("spread", j.at("/recommendations/awareness/layer").asText());
        // two of the five who answer each other start the threshold-2 contagion among all five; the star moves nobody
        assertEquals(5.0, j.at("/recommendation/mean").asDouble(), 1e-9);
        assertTrue(j.at("/recommendations/awareness/seeds").toString().contains("star"), j.get("recommendations").toString());
        List<String> lines = r.out().lines().toList();
        int action = -1, awareness = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Influencers or groups, for action?")) action = i;
            if (lines.get(i).startsWith("Recommended seeds for awareness")) awareness = i;
        }
        assertTrue(action >= 0 && awareness > action, r.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Seeding for action") && html.contains("Reach vs conversation"), "goal headline and the layer section");

        assertEquals("awareness", report.at("/settings/goal").asText(), "the default goal");
        Run bad = run("analyze", "datasets/karate/karate.edges", "--goal", "virality", "--out", tmp.resolve("z").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--goal") && bad.err().contains("awareness, action"), bad.err());
    }

    @Test
    void hostileIdsAreEscapedInEveryOutput() throws Exception {
        Path in = tmp.resolve("hostile.csv");
        String evil = "<script>alert(1)</script>&\"'";
        List<String> rows = new ArrayList<>(List.of("source,target"));
        String quoted = "\"" + evil.replace("\"", "\"\"") + "\"";
        for (int i = 0; i < 5; i++) {
            rows.add(quoted + ",p" + i);
            rows.add("p" + i + "," + quoted);
        }
        Files.write(in, rows, StandardCharsets.UTF_8);
        Path out = tmp.resolve("hostile-report");
        Run r = run("analyze", in.toString(), "--out", out.toString(), "--runs", "0", "--gexf", "full", "-q");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<script"), "no script from an id");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"), "the id appears escaped");
        Document gexf = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("graph.gexf").toFile());
        boolean found = false;
        NodeList nodes = gexf.getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) found |= ((Element) nodes.item(i)).getAttribute("id").equals(evil);
        assertTrue(found, "GEXF keeps the id exactly");
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(evil, findNode(json, evil), "report.json keeps the id exactly");
        assertTrue(Files.readString(out.resolve("nodes.csv")).contains(quoted), "CSV quotes the id");
    }

    private static String findNode(JsonNode json, String id) {
        for (JsonNode list : json.get("top_by_role")) for (JsonNode n : list) if (n.get("node").asText().equals(id)) return id;
        for (JsonNode c : json.get("passionate_clusters")) for (JsonNode m : c.get("members")) if (m.asText().equals(id)) return id;
        return "not found";
    }
}
