package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The out-of-heap advice against the two runs the issue measured (issue 20) and its one-line shape. */
class HeapAdviceTest {
    @Test
    void estimateMatchesTheMeasuredRuns() {
        // 10M generated rows: analyze finished with -Xmx4g; 50M rows: with -Xmx16g at a peak RSS of 13.0 GB
        assertEquals(4, HeapAdvice.gibFor(995_076, 9_440_611));
        long fifty = HeapAdvice.gibFor(4_973_425, 47_541_775);
        assertTrue(fifty > 13 && fifty <= 16, "50M rows: " + fifty);
        assertEquals(1, HeapAdvice.gibFor(34, 78), "a small graph needs the smallest setting");
    }

    @Test
    void oneLineWithTheGraphAndTheSetting() {
        HeapAdvice.loaded(995_076, 9_440_611);
        String m = HeapAdvice.message(2L << 30);
        assertEquals(1, m.lines().count());
        assertTrue(m.contains("995,076 nodes and 9,440,611 edges") && m.contains("max heap 2,048 MiB") && m.contains("-Xmx4g"), m);
    }

    @Test
    void findsTheErrorInsideWrappers() {
        assertTrue(HeapAdvice.outOfMemory(new ExecutionException(new RuntimeException(new OutOfMemoryError("Java heap space")))));
        assertFalse(HeapAdvice.outOfMemory(new ExecutionException(new IllegalStateException("x"))));
    }
}
