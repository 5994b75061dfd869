package dev.chorus.cli;

import static dev.chorus.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.output.html.ReportHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chorus report --from DIR} on an embedded {@code analyze} output, and on broken directories. */
class ReportCommandTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static String analyzed;
    static JsonNode report;

    @BeforeAll
    static void analyzeEmailEuCore() throws IOException {
        dir = tmp.resolve("report");
        CliTest.Run r = run("analyze", "datasets/email-eu-core/email-Eu-core.txt.gz", "--out", dir.toString(), "--threads", "2", "--runs", "10", "-q");
        assertEquals(0, r.code(), r.err());
        analyzed = Files.readString(dir.resolve("report.html"));
        report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    }

    @Test
    void reRenderingAnAnalyzeOutputGivesTheSamePage() throws IOException {
        Path page = tmp.resolve("again.html");
        CliTest.Run r = run("report", "--from", dir.toString(), "--out", page.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(page.toString()) && r.out().contains("embedded"), r.out());
        String html = Files.readString(page);
        // one renderer, fed from the files: the page is the one analyze wrote, byte for byte
        assertEquals(analyzed, html);
        // and that page has the run's content: every hub in the table in PageRank order, the summary, every chart
        assertTrue(report.get("hubs").size() >= 3, "email-Eu-core has hubs");
        List<String> hubRows = new ArrayList<>();
        Matcher m = Pattern.compile("<h2>Hubs</h2>.*?<table>(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        Matcher cell = Pattern.compile("<tr><td class=\"l\">([^<]*)</td>").matcher(m.group(1));
        while (cell.find()) hubRows.add(cell.group(1));
        List<String> hubs = new ArrayList<>();
        report.get("hubs").forEach(h -> hubs.add(h.get("node").asText()));
        assertEquals(hubs, hubRows);
        for (JsonNode s : report.get("summary")) assertTrue(html.contains(escaped(s.asText())), s.asText());
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "modularity %.3f", report.at("/communities/modularity").asDouble())));
        for (String id : ReportHtml.CHARTS) assertTrue(html.contains("<svg id=\"" + id + "\""), id);
        assertEquals(report.at("/seeding/arms").size(), count(html.substring(html.indexOf("<svg id=\"chart-seeding\"")), "<rect"));
        assertFalse(html.contains("Not computed by"), "an embedded run computed every part");
        // the drawn clusters' ties come from report.json: one line per internal edge of each drawn cluster
        JsonNode first = report.get("passionate_clusters").get(0);
        assertEquals(first.at("/cohesion/internal_edges").asInt(), first.get("edges").size());
    }

    @Test
    void withoutOutItWritesReportHtmlInTheDirectory() throws IOException {
        Path copy = copy("default");
        Files.delete(copy.resolve("report.html"));
        CliTest.Run r = run("report", "--from", copy.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(analyzed, Files.readString(copy.resolve("report.html")));
    }

    @Test
    void brokenDirectoriesAreInputErrorsNamingTheFileLineAndField() throws IOException {
        assertInputError(run("report", "--from", tmp.resolve("nope").toString()), "nope: no such directory");

        Path noJson = copy("no-json");
        Files.delete(noJson.resolve("report.json"));
        assertInputError(run("report", "--from", noJson.toString()), "report.json: missing");

        Path badJson = copy("bad-json");
        Files.writeString(badJson.resolve("report.json"), "{\"schema_version\": 1,\n  \"input\": {\"path\": \n");
        assertInputError(run("report", "--from", badJson.toString()), "report.json:3:");

        Path noPart = copy("no-part");
        Files.writeString(noPart.resolve("report.json"), "{\"schema_version\": 1}");
        assertInputError(run("report", "--from", noPart.toString()), "report.json: no /input/path");

        Path badNumber = copy("bad-number");
        setField(badNumber.resolve("nodes.csv"), 4, 4, "high");
        assertInputError(run("report", "--from", badNumber.toString()), "nodes.csv:5: field 'pagerank': 'high' is not a number");

        Path badRole = copy("bad-role");
        setField(badRole.resolve("nodes.csv"), 2, 14, "celebrity");
        assertInputError(run("report", "--from", badRole.toString()), "nodes.csv:3: field 'roles': unknown role 'celebrity'");

        Path shortRow = copy("short-row");
        List<String> nodes = new ArrayList<>(Files.readAllLines(shortRow.resolve("nodes.csv")));
        nodes.set(7, "42,1,2");
        Files.write(shortRow.resolve("nodes.csv"), nodes);
        assertInputError(run("report", "--from", shortRow.toString()), "nodes.csv:8: 3 fields, the header has 16");

        Path quote = copy("open-quote");
        nodes = new ArrayList<>(Files.readAllLines(quote.resolve("nodes.csv")));
        nodes.set(9, "\"" + nodes.get(9));
        Files.write(quote.resolve("nodes.csv"), nodes);
        assertInputError(run("report", "--from", quote.toString()), "nodes.csv:10: unterminated quoted field");

        Path badCluster = copy("bad-cluster");
        setField(badCluster.resolve("clusters.csv"), 1, 1, "2.5");
        assertInputError(run("report", "--from", badCluster.toString()), "clusters.csv:2: field 'size': '2.5' is not a count");

        Path fewer = copy("fewer-people");
        nodes = new ArrayList<>(Files.readAllLines(fewer.resolve("nodes.csv")));
        Files.write(fewer.resolve("nodes.csv"), nodes.subList(0, nodes.size() - 1));
        assertInputError(run("report", "--from", fewer.toString()), "nodes.csv: 1004 people, but report.json says 1005");

        CliTest.Run usage = run("report");
        assertEquals(2, usage.code(), usage.err());
        assertTrue(usage.err().contains("--from"), usage.err());
    }

    /** Replaces field {@code field} of line {@code line} (0-based, the header is line 0) of a CSV file. */
    private static void setField(Path csv, int line, int field, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] f = lines.get(line).split(",", -1);
        f[field] = value;
        lines.set(line, String.join(",", f));
        Files.write(csv, lines);
    }

    private static void assertInputError(CliTest.Run r, String message) {
        assertEquals(3, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("chorus: ") && r.err().contains(message), r.err());
    }

    private static Path copy(String name) throws IOException {
        Path to = tmp.resolve(name);
        Files.createDirectories(to);
        for (String f : List.of("report.json", "nodes.csv", "clusters.csv", "report.html")) Files.copy(dir.resolve(f), to.resolve(f));
        return to;
    }

    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static int count(String s, String needle) {
        int end = s.indexOf("</svg>");
        s = s.substring(0, end);
        int c = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) c++;
        return c;
    }
}
