package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.RejectedRow;
import dev.chorus.progress.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken inputs (the kinds of BadInputTest) read by Spark give the embedded reader's accounting: rows read,
 * loaded, rejected, and every rejected row's line, reason and text; and the same weighted edges.
 */
class SparkRowAccountingTest {
    @TempDir
    Path dir;

    private void assertSameAsEmbedded(String name, byte[] content, IngestOptions options) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        List<RejectedRow> embeddedRejected = new ArrayList<>();
        GraphLoader.Loaded e = GraphLoader.load(file.toString(), options, embeddedRejected::add, Progress.NONE);
        SparkInput.Result s = SparkInput.read(SparkTestContext.get(), file.toString(), SparkInput.Options.of(options), 2);
        SparkInput.Accounting acc = s.read().get();
        assertEquals(e.rows(), acc.rows(), name);
        assertTrue(e.rows().rejected() > 0, name + ": the sample must have rejected rows");
        assertEquals(embeddedRejected, acc.rejected(), name);
        assertEquals(arcs(e.graph()), new TreeMap<>(s.edges().mapToPair(x -> new scala.Tuple2<>(x._1()._1() + ">" + x._1()._2(), x._2())).collectAsMap()), name);
    }

    private static Map<String, Double> arcs(InteractionGraph g) {
        Map<String, Double> m = new TreeMap<>();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int i = g.out().start(u); i < g.out().end(u); i++) {
                int v = g.out().neighbor(i);
                if (!g.isDirected() && g.ids().id(u).compareTo(g.ids().id(v)) > 0) continue;
                m.merge(g.ids().id(u) + ">" + g.ids().id(v), g.out().weight(i), Double::sum);
            }
        }
        return m;
    }

    @Test
    void snapBadRows() throws IOException {
        String text = "# comment\na b 1\nc\nd e x\nf g NaN\nh i -2\nj k Infinity\nl m 2.5\nn o 1 extra\nb a 3\n\n";
        assertSameAsEmbedded("x.txt", text.getBytes(StandardCharsets.UTF_8), IngestOptions.defaults());
    }

    @Test
    void interactionFormAndBinaryGarbageAndOverlongLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("1 2 1341100972 RT\n1 3 1341100973 XX\n2 3 yesterday MT\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {0x00, 0x01, (byte) 0xff, ' ', 'x', '\n', 'c', ' ', (byte) 0xc3, (byte) 0x28, '\n'});
        b.writeBytes(("9 " + "x".repeat(3000) + " 1 RT\n3 1 1341100999 re\r\n").getBytes(StandardCharsets.UTF_8));
        assertSameAsEmbedded("activity.txt", b.toByteArray(), IngestOptions.defaults().withMaxLineLength(1000));
    }

    @Test
    void csvBadRowsQuotesAndRepeatedHeader() throws IOException {
        String text = "\uFEFFsource,target,weight,type,timestamp\r\n"
                + "a,b,1,reply,2024-01-01T10:00:00Z\n"
                + "a,,1,reply,2024-01-01\n"
                + "a,c\n"
                + "a,c,1,reply,2024-13-45\n"
                + "a,c,1,poke,2024-01-01\n"
                + "source,target,weight,type,timestamp\n"
                + "\"x,\ny\",z,2,,\n"
                + "a,\"c,1,reply,2024-01-01\n"
                + "b,a,1,reply,1704103200\n";
        assertSameAsEmbedded("in.csv", text.getBytes(StandardCharsets.UTF_8), IngestOptions.defaults().withMaxLineLength(64));
    }

    @Test
    void jsonlBadRowsUndirected() throws IOException {
        String text = "{\"source\":\"a\",\"target\":\"b\",\"weight\":2}\n{\"source\":1,\"target\":2,\"extra\":{\"n\":[1]}}\n"
                + "{\"source\":\"a\"}\n{\"source\":\"a\",\"target\":\"c\",\"weight\":-1}\nnot json\n"
                + "{\"source\":\"b\",\"target\":\"a\"} trailing\n\n[1,2]\n{\"source\":\"b\",\"target\":\"a\",\"weight\":0.5}\n";
        assertSameAsEmbedded("x.jsonl", text.getBytes(StandardCharsets.UTF_8), IngestOptions.defaults().withDirected(false));
    }

    @Test
    void truncatedGzipKeepsRowsBeforeTheCut() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) sb.append(i).append(' ').append(i + 1).append('\n');
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(raw)) {
            gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = Arrays.copyOf(raw.toByteArray(), raw.size() / 2);
        assertSameAsEmbedded("edges.txt.gz", cut, IngestOptions.defaults());
    }

    @Test
    void tooManyRejectsIsTheSameInputError() throws IOException {
        Path file = dir.resolve("x.txt");
        Files.writeString(file, "a b\nc\nd\ne\n");
        IngestOptions options = IngestOptions.defaults().withMaxRejects(2);
        InputException e = assertThrows(InputException.class, () -> GraphLoader.load(file.toString(), options));
        SparkInput.Result s = SparkInput.read(SparkTestContext.get(), file.toString(), SparkInput.Options.of(options), 2);
        InputException sp = assertThrows(InputException.class, () -> s.read().get());
        assertEquals(e.getMessage(), sp.getMessage());
    }
}
