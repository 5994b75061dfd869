package dev.chorus.cli;

import java.util.Locale;

/**
 * The one line {@code chorus} prints when the JVM runs out of heap: the size of the graph being worked on (once it
 * is loaded) and the {@code -Xmx} a whole {@code analyze} of that graph needs, estimated as
 * {@code 512 MiB + 1 KiB per node + 224 bytes per edge}, rounded up to whole GiB. The rates cover the graph
 * (28 bytes per arc both ways, 16 per arc of timestamps, ids, the README's Memory section), the per-node columns
 * of every step, betweenness's per-thread batches (up to 512 MB per thread) and the headroom the collector needs;
 * they were fitted to two measured runs: 10M generated rows (995,076 nodes, 9,440,611 edges) finish with
 * {@code -Xmx4g} (estimate 3.4 GiB, so 4g), and 50M rows (4,973,425 nodes, 47,541,775 edges) with {@code -Xmx16g}
 * (peak RSS 13.0 GB; estimate 15.2 GiB, so 16g).
 */
final class HeapAdvice {
    /** The graph the running command loaded, -1 before that. */
    private static volatile long nodes = -1;
    private static volatile long edges = -1;

    private HeapAdvice() {
    }

    static void loaded(long nodeCount, long edgeCount) {
        nodes = nodeCount;
        edges = edgeCount;
    }

    /** {@code -Xmx} in whole GiB that {@code analyze} needs on a graph of this size. */
    static long gibFor(long nodeCount, long edgeCount) {
        double bytes = 512.0 * (1 << 20) + 1024.0 * nodeCount + 224.0 * edgeCount;
        return (long) Math.ceil(bytes / (1L << 30));
    }

    static String message(long maxHeapBytes) {
        long mib = maxHeapBytes >> 20;
        if (nodes < 0) {
            return String.format(Locale.ROOT, "chorus: out of memory while loading the input (max heap %,d MiB); a graph needs about 1 KiB "
                    + "per person and 224 bytes per edge: give the JVM more, e.g. JAVA_OPTS=-Xmx%dg ./chorus ...", mib, 2 * Math.max(1, (mib + 1023) / 1024));
        }
        long need = gibFor(nodes, edges);
        return String.format(Locale.ROOT, "chorus: out of memory on a graph of %,d nodes and %,d edges (max heap %,d MiB); this graph needs "
                + "about -Xmx%dg: JAVA_OPTS=-Xmx%dg ./chorus ...", nodes, edges, mib, need, need);
    }

    /** Whether {@code t} is, or was caused by, running out of heap (pools and futures wrap it). */
    static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) return true;
            if (c.getCause() == c) break;
        }
        return false;
    }
}
