package dev.chorus.ingest;

import static dev.chorus.ingest.GmlReaderTest.gzip;
import static dev.chorus.ingest.GmlReaderTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.ingest.GmlReaderTest.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphmlReaderTest {
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="w" for="edge" attr.name="weight" attr.type="double"/>
              <graph id="G" edgedefault="undirected">
                <node id="a"/>
                <node id="b"/>
            """; // 6 lines: the body below starts at line 7

    private static Result graphml(String text) {
        return read(new GraphmlReader(), InputSource.of("x.graphml", text.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@link #HEAD}, then {@code body} from line 7, then the closing tags. */
    private static Result body(String body) {
        return graphml(HEAD + body + "  </graph>\n</graphml>\n");
    }

    @Test
    void lesMiserables() throws IOException {
        Result r = read(new GraphmlReader(), InputSource.open("datasets/lesmis/lesmis.graphml"));
        assertEquals(new RowCounts(254, 254, 0), r.counts());
        assertEquals(77, r.sink().nodes.size());
        assertEquals(820.0, r.sink().weightSum);
        assertEquals(Boolean.FALSE, r.sink().directed);
        assertEquals(1, r.sink().directedCalls);
        assertEquals(Map.of("id", "0", "name", "Myriel"), r.sink().nodes.get("n0"));
        assertEquals(List.of(), r.warnings());
        assertEquals(Files.size(Path.of("datasets/lesmis/lesmis.graphml")), r.lastProgress());
    }

    @Test
    void lesMiserablesMatchesTheGmlCopy() {
        Result xml = read(new GraphmlReader(), InputSource.open("datasets/lesmis/lesmis.graphml"));
        Result gml = GmlReaderTest.gmlFile("datasets/lesmis/lesmis.gml");
        // undirected: the two copies write some pairs in opposite orders
        List<String> renamed = xml.sink().edges.stream().map(e -> unordered(e.replace("n", ""))).sorted().toList();
        assertEquals(gml.sink().edges.stream().map(GraphmlReaderTest::unordered).sorted().toList(), renamed);
        gml.sink().nodes.forEach((id, attributes) ->
                assertEquals(attributes.get("name"), xml.sink().nodes.get("n" + id).get("name")));
    }

    /** "3->1:2" as "1-3:2". */
    private static String unordered(String edge) {
        String[] st = edge.split("->|:");
        return Math.min(Integer.parseInt(st[0]), Integer.parseInt(st[1])) + "-"
                + Math.max(Integer.parseInt(st[0]), Integer.parseInt(st[1])) + ":" + st[2];
    }

    @Test
    void edgeDefaultDecidesDirectedness() {
        String doc = """
                <graphml><graph %s><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>
                """;
        assertEquals(Boolean.TRUE, graphml(doc.formatted("edgedefault=\"directed\"")).sink().directed);
        assertEquals(Boolean.FALSE, graphml(doc.formatted("edgedefault=\"undirected\"")).sink().directed);
        Result absent = graphml(doc.formatted("id=\"G\"")); // required by the spec; directed when missing
        assertEquals(Boolean.TRUE, absent.sink().directed);
        assertEquals(1, absent.sink().directedCalls);
        assertEquals(List.of("a->b:1"), absent.sink().edges);
    }

    @Test
    void keysDefaultsTypesTimesAndSkippedMarkup() {
        Result r = graphml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
                  <key id="d0" for="node" attr.name="name" attr.type="string"/>
                  <key id="d1" for="node" attr.name="club" attr.type="string"><default>none</default></key>
                  <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
                  <key id="d3" for="edge" attr.name="value" attr.type="double"><default>2</default></key>
                  <key id="d4" for="edge" attr.name="type" attr.type="string"/>
                  <key id="d5" for="edge" attr.name="time" attr.type="string"/>
                  <key id="d6" for="node" yfiles.type="nodegraphics"/>
                  <key id="d7" for="graph" attr.name="title" attr.type="string"/>
                  <graph id="G" edgedefault="directed">
                    <data key="d7">not a node attribute</data>
                    <desc>a description</desc>
                    <node id="a"><data key="d0">Ann &amp; Bo</data><data key="d1">red</data>
                      <data key="d6"><y:ShapeNode><y:NodeLabel>drawn</y:NodeLabel></y:ShapeNode></data></node>
                    <node id="b"><data key="d0"><![CDATA[<b>]]></data><port name="p"><data key="d0">port</data></port></node>
                    <edge source="a" target="b"><data key="d2">2.5</data><data key="d3">7</data>
                      <data key="d4">mention</data><data key="d5">2024-01-02T00:00:00Z</data></edge>
                    <edge source="b" target="a"/>
                    <edge source="b" target="a"><data key="d3">4</data></edge>
                  </graph>
                </graphml>
                """);
        assertEquals(Boolean.TRUE, r.sink().directed);
        assertEquals(Map.of("name", "Ann & Bo", "club", "red"), r.sink().nodes.get("a"));
        assertEquals(Map.of("name", "<b>", "club", "none"), r.sink().nodes.get("b"));
        assertEquals(List.of("a->b:2.5", "b->a:2", "b->a:4"), r.sink().edges);
        assertEquals(List.of(17L, 19L, 20L), r.sink().lines);
        assertEquals(Arrays.asList(InteractionType.MENTION, null, null), r.sink().types);
        assertEquals(List.of(1704153600L, Interaction.NO_TIME, Interaction.NO_TIME), r.sink().times);
        assertEquals(new RowCounts(3, 3, 0), r.counts());
    }

    @Test
    void missingTargetIsRejectedAtTheEdgeLine() {
        Result r = body("""
                    <edge source="a"/>
                    <edge source="a" target="b"/>
                """);
        assertEquals(new RowCounts(2, 1, 1), r.counts());
        assertEquals(7, r.only().line());
        assertEquals("missing field 'target'", r.only().reason());
        assertEquals("edge source=\"a\"", r.only().text());
        assertEquals(List.of("a->b:1"), r.sink().edges);
    }

    @Test
    void badWeightsAreRejectedWithTheirReason() {
        Result r = body("""
                    <edge source="a" target="b"><data key="w">-1.5</data></edge>
                    <edge source="a" target="b"><data key="w">NaN</data></edge>
                    <edge source="a" target="b"><data key="w">INF</data></edge>
                    <edge source="a" target="b"><data key="w">heavy</data></edge>
                    <edge source="a" target="b"><data key="w"> 3 </data></edge>
                """);
        assertEquals(new RowCounts(5, 1, 4), r.counts());
        assertEquals(List.of("a->b:3"), r.sink().edges);
        assertEquals(List.of("weight: negative (-1.5)", "weight: NaN", "weight: infinite",
                        "weight: not a number 'heavy'"), r.rejected().stream().map(RejectedRow::reason).toList());
        assertEquals(List.of(7L, 8L, 9L, 10L), r.rejected().stream().map(RejectedRow::line).toList());
        assertEquals("edge source=\"a\" target=\"b\" weight=\"-1.5\"", r.rejected().get(0).text());
    }

    @Test
    void unknownNodesAndEdgesBeforeTheirNode() {
        Result r = body("""
                    <edge source="a" target="c"/>
                    <node id="c"/>
                    <edge source="zz" target="a"/>
                    <edge source="c" target="a"/>
                """);
        // GraphML allows nodes after the edges that use them (NetworkX read_graphml loads a->c too)
        assertEquals(new RowCounts(3, 2, 1), r.counts());
        assertEquals(List.of("c->a:1", "a->c:1"), r.sink().edges);
        assertEquals(9, r.rejected().get(0).line());
        assertEquals("unknown node 'zz': never declared", r.rejected().get(0).reason());
    }

    @Test
    void duplicateNodeIsRejectedAndTheFirstKept() {
        Result r = graphml("""
                <graphml>
                  <key id="n" for="node" attr.name="name"/>
                  <graph edgedefault="undirected">
                    <node id="a"><data key="n">first</data></node>
                    <node id="a"><data key="n">again</data></node>
                    <node/>
                  </graph>
                </graphml>
                """);
        assertEquals(new RowCounts(2, 0, 2), r.counts());
        assertEquals(Map.of("a", Map.of("name", "first")), r.sink().nodes);
        assertEquals(5, r.rejected().get(0).line());
        assertTrue(r.rejected().get(0).reason().startsWith("duplicate node 'a'"), r.rejected().get(0).reason());
        assertEquals("node id=\"a\" name=\"again\"", r.rejected().get(0).text());
        assertEquals("node: missing field 'id'", r.rejected().get(1).reason());
    }

    @Test
    void malformedXmlKeepsEarlierEdges() {
        Result r = body("""
                    <edge source="a" target="b"/>
                    <edge source="b" target="a"/>
                    <edge source="a" target="b"><data key="w">1</edge>
                    <edge source="b" target="a"/>
                """);
        assertEquals(new RowCounts(3, 2, 1), r.counts());
        assertEquals(List.of("a->b:1", "b->a:1"), r.sink().edges);
        assertEquals(9, r.only().line());
        assertTrue(r.only().reason().startsWith("malformed XML: "), r.only().reason());
        assertTrue(r.only().reason().contains("data"), r.only().reason());
        assertFalse(r.only().reason().contains("ParseError"), r.only().reason());
    }

    @Test
    void truncatedXmlKeepsEarlierEdges() {
        Result r = graphml(HEAD + """
                    <edge source="a" target="b"/>
                    <edge source="b" target="a"/>
                    <edge source="a" tar""");
        assertEquals(new RowCounts(3, 2, 1), r.counts());
        assertEquals(9, r.only().line());
        assertTrue(r.only().reason().startsWith("malformed XML: "), r.only().reason());
    }

    @Test
    void invalidUtf8IsARejectedRowNotAnException() {
        byte[] head = (HEAD + "    <edge source=\"a\" target=\"b\"/>\n    <node id=\"").getBytes(StandardCharsets.UTF_8);
        byte[] doc = Arrays.copyOf(head, head.length + 3);
        doc[head.length] = (byte) 0xff;
        doc[head.length + 1] = '"';
        doc[head.length + 2] = '/';
        Result r = read(new GraphmlReader(), InputSource.of("x.graphml", doc));
        assertEquals(new RowCounts(2, 1, 1), r.counts());
        assertEquals(8, r.only().line());
        assertEquals("malformed XML: not valid UTF-8", r.only().reason());
    }

    @Test
    void byteOrderMarkAndDeclaredLatin1() {
        String doc = """
                <?xml version="1.0" encoding="%s"?>
                <graphml><key id="n" for="node" attr.name="name"/><graph edgedefault="directed">
                <node id="a"><data key="n">Mis\u00e9rables</data></node><node id="b"/><edge source="a" target="b"/>
                </graph></graphml>
                """;
        byte[] utf8 = doc.formatted("UTF-8").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] latin1 = doc.formatted("ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] bytes : List.of(bom, latin1)) {
            Result r = read(new GraphmlReader(), InputSource.of("x.graphml", bytes));
            assertEquals(Map.of("name", "Mis\u00e9rables"), r.sink().nodes.get("a"));
            assertEquals(List.of("a->b:1"), r.sink().edges);
        }
    }

    @Test
    void notXmlAtAll() {
        Result r = graphml("source,target\na,b\n");
        assertEquals(new RowCounts(1, 0, 1), r.counts());
        assertEquals(1, r.only().line());
        assertTrue(r.only().reason().startsWith("malformed XML: "), r.only().reason());
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        Result r = graphml("""
                <?xml version="1.0"?>
                <!DOCTYPE graphml [ <!ENTITY xxe SYSTEM "%s"> ]>
                <graphml>
                  <key id="n" for="node" attr.name="name"/>
                  <graph edgedefault="directed">
                    <node id="a"><data key="n">&xxe;</data></node>
                  </graph>
                </graphml>
                """.formatted(secret.toUri()));
        assertFalse(r.sink().nodes.toString().contains("TOP-SECRET"), r.sink().nodes.toString());
        assertFalse(r.rejected().toString().contains("TOP-SECRET"), r.rejected().toString());
        assertEquals(new RowCounts(1, 0, 1), r.counts()); // the undeclared entity stops the read
        assertEquals(6, r.only().line());
        assertTrue(r.only().reason().contains("xxe"), r.only().reason());
    }

    @Test
    void hyperedgesAreRejectedRows() {
        Result r = body("""
                    <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
                    <edge source="a" target="b"/>
                """);
        assertEquals(new RowCounts(2, 1, 1), r.counts());
        assertEquals(7, r.only().line());
        assertTrue(r.only().reason().contains("hyperedge"), r.only().reason());
    }

    @Test
    void nestedGraphsAreFlattened() {
        Result r = graphml("""
                <graphml><graph edgedefault="undirected">
                  <node id="outer"><graph id="inner" edgedefault="directed">
                    <node id="outer::x"/>
                  </graph></node>
                  <edge source="outer" target="outer::x"/>
                </graph></graphml>
                """);
        assertEquals(Boolean.FALSE, r.sink().directed);
        assertEquals(List.of("outer", "outer::x"), List.copyOf(r.sink().nodes.keySet()));
        assertEquals(List.of("outer->outer::x:1"), r.sink().edges);
    }

    @Test
    void gzippedInputReadsTheSame() throws IOException {
        byte[] plain = Files.readAllBytes(Path.of("datasets/lesmis/lesmis.graphml"));
        Result p = graphml(new String(plain, StandardCharsets.UTF_8));
        Result z = read(new GraphmlReader(), InputSource.of("lesmis.graphml.gz", gzip(plain)));
        assertEquals(p.counts(), z.counts());
        assertEquals(p.sink().edges, z.sink().edges);
        assertEquals(p.sink().lines, z.sink().lines);
        assertEquals(p.sink().nodes, z.sink().nodes);

        byte[] gz = gzip(plain);
        byte[] cutBytes = Arrays.copyOf(gz, gz.length * 3 / 4);
        Result cut = read(new GraphmlReader(), InputSource.of("lesmis.graphml.gz", cutBytes));
        long loaded = cut.counts().loaded();
        assertTrue(loaded > 0 && loaded < 254, cut.counts().toString());
        assertEquals(new RowCounts(loaded + 1, loaded, 1), cut.counts());
        assertEquals(p.sink().edges.subList(0, (int) loaded), cut.sink().edges);
        assertTrue(cut.only().reason().startsWith("truncated compressed input"), cut.only().reason());
        assertEquals(GmlReaderTest.linesBeforeDamage(cutBytes), cut.only().line());

        Result trailer = read(new GraphmlReader(),
                InputSource.of("lesmis.graphml.gz", Arrays.copyOf(gz, gz.length - 4)));
        assertEquals(new RowCounts(255, 254, 1), trailer.counts()); // every edge, and the damage
        assertTrue(trailer.only().reason().startsWith("truncated compressed input"), trailer.only().reason());
    }

    @Test
    void gzipDamagedBeforeTheGraphIsADamageRowNotAMissingGraph() throws IOException {
        String doc = "<graphml>\n" + "<!-- padding -->\n".repeat(50_000)
                + "<graph><node id=\"a\"/></graph></graphml>\n";
        byte[] gz = gzip(doc.getBytes(StandardCharsets.UTF_8));
        Result r = read(new GraphmlReader(), InputSource.of("x.graphml.gz", Arrays.copyOf(gz, gz.length / 2)));
        assertEquals(new RowCounts(1, 0, 1), r.counts());
        assertTrue(r.only().reason().startsWith("truncated compressed input"), r.only().reason());
    }

    @Test
    void inputWithoutGraphIsUnusable() {
        InputException e = assertThrows(InputException.class, () -> graphml("<graphml><key id=\"k\"/></graphml>"));
        assertTrue(e.getMessage().contains("no <graph>"), e.getMessage());
    }
}
