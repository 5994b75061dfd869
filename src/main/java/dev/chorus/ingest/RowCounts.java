package dev.chorus.ingest;

/** How many rows an input had: {@code read == loaded + rejected} always holds. */
public record RowCounts(long read, long loaded, long rejected) {
    public RowCounts {
        if (read != loaded + rejected) {
            throw new IllegalArgumentException("read " + read + " != loaded " + loaded + " + rejected " + rejected);
        }
    }
}
