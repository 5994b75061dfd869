package dev.chorus.analysis;

import dev.chorus.ingest.RowCounts;

/**
 * Where the analysed graph came from, for the report's provenance.
 *
 * @param input  the INPUT as given (a path, or {@code -})
 * @param format the reader used ({@code snap}, {@code csv}, ...)
 * @param rows   read = loaded + rejected
 */
public record Source(String input, String format, RowCounts rows) {
}
