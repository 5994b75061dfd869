package dev.chorus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.progress.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readers stream: a child JVM with a 32 MiB heap reads ~200 MB of rows from stdin into a counting sink. If any
 * reader kept text, lines or rows, the child would run out of memory long before the end.
 */
class StreamingMemoryTest {
    static final int ROWS = 4_000_000;

    /** Child entry point: reads stdin in the given format and prints loaded/rejected. */
    public static void main(String[] args) {
        long[] count = new long[1];
        RowAccounting rows = new RowAccounting("-", 0, r -> { });
        try (InputSource in = InputSource.open("-")) {
            Ingest.read(in, IngestOptions.defaults().withFormat(Format.parse(args[0])), row -> count[0]++, rows, Progress.NONE);
        }
        System.out.println(rows.counts().loaded() + " " + rows.counts().rejected() + " " + count[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"snap", "csv", "jsonl"})
    void readsFarMoreTextThanTheHeapHolds(String format) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                StreamingMemoryTest.class.getName(), format).redirectErrorStream(true).start();
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
            if (format.equals("csv")) out.write("source,target,weight,type,timestamp\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < ROWS; i++) out.write(row(format, i).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException childDied) {
            // the child's exit status and output below say why
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), output);
        assertEquals(List.of(ROWS + " 0 " + ROWS), List.of(output));
    }

    private static String row(String format, int i) {
        int s = i % 1_000_003;
        int t = (i * 7) % 999_983;
        return switch (format) {
            case "snap" -> "user" + s + " user" + t + " " + (1_341_100_000 + i) + " RT\n";
            case "csv" -> "user" + s + ",\"user " + t + "\",2,reply," + (1_341_100_000 + i) + "\n";
            default -> "{\"source\":\"user" + s + "\",\"target\":\"user" + t + "\",\"type\":\"MT\",\"timestamp\":" + (1_341_100_000 + i) + "}\n";
        };
    }
}
