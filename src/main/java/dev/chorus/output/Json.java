package dev.chorus.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of Chorus: every JSON it prints or writes ({@code report.json}, the commands'
 * summaries, the Neo4j checkpoint and query results) goes through {@link #MAPPER}, indented, key order as given.
 * An {@link ObjectMapper} is thread-safe once configured, so one instance serves all.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** One line, for JSON inside a CSV cell. */
    public static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Indented JSON text of {@code value} (maps, lists, records, Jackson trees). */
    public static String pretty(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
