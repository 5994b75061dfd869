package dev.chorus.ingest;

import java.nio.charset.StandardCharsets;

/**
 * One parsed row: "source acted on target's content". Readers reuse a single instance per stream so that
 * parsing allocates nothing per row; a sink must copy what it keeps before returning.
 * Ids are UTF-8 byte slices because the id dictionary hashes bytes directly (no String per token).
 */
public final class Interaction {
    /** Marks a row without timestamp. */
    public static final long NO_TIME = Long.MIN_VALUE;

    byte[] sourceBytes;
    int sourceOffset;
    int sourceLength;
    byte[] targetBytes;
    int targetOffset;
    int targetLength;
    double weight = 1.0;
    InteractionType type;
    long timestamp = NO_TIME;
    String platform;
    long line;

    void source(byte[] bytes, int offset, int length) {
        sourceBytes = bytes;
        sourceOffset = offset;
        sourceLength = length;
    }

    void target(byte[] bytes, int offset, int length) {
        targetBytes = bytes;
        targetOffset = offset;
        targetLength = length;
    }

    void reset() {
        weight = 1.0;
        type = null;
        timestamp = NO_TIME;
        platform = null;
    }

    public byte[] sourceBytes() { return sourceBytes; }
    public int sourceOffset() { return sourceOffset; }
    public int sourceLength() { return sourceLength; }
    public byte[] targetBytes() { return targetBytes; }
    public int targetOffset() { return targetOffset; }
    public int targetLength() { return targetLength; }

    public String source() {
        return new String(sourceBytes, sourceOffset, sourceLength, StandardCharsets.UTF_8);
    }

    public String target() {
        return new String(targetBytes, targetOffset, targetLength, StandardCharsets.UTF_8);
    }

    /** Non-negative, finite; 1 when the input has no weight. */
    public double weight() { return weight; }

    /** The interaction kind, or {@code null} when the input has none. */
    public InteractionType type() { return type; }

    /** Epoch seconds, or {@link #NO_TIME}. */
    public long timestamp() { return timestamp; }

    /** The platform the row came from (column {@code platform}, {@code network} or {@code site}), or {@code null}. */
    public String platform() { return platform; }

    /**
     * Parses a time as the readers do (epoch seconds, or ISO-8601: a date, a local date-time taken as UTC, or
     * with an offset), for options such as {@code --split}.
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static long parseTime(String text) {
        Fields f = new Fields();
        long t = f.timestamp(text);
        if (f.error != null) throw new IllegalArgumentException(f.error);
        return t;
    }

    /** 1-based line (or record) number in the input, for messages. */
    public long line() { return line; }
}
