package dev.chorus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.progress.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GmlReaderTest {

    /** Records what a reader hands on, and whether it kept the sink's ordering promises. */
    static final class Recording implements InteractionSink {
        final Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        final List<String> edges = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<InteractionType> types = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        double weightSum;
        Boolean directed;
        int directedCalls;
        final List<String> violations = new ArrayList<>();

        @Override
        public void declaredDirected(boolean d) {
            directedCalls++;
            if (!nodes.isEmpty() || !edges.isEmpty()) violations.add("declaredDirected after records");
            directed = d;
        }

        @Override
        public void node(String id, Map<String, String> attributes) {
            if (directed == null) violations.add("node " + id + " before declaredDirected");
            nodes.put(id, Map.copyOf(attributes));
        }

        @Override
        public void interaction(Interaction row) {
            if (!nodes.containsKey(row.source()) || !nodes.containsKey(row.target())) {
                violations.add("edge " + row.source() + "->" + row.target() + " before its nodes");
            }
            edges.add(row.source() + "->" + row.target() + ":" + format(row.weight()));
            lines.add(row.line());
            types.add(row.type());
            times.add(row.timestamp());
            weightSum += row.weight();
        }

        static String format(double w) {
            return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
        }

        /** Distinct values of a node attribute with how many nodes have each. */
        Map<String, Long> histogram(String attribute) {
            return nodes.values().stream().filter(a -> a.containsKey(attribute))
                    .collect(Collectors.groupingBy(a -> a.get(attribute), TreeMap::new, Collectors.counting()));
        }
    }

    record Result(Recording sink, RowCounts counts, List<RejectedRow> rejected, List<String> warnings,
                  long lastProgress) {
        RejectedRow only() {
            assertEquals(1, rejected.size(), () -> "rejected: " + rejected);
            return rejected.get(0);
        }
    }

    static Result read(InteractionReader reader, InputSource in) {
        List<RejectedRow> rejected = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        RowAccounting rows = new RowAccounting(in.name(), IngestOptions.DEFAULT_MAX_REJECTS, rejected::add);
        Recording sink = new Recording();
        long[] progress = {-1};
        Progress.Task task = new Progress.Task() {
            @Override
            public void stepTo(long done) {
                progress[0] = done;
            }

            @Override
            public void close() {
            }
        };
        try (in) {
            reader.read(in, IngestOptions.defaults().withWarnings(warnings::add), sink, rows, task);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), sink.violations);
        return new Result(sink, rows.counts(), rejected, warnings, progress[0]);
    }

    static Result gml(String text) {
        return read(new GmlReader(), InputSource.of("x.gml", text.getBytes(StandardCharsets.UTF_8)));
    }

    static Result gmlFile(String path) {
        return read(new GmlReader(), InputSource.open(path));
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void lesMiserables() throws IOException {
        Result r = gmlFile("datasets/lesmis/lesmis.gml");
        assertEquals(new RowCounts(254, 254, 0), r.counts());
        assertEquals(77, r.sink().nodes.size());
        assertEquals(254, r.sink().edges.size());
        assertEquals(820.0, r.sink().weightSum);
        assertEquals(Boolean.FALSE, r.sink().directed);
        assertEquals(1, r.sink().directedCalls);
        assertEquals(Map.of("name", "Myriel"), r.sink().nodes.get("0"));
        assertEquals("1->0:1", r.sink().edges.get(0));
        assertEquals(391, r.sink().lines.get(0)); // the line of the keyword "edge"
        assertEquals(Files.size(Path.of("datasets/lesmis/lesmis.gml")), r.lastProgress());
    }

    @Test
    void footballHasTwelveConferences() {
        Result r = gmlFile("datasets/football/football_newman.gml");
        assertEquals(new RowCounts(613, 613, 0), r.counts());
        assertEquals(115, r.sink().nodes.size());
        assertEquals(12, r.sink().histogram("value").size());
        assertEquals("TexasA&M", r.sink().nodes.values().stream().map(a -> a.get("label"))
                .filter(l -> l.startsWith("Texas")).filter(l -> l.contains("&")).findFirst().orElseThrow());
        assertEquals(613.0, r.sink().weightSum); // no edge weights: 1 each
    }

    @Test
    void polbooksLabels() {
        Result r = gmlFile("datasets/polbooks/polbooks_newman.gml");
        assertEquals(new RowCounts(441, 441, 0), r.counts());
        assertEquals(105, r.sink().nodes.size());
        assertEquals(Map.of("c", 49L, "l", 43L, "n", 13L), r.sink().histogram("value"));
    }

    @ParameterizedTest
    @CsvSource({
            "datasets/karate/karate_gt.gml, 34, 78",
            "datasets/dolphins/dolphins_named_groups.gml, 62, 159",
            "datasets/polbooks/polbooks_newman.gml, 105, 441",
            "datasets/football/football_newman.gml, 115, 613",
            "datasets/lesmis/lesmis.gml, 77, 254",
    })
    void shippedGraphs(String path, int nodes, int edges) {
        Result r = gmlFile(path);
        assertEquals(nodes, r.sink().nodes.size());
        assertEquals(new RowCounts(edges, edges, 0), r.counts());
        assertEquals(Boolean.FALSE, r.sink().directed);
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void withoutDirectedKeyTheGraphIsUndirected() {
        Result r = gmlFile("datasets/karate/karate_gt.gml"); // has no "directed" key
        assertEquals(Boolean.FALSE, r.sink().directed);
        assertEquals(Map.of("label", "0", "gt", "1"), r.sink().nodes.get("0"));
    }

    @Test
    void attributesWeightsTypesAndTimes() {
        Result r = gml("""
                Creator "test"
                graph [
                  comment "a # inside a string is not a comment"
                  directed 1
                  # a comment line
                  node [ id 1 label "a &amp; b &#233;t&#xe9;" graphics [ x 1.0 y -2.5e3 fill "#FF0000" ] ]
                  node [ id 2 label "multi
                line" score 0.5 ]
                  edge [ source 1 target 2 weight 2.5 value 7 type "retweet" timestamp 1700000000 ]
                  edge [ source 2 target 1 value 3 time "2024-01-02" ]
                  edge [ source 2 target 1 label "plain" graphics [ line [ point [ x 1 ] ] ] ]
                  edge [ source 1 target 1 value "not numeric" ]
                ]
                """);
        assertEquals(Boolean.TRUE, r.sink().directed);
        assertEquals(Map.of("label", "a & b été"), r.sink().nodes.get("1"));
        assertEquals(Map.of("label", "multi\nline", "score", "0.5"), r.sink().nodes.get("2"));
        assertEquals(List.of("1->2:2.5", "2->1:3", "2->1:1", "1->1:1"), r.sink().edges);
        assertEquals(List.of(9L, 10L, 11L, 12L), r.sink().lines);
        assertEquals(Arrays.asList(InteractionType.RETWEET, null, null, null), r.sink().types);
        assertEquals(List.of(1700000000L, 1704153600L, Interaction.NO_TIME, Interaction.NO_TIME), r.sink().times);
        assertEquals(new RowCounts(4, 4, 0), r.counts());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("'value' is not a number"), r.warnings().get(0));
    }

    @Test
    void missingTargetIsRejectedAtTheEdgeLine() {
        Result r = gml("""
                graph [
                  node [ id 1 ]
                  node [ id 2 ]
                  edge [
                    source 1
                  ]
                  edge [ source 1 target 2 ]
                ]
                """);
        assertEquals(new RowCounts(2, 1, 1), r.counts());
        RejectedRow bad = r.only();
        assertEquals(4, bad.line());
        assertEquals("missing field 'target'", bad.reason());
        assertEquals("edge [ source 1 ]", bad.text());
        assertEquals(List.of("1->2:1"), r.sink().edges);
    }

    @Test
    void badWeightsAreRejectedWithTheirReason() {
        Result r = gml("""
                graph [
                  node [ id 1 ] node [ id 2 ]
                  edge [ source 1 target 2 weight -3 ]
                  edge [ source 1 target 2 weight NaN ]
                  edge [ source 1 target 2 value "nan" ]
                  edge [ source 1 target 2 weight INF ]
                  edge [ source 1 target 2 weight "heavy" ]
                  edge [ source 1 target 2 type "rpely" ]
                  edge [ source 1 target 2 timestamp "yesterday" ]
                  edge [ source 1 target 2 weight 0 ]
                ]
                """);
        assertEquals(new RowCounts(8, 1, 7), r.counts());
        assertEquals(List.of("1->2:0"), r.sink().edges);
        List<String> reasons = r.rejected().stream().map(RejectedRow::reason).toList();
        assertEquals("weight: negative (-3)", reasons.get(0));
        assertEquals("weight: NaN", reasons.get(1));
        assertEquals("weight: NaN", reasons.get(2));
        assertEquals("weight: infinite", reasons.get(3));
        assertEquals("weight: not a number 'heavy'", reasons.get(4));
        assertTrue(reasons.get(5).startsWith("type: unknown 'rpely'"), reasons.get(5));
        assertTrue(reasons.get(6).startsWith("timestamp:"), reasons.get(6));
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L),
                r.rejected().stream().map(RejectedRow::line).toList());
    }

    @Test
    void unknownNodesAndEdgesBeforeTheirNode() {
        Result r = gml("""
                graph [
                  node [ id 1 ]
                  edge [ source 1 target 3 ]
                  node [ id 3 ]
                  edge [ source 1 target 9 ]
                  edge [ source 3 target 1 ]
                ]
                """);
        // GML allows a node after the edges that use it (NetworkX read_gml loads both edges)
        assertEquals(new RowCounts(3, 2, 1), r.counts());
        assertEquals(List.of("3->1:1", "1->3:1"), r.sink().edges);
        RejectedRow never = r.rejected().get(0);
        assertEquals(5, never.line());
        assertEquals("unknown node '9': never declared", never.reason());
    }

    @Test
    void duplicateNodeIsRejectedAndTheFirstKept() {
        Result r = gml("""
                graph [
                  node [ id 1 label "first" ]
                  node [ id 2 ]
                  node [ id 1 label "again" ]
                  node [ label "no id" ]
                  edge [ source 1 target 2 ]
                ]
                """);
        assertEquals(new RowCounts(3, 1, 2), r.counts()); // nodes are no rows, rejected declarations are
        assertEquals(Map.of("label", "first"), r.sink().nodes.get("1"));
        assertEquals(2, r.sink().nodes.size());
        assertEquals(4, r.rejected().get(0).line());
        assertTrue(r.rejected().get(0).reason().startsWith("duplicate node '1'"), r.rejected().get(0).reason());
        assertEquals("node [ id 1 label \"again\" ]", r.rejected().get(0).text());
        assertEquals(5, r.rejected().get(1).line());
        assertEquals("node: missing field 'id'", r.rejected().get(1).reason());
    }

    @Test
    void truncatedFileKeepsEarlierEdges() {
        Result r = gml("""
                graph [
                  node [ id 1 ]
                  node [ id 2 ]
                  edge [ source 1 target 2 ]
                  edge [ source 2 target 1 ]
                  edge [ source 1
                """);
        assertEquals(new RowCounts(3, 2, 1), r.counts());
        assertEquals(List.of("1->2:1", "2->1:1"), r.sink().edges);
        RejectedRow bad = r.only();
        assertEquals(6, bad.line());
        assertTrue(bad.reason().contains("'edge [' opened at line 6 is not closed"), bad.reason());
    }

    @Test
    void truncatedRealFileKeepsEveryCompleteEdge() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("datasets/lesmis/lesmis.gml"));
        List<String> head = lines.subList(0, 999); // ends inside an edge record
        long closed = head.stream().filter(l -> l.equals("  ]")).count() - 77; // 77 node records close alike
        Result r = gml(String.join("\n", head) + "\n");
        assertEquals(77, r.sink().nodes.size());
        assertEquals(new RowCounts(closed + 1, closed, 1), r.counts());
        assertEquals(999, r.only().line());
        assertTrue(r.only().reason().contains("not closed"), r.only().reason());
    }

    @Test
    void unbalancedAndStrayTokensStopTheReadAtTheirLine() {
        Result extra = gml("""
                graph [
                  node [ id 1 ] node [ id 2 ]
                  edge [ source 1 target 2 ] ]
                ]
                """);
        assertEquals(new RowCounts(2, 1, 1), extra.counts());
        assertEquals(4, extra.only().line());
        assertEquals("syntax error: expected a key at the top level, found ']'", extra.only().reason());

        Result stray = gml("""
                graph [
                  node [ id 1 ] node [ id 2 ]
                  edge [ source 1 target 2 ]
                  edge [ source 1 target 2 ] 42
                  edge [ source 2 target 1 ]
                ]
                """);
        assertEquals(new RowCounts(3, 2, 1), stray.counts());
        assertEquals(4, stray.only().line());
        assertTrue(stray.only().reason().contains("expected a key inside 'graph [', found '42'"),
                stray.only().reason());

        Result quote = gml("graph [\n node [ id 1 label \"open\n ]\n]\n");
        assertEquals(new RowCounts(1, 0, 1), quote.counts());
        assertEquals(2, quote.only().line());
        assertTrue(quote.only().reason().contains("unterminated string"), quote.only().reason());
    }

    @Test
    void gzippedInputReadsTheSame() throws IOException {
        byte[] plain = Files.readAllBytes(Path.of("datasets/lesmis/lesmis.gml"));
        Result p = gml(new String(plain, StandardCharsets.UTF_8));
        Result z = read(new GmlReader(), InputSource.of("lesmis.gml.gz", gzip(plain)));
        assertEquals(p.counts(), z.counts());
        assertEquals(p.sink().edges, z.sink().edges);
        assertEquals(p.sink().lines, z.sink().lines);
        assertEquals(p.sink().nodes, z.sink().nodes);
    }

    /** The lines a gzip stream decodes to before it breaks off: where a damage row belongs. */
    static long linesBeforeDamage(byte[] gz) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            byte[] b = new byte[1];
            while (z.read(b) > 0) out.write(b[0]); // one at a time: every byte before the damage is counted
        } catch (IOException expected) {
            // the damage
        }
        return out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void truncatedGzipKeepsWhatWasRead() throws IOException {
        Result plain = gmlFile("datasets/lesmis/lesmis.gml");
        byte[] z = gzip(Files.readAllBytes(Path.of("datasets/lesmis/lesmis.gml")));
        byte[] cut = Arrays.copyOf(z, z.length * 3 / 4);
        Result r = read(new GmlReader(), InputSource.of("lesmis.gml.gz", cut));
        long loaded = r.counts().loaded();
        assertTrue(loaded > 0 && loaded < 254, r.counts().toString());
        assertEquals(new RowCounts(loaded + 1, loaded, 1), r.counts());
        assertEquals(plain.sink().edges.subList(0, (int) loaded), r.sink().edges);
        assertTrue(r.only().reason().startsWith("truncated compressed input"), r.only().reason());
        assertEquals(linesBeforeDamage(cut), r.only().line()); // where the input ended, as for line formats
    }

    @Test
    void gzipDamagedAfterTheGraphStillReportsTheDamage() throws IOException {
        byte[] z = gzip(Files.readAllBytes(Path.of("datasets/lesmis/lesmis.gml")));
        Result r = read(new GmlReader(), InputSource.of("lesmis.gml.gz", Arrays.copyOf(z, z.length - 4)));
        assertEquals(new RowCounts(255, 254, 1), r.counts()); // every edge, and the damage: the trailer is cut
        assertTrue(r.only().reason().startsWith("truncated compressed input"), r.only().reason());
        assertEquals(linesBeforeDamage(Arrays.copyOf(z, z.length - 4)), r.only().line());
    }

    @Test
    void gzipDamagedBeforeTheGraphIsADamageRowNotAMissingGraph() throws IOException {
        byte[] z = gzip(("Version 1\n".repeat(50_000) + "graph [ node [ id 1 ] ]\n").getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(z, z.length / 2);
        Result r = read(new GmlReader(), InputSource.of("x.gml.gz", cut));
        assertEquals(new RowCounts(1, 0, 1), r.counts());
        assertTrue(r.only().reason().startsWith("truncated compressed input"), r.only().reason());
        assertEquals(linesBeforeDamage(cut), r.only().line());
    }

    @Test
    void corruptGzipNamesTheDamage() throws IOException {
        byte[] z = gzip(Files.readAllBytes(Path.of("datasets/lesmis/lesmis.gml")));
        z[z.length - 6] ^= 0x55; // inside the CRC: every record decodes, the check at the end fails
        Result r = read(new GmlReader(), InputSource.of("lesmis.gml.gz", z));
        assertEquals(new RowCounts(255, 254, 1), r.counts());
        assertTrue(r.only().reason().startsWith("corrupt compressed input"), r.only().reason());
    }

    @Test
    void latin1StringsAreDecodedAsTheSpecSays() {
        byte[] latin1 = "graph [ node [ id 1 label \"Mis\u00e9rables\" ] ]".getBytes(StandardCharsets.ISO_8859_1);
        Result r = read(new GmlReader(), InputSource.of("x.gml", latin1));
        assertEquals(Map.of("label", "Mis\u00e9rables"), r.sink().nodes.get("1"));
        Result utf8 = gml("graph [ node [ id 1 label \"Mis\u00e9rables\" ] ]");
        assertEquals(Map.of("label", "Mis\u00e9rables"), utf8.sink().nodes.get("1"));
    }

    @Test
    void emptyGraphStillDeclaresDirectedness() {
        Result r = gml("graph [ directed 1 ]");
        assertEquals(Boolean.TRUE, r.sink().directed);
        assertEquals(new RowCounts(0, 0, 0), r.counts());
    }

    @Test
    void inputWithoutGraphIsUnusable() {
        InputException e = assertThrows(InputException.class, () -> gml("Creator \"nobody\"\nVersion 1\n"));
        assertTrue(e.getMessage().contains("no 'graph [ ... ]'"), e.getMessage());
    }

    @Test
    void tooManyRejectsFailTheRead() {
        StringBuilder b = new StringBuilder("graph [ node [ id 1 ]\n");
        for (int i = 0; i < 5; i++) b.append("edge [ source 1 target 2 ]\n");
        b.append("]\n");
        RowAccounting rows = new RowAccounting("x.gml", 3, row -> { });
        InputSource in = InputSource.of("x.gml", b.toString().getBytes(StandardCharsets.UTF_8));
        InputException e = assertThrows(InputException.class, () -> new GmlReader().read(in,
                IngestOptions.defaults().withMaxRejects(3), new Recording(), rows, Progress.Task.NONE));
        assertTrue(e.getMessage().contains("more than 3 rejected rows"), e.getMessage());
    }

    @Test
    void numbersAsWrittenWithNanAndInfinitySpellings() {
        assertEquals("NaN", Fields.number("NAN"));
        assertEquals("-Infinity", Fields.number("-inf"));
        assertEquals("1e3", Fields.number("1e3"));
        assertNull(Fields.number("0x10"));
        assertNull(Fields.number("c"));
        assertFalse(Fields.number("7") == null);
    }
}
