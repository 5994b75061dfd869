package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.progress.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the bar on stderr says when a task ends. */
class CliProgressTest {
    private static String run(long total, long done, Long corrected) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress.Task task = new CliProgress(out).begin("ic worlds", total, "runs")) {
            task.stepTo(done);
            if (corrected != null) task.total(corrected);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void finishedTaskShowsItsTotal() {
        String shown = run(100, 40, null);
        assertTrue(shown.contains("100/100 runs"), shown);
    }

    @Test
    void taskStoppedEarlyShowsWhatWasDone() {
        String shown = run(100, 25, 25L);
        assertTrue(shown.contains("25/25 runs"), shown);
        assertFalse(shown.contains("100/100"), shown);
    }
}
