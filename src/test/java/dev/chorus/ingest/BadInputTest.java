package dev.chorus.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad row becomes a rejected row with its line and reason, and the good rows around it load:
 * {@code read == loaded + rejected} and the graph holds exactly the good rows.
 */
class BadInputTest {
    final List<RejectedRow> rejected = new ArrayList<>();

    GraphLoader.Loaded load(String name, String text) {
        return load(name, text.getBytes(StandardCharsets.UTF_8), IngestOptions.defaults());
    }

    GraphLoader.Loaded load(String name, byte[] bytes, IngestOptions options) {
        rejected.clear();
        return GraphLoader.load(InputSource.of(name, bytes), options, rejected::add, Progress.NONE);
    }

    /** The rows that loaded, as "source>target:weight" in arc order, for exact comparisons. */
    static List<String> arcs(InteractionGraph g) {
        List<String> out = new ArrayList<>();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = g.out().start(u); e < g.out().end(u); e++) {
                out.add(g.ids().id(u) + ">" + g.ids().id(g.out().neighbor(e)) + ":" + g.out().weight(e));
            }
        }
        return out;
    }

    void assertRejected(int index, long line, String reasonPart) {
        RejectedRow r = rejected.get(index);
        assertEquals(line, r.line(), r.toString());
        assertTrue(r.reason().contains(reasonPart), "reason '" + r.reason() + "' lacks '" + reasonPart + "'");
    }

    @Test
    void snapBadRowsAreRejectedAndNeighboursKept() {
        String text = String.join("\n",
                "# comment",
                "a b 1",
                "c",                 // 3: missing field
                "d e x",             // 4: not a number
                "f g NaN",           // 5
                "h i -2",            // 6
                "j k Infinity",      // 7
                "l m 2.5",
                "n o 1 extra",       // 9: extra field
                "") + "\n";
        GraphLoader.Loaded l = load("x.txt", text);
        assertEquals(8, l.rows().read());
        assertEquals(2, l.rows().loaded());
        assertEquals(6, l.rows().rejected());
        assertEquals(List.of("a>b:1.0", "l>m:2.5"), arcs(l.graph()));
        assertRejected(0, 3, "missing field 'target'");
        assertRejected(1, 4, "weight: not a number");
        assertRejected(2, 5, "weight: NaN");
        assertRejected(3, 6, "weight: negative");
        assertRejected(4, 7, "weight: infinite");
        assertRejected(5, 9, "extra field");
    }

    @Test
    void interactionFormUnknownTypeAndBadTimestamp() {
        String text = "1 2 1341100972 RT\n1 3 1341100973 XX\n2 3 yesterday MT\n3 1 1341100999 re\n";
        GraphLoader.Loaded l = load("activity.txt", text);
        assertEquals(4, l.rows().read());
        assertEquals(2, l.rows().loaded());
        assertRejected(0, 2, "type: unknown 'XX'");
        assertRejected(1, 3, "timestamp");
        InteractionGraph g = l.graph();
        assertEquals(List.of(InteractionType.RETWEET, InteractionType.REPLY), g.types());
        assertEquals(1, g.typeCount(g.arc(g.ids().index("3"), g.ids().index("1")), InteractionType.REPLY));
    }

    @Test
    void binaryGarbageIsRejected() {
        byte[] bytes = concat("a b\n".getBytes(StandardCharsets.UTF_8), new byte[] {0x00, 0x01, (byte) 0xff, ' ', 'x', '\n'},
                new byte[] {'c', ' ', (byte) 0xc3, (byte) 0x28, '\n'}, "d e\n".getBytes(StandardCharsets.UTF_8));
        GraphLoader.Loaded l = load("x.txt", bytes, IngestOptions.defaults());
        assertEquals(4, l.rows().read());
        assertEquals(List.of("a>b:1.0", "d>e:1.0"), arcs(l.graph()));
        assertRejected(0, 2, "binary data: control byte 0x00");
        assertRejected(1, 3, "not valid UTF-8");
    }

    /**
     * The snap reader checks for binary data while it splits: a DEL inside a field, a control byte after the fields
     * it splits (past the column count), valid UTF-8 ids and tab separators are told apart as the full check does.
     */
    @Test
    void binaryCheckWhileSplittingSeesEveryByte() {
        byte[] bytes = concat("a b\n".getBytes(StandardCharsets.UTF_8), new byte[] {'c', 'd', 0x7f, ' ', 'e', '\n'},
                new byte[] {'f', ' ', 'g', ' ', 'h', ' ', 0x01, '\n'}, "\u00e9l\u00e8ve\tb\n".getBytes(StandardCharsets.UTF_8),
                "i j\n".getBytes(StandardCharsets.UTF_8));
        GraphLoader.Loaded l = load("x.txt", bytes, IngestOptions.defaults());
        assertEquals(5, l.rows().read());
        assertEquals(List.of("a>b:1.0", "\u00e9l\u00e8ve>b:1.0", "i>j:1.0"), arcs(l.graph()));
        assertRejected(0, 2, "binary data: control byte 0x7f at column 3");
        assertRejected(1, 3, "binary data: control byte 0x01 at column 7");
    }

    @Test
    void overlongLineIsRejectedWithoutBufferingIt() {
        String longId = "x".repeat(5000);
        String text = "a b\n" + longId + " y\nc d\n";
        GraphLoader.Loaded l = load("x.txt", text.getBytes(StandardCharsets.UTF_8), IngestOptions.defaults().withMaxLineLength(1000));
        assertEquals(3, l.rows().read());
        assertEquals(List.of("a>b:1.0", "c>d:1.0"), arcs(l.graph()));
        assertRejected(0, 2, "longer than 1000 bytes");
        assertTrue(rejected.get(0).text().length() <= RowAccounting.MAX_ECHO + 3);
    }

    @Test
    void truncatedGzipKeepsRowsBeforeTheCut() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) sb.append(i).append(' ').append(i + 1).append('\n');
        byte[] gz = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        GraphLoader.Loaded l = load("edges.txt.gz", cut, IngestOptions.defaults());
        assertEquals(1, l.rows().rejected());
        assertTrue(rejected.get(0).reason().contains("truncated compressed input"), rejected.get(0).reason());
        long loaded = l.rows().loaded();
        assertTrue(loaded > 1000 && loaded < 20_000, "loaded " + loaded);
        // the rows that loaded are exactly the first ones of the file
        InteractionGraph g = l.graph();
        for (int i = 0; i < loaded; i++) assertTrue(g.arc(g.ids().index("" + i), g.ids().index("" + (i + 1))) >= 0);
        assertEquals(loaded + 1, rejected.get(0).line());
    }

    @Test
    void emptyFileAndHeaderOnlyCsvLoadNothingWithoutError() {
        GraphLoader.Loaded empty = load("empty.txt", "");
        assertEquals(new RowCounts(0, 0, 0), empty.rows());
        assertEquals(0, empty.graph().nodeCount());
        GraphLoader.Loaded header = load("h.csv", "source,target,weight\r\n");
        assertEquals(Format.CSV, header.format());
        assertEquals(new RowCounts(0, 0, 0), header.rows());
    }

    @Test
    void csvQuotingBomCrlfUnicodeAndWhitespace() {
        String text = "\uFEFFsource,target,weight,comment\r\n"
                + "\"Smith, Anna\",bob,2,\"said \"\"hi\"\"\"\r\n"
                + "  carol  , \"  dave \" ,1,\"two\r\nlines\"\r\n"
                + "élodie,日本,3,x\r\n";
        GraphLoader.Loaded l = load("in.csv", text);
        assertEquals(new RowCounts(3, 3, 0), l.rows(), rejected.toString());
        assertEquals(List.of("Smith, Anna>bob:2.0", "carol>  dave :1.0", "élodie>日本:3.0"), arcs(l.graph()));
        assertEquals(4, l.graph().ids().index("élodie") >= 0 ? 4 : -1);
    }

    @Test
    void javaOnlyNumberSpellingsAreNotWeights() {
        // Double.parseDouble accepts these; no interaction export means them as numbers.
        GraphLoader.Loaded l = load("w.txt", "a b 1d\nc d 0x1p3\ne f 2F\ng h 1e2\ni j .5\nk l NAN\n");
        assertEquals(new RowCounts(6, 2, 4), l.rows());
        assertEquals(List.of("g>h:100.0", "i>j:0.5"), arcs(l.graph()));
        assertRejected(0, 1, "weight: not a number '1d'");
        assertRejected(1, 2, "weight: not a number '0x1p3'");
        assertRejected(2, 3, "weight: not a number '2F'");
        assertRejected(3, 6, "weight: NaN");
    }

    @Test
    void semicolonCsvFromSpreadsheets() {
        GraphLoader.Loaded l = load("export.txt", "Source;Target;Weight\r\n\"a;b\";c;2,5\r\nd;e;1\r\n");
        assertEquals(Format.CSV, l.format());
        assertEquals(new RowCounts(2, 1, 1), l.rows());
        assertRejected(0, 2, "weight: not a number '2,5'");
        assertEquals(List.of("d>e:1.0"), arcs(l.graph()));
    }

    @Test
    void csvBadRows() {
        String text = "source,target,weight,type,timestamp\n"
                + "a,b,1,reply,2024-01-01T10:00:00Z\n"
                + "a,,1,reply,2024-01-01\n"          // 3 empty target
                + "a,c\n"                            // 4 missing fields
                + "a,c,1,reply,2024-13-45\n"         // 5 bad timestamp
                + "a,c,1,poke,2024-01-01\n"          // 6 unknown type
                + "source,target,weight,type,timestamp\n" // 7 repeated header
                + "a,\"c,1,reply,2024-01-01\n"       // 8 unterminated quote: only this line is lost
                + "b,a,1,reply,1704103200\n";
        GraphLoader.Loaded l = load("in.csv", text.getBytes(StandardCharsets.UTF_8), IngestOptions.defaults().withMaxLineLength(64));
        assertEquals(l.rows().read(), l.rows().loaded() + l.rows().rejected());
        assertRejected(0, 3, "missing field 'target'");
        assertRejected(1, 4, "missing field");
        assertRejected(2, 5, "timestamp");
        assertRejected(3, 6, "type: unknown 'poke'");
        assertRejected(4, 7, "repeated header");
        assertRejected(5, 8, "unterminated quoted field");
        assertEquals(new RowCounts(8, 2, 6), l.rows());
        assertEquals(List.of("a>b:1.0", "b>a:1.0"), arcs(l.graph()));
        assertEquals(1_704_103_200L, l.graph().firstTime(0));
    }

    /** A stray quote must not swallow the good rows after it (they are read again as rows of their own). */
    @Test
    void strayQuoteLosesOnlyItsLine() {
        StringBuilder text = new StringBuilder("source,target\n\"a,b\n");
        for (int i = 1; i <= 2000; i++) text.append('x').append(i).append(",y").append(i).append('\n');
        GraphLoader.Loaded l = load("q.csv", text.toString());
        assertEquals(new RowCounts(2001, 2000, 1), l.rows());
        assertRejected(0, 2, "unterminated quoted field");
        assertEquals(2000, l.graph().edgeCount());
        assertTrue(l.graph().arc(l.graph().ids().index("x2000"), l.graph().ids().index("y2000")) >= 0);
    }

    @Test
    void csvHeaderProblemsAreInputErrors() {
        InputException dup = assertThrows(InputException.class, () -> load("d.csv", "source,target,source\na,b,c\n"));
        assertTrue(dup.getMessage().contains("line 1") && dup.getMessage().contains("twice"), dup.getMessage());
        InputException none = assertThrows(InputException.class, () -> load("n.csv", "from_user,to_user\na,b\n"));
        assertTrue(none.getMessage().contains("must name source and target"), none.getMessage());
    }

    @Test
    void jsonlRowsAndBadRows() {
        String text = "{\"source\":\"a\",\"target\":\"b\",\"weight\":2,\"type\":\"retweet\",\"timestamp\":\"2012-07-01T00:02:52Z\"}\n"
                + "{\"source\":1,\"target\":2,\"extra\":{\"nested\":[1,2]}}\n"
                + "{\"source\":\"a\"}\n"          // 3 missing target
                + "{\"source\":\"a\",\"target\":\"c\",\"weight\":-1}\n" // 4
                + "not json\n"                    // 5
                + "{\"source\":\"a\",\"target\":\"c\"} trailing\n" // 6
                + "\n"
                + "[1,2]\n";                      // 8
        GraphLoader.Loaded l = load("x.jsonl", text);
        assertEquals(Format.JSONL, l.format());
        assertEquals(new RowCounts(7, 2, 5), l.rows());
        assertRejected(0, 3, "missing field 'target'");
        assertRejected(1, 4, "weight: negative");
        assertRejected(2, 5, "invalid JSON");
        assertRejected(3, 6, "text after the object");
        assertRejected(4, 8, "not a JSON object");
        assertEquals(List.of("a>b:2.0", "1>2:1.0"), arcs(l.graph()));
        assertEquals(1_341_100_972L, l.graph().firstTime(0));
    }

    @Test
    void tooManyRejectsIsAnInputErrorNamingTheFirst() {
        String text = "a b\nc\nd\ne\n";
        InputException ex = assertThrows(InputException.class,
                () -> load("x.txt", text.getBytes(StandardCharsets.UTF_8), IngestOptions.defaults().withMaxRejects(2)));
        assertTrue(ex.getMessage().contains("more than 2 rejected rows") && ex.getMessage().contains("line 2"), ex.getMessage());
    }

    @Test
    void missingFileNamesThePath() {
        InputException ex = assertThrows(InputException.class, () -> InputSource.open("no/such/file.txt"));
        assertEquals("no/such/file.txt: no such file", ex.getMessage());
    }

    @Test
    void gzipIsDetectedByContentAndMatchesPlainText() throws IOException {
        byte[] text = "# c\n1 2 3\n2 3 1\n3 1 2\n".getBytes(StandardCharsets.UTF_8);
        InteractionGraph plain = load("e.txt", text, IngestOptions.defaults()).graph();
        InteractionGraph zipped = load("e.bin", gzip(text), IngestOptions.defaults()).graph();
        assertEquals(arcs(plain), arcs(zipped));
    }

    /** A pipe reports nothing available between gzip members; the second member must still be read. */
    @Test
    void multiMemberGzipFromAPipe() throws IOException {
        byte[] both = concat(gzip("a b\nb c\n".getBytes(StandardCharsets.UTF_8)), gzip("c d\nd e\n".getBytes(StandardCharsets.UTF_8)));
        java.io.InputStream pipe = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(both)) {
            @Override
            public int available() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7)); // trickles in, like a pipe
            }
        };
        rejected.clear();
        GraphLoader.Loaded l = GraphLoader.load(InputSource.of("-", pipe), IngestOptions.defaults(), rejected::add, Progress.NONE);
        assertEquals(new RowCounts(4, 4, 0), l.rows());
        assertEquals(5, l.graph().nodeCount());
    }

    /** One-letter aliases (u, v, w) are common node names: a first row "u v" is data, not a header. */
    @Test
    void oneLetterNamesAreNotAHeader() {
        GraphLoader.Loaded l = load("uv.txt", "u v\na b\n");
        assertEquals(new RowCounts(2, 2, 0), l.rows());
        assertEquals(List.of("u>v:1.0", "a>b:1.0"), arcs(l.graph()));
        GraphLoader.Loaded tab = load("uv.txt", "u\tv\nv\tw\n");
        assertEquals(Format.SNAP, tab.format());
        assertEquals(3, tab.graph().nodeCount());
    }

    @Test
    void snapHeaderLineNamesTheColumns() {
        GraphLoader.Loaded l = load("h.txt", "target source weight\nb a 2\n");
        assertEquals(new RowCounts(1, 1, 0), l.rows());
        assertEquals(List.of("a>b:2.0"), arcs(l.graph()));
    }

    @Test
    void timestampsInEveryAcceptedForm() {
        Fields f = new Fields();
        assertEquals(1_341_100_972L, f.timestamp("1341100972"));
        assertEquals(1_341_100_972L, f.timestamp("1341100972.75"));
        assertEquals(1_341_100_972L, f.timestamp("2012-07-01T00:02:52Z"));
        assertEquals(1_341_100_972L, f.timestamp("2012-07-01 00:02:52"));
        assertEquals(1_341_100_972L, f.timestamp("2012-07-01T02:02:52+02:00"));
        assertEquals(1_341_100_800L, f.timestamp("2012-07-01"));
        f.timestamp("2012-07-01T25:00:00");
        assertTrue(f.error.startsWith("timestamp"));
    }

    @Test
    void sameInputSameGraph() {
        String text = "z y 1\nb a 2\ny z 3\na c 1\nb a 1\n";
        InteractionGraph g1 = load("x.txt", text).graph();
        InteractionGraph g2 = load("x.txt", text).graph();
        assertEquals(arcs(g1), arcs(g2));
        for (int u = 0; u < g1.nodeCount(); u++) assertEquals(g1.ids().id(u), g2.ids().id(u));
        assertEquals(List.of("z", "y", "b", "a", "c"), List.of(g1.ids().id(0), g1.ids().id(1), g1.ids().id(2), g1.ids().id(3), g1.ids().id(4)));
        assertArrayEquals(g1.out().offsets(), g2.out().offsets());
        assertArrayEquals(g1.in().neighbors(), g2.in().neighbors());
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(b);
        }
        return bos.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        for (byte[] p : parts) bos.writeBytes(p);
        return bos.toByteArray();
    }
}
