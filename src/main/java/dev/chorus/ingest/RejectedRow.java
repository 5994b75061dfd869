package dev.chorus.ingest;

/** A row that could not be loaded: where it was, why, and what it said (sanitized, possibly shortened). */
public record RejectedRow(String source, long line, String reason, String text) {
}
