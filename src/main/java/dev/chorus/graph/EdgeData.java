package dev.chorus.graph;

import dev.chorus.ingest.InteractionType;

/**
 * Per-arc interaction attributes, parallel to the out-adjacency: counts per interaction type (only for types
 * present in the input, row-major {@code arc * types.length + column}) and first/last time. Arrays are
 * {@code null} when the input had no types or no times, so plain edge lists pay nothing for them.
 */
record EdgeData(InteractionType[] types, int[] typeCounts, long[] firstTime, long[] lastTime) {

    /** The attributes of the arcs listed in {@code from}, in that order. */
    EdgeData select(int[] from) {
        int nt = types.length;
        int[] counts = typeCounts == null ? null : new int[from.length * nt];
        long[] first = firstTime == null ? null : new long[from.length];
        long[] last = lastTime == null ? null : new long[from.length];
        for (int i = 0; i < from.length; i++) {
            int e = from[i];
            if (counts != null) System.arraycopy(typeCounts, e * nt, counts, i * nt, nt);
            if (first != null) {
                first[i] = firstTime[e];
                last[i] = lastTime[e];
            }
        }
        return new EdgeData(types, counts, first, last);
    }

    long memoryBytes() {
        long b = 0;
        if (typeCounts != null) b += 4L * typeCounts.length;
        if (firstTime != null) b += 16L * firstTime.length;
        return b;
    }
}
