package dev.chorus.ingest;

/** How many rows an input had: {@code read == loaded + rejected} always holds. */
public record RowCounts(long read, long loaded, long rejected) {
    public RowCounts {
        if (read != loaded + rejected) {
            throw new IllegalArgumentException("read " + read + " != loaded " + loaded + " + rejected " + rejected);
        }
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
