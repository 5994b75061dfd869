package dev.chorus.ingest;

/**
 * How many rows an input had: {@code read == loaded + rejected} always holds. {@code filtered} counts the rows
 * that parsed but lie outside {@code --layer}/{@code --platform} ({@link RowFilter}); they are not in
 * {@code read}, as they would not be in a file holding only the kept rows.
 */
public record RowCounts(long read, long loaded, long rejected, long filtered) {
    public RowCounts {
        if (read != loaded + rejected) {
            throw new IllegalArgumentException("read " + read + " != loaded " + loaded + " + rejected " + rejected);
        }
        if (filtered < 0) throw new IllegalArgumentException("filtered must be >= 0, got " + filtered);
    }

    /** Counts of an unfiltered read. */
    public RowCounts(long read, long loaded, long rejected) {
        this(read, loaded, rejected, 0);
    }

    /**
     * Rows were read and every one was rejected: binary data, or a file read with the wrong {@code --format} or
     * {@code --columns}. An input without rows (an empty file, a header only) is not that: it is an empty graph.
     */
    public boolean allRejected() {
        return loaded == 0 && rejected > 0;
    }

    /** The input error for {@link #allRejected()}: "INPUT: no row could be read: N rejected" and {@code detail}. */
    public InputException noRowRead(String input, String detail) {
        return new InputException(input + ": no row could be read: " + rejected + " rejected" + detail);
    }
}
