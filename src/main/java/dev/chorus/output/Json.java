package dev.chorus.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * The one JSON configuration of Chorus: every JSON it prints or writes ({@code report.json}, the commands'
 * summaries, the Neo4j checkpoint and query results) goes through {@link #mapper()}, indented, key order as given.
 * An {@link ObjectMapper} is thread-safe once configured, so one instance serves all. Doubles are written as
 * {@link Decimal} writes them (Jackson's {@link StreamWriteFeature#USE_FAST_DOUBLE_WRITER} is the same Schubfach).
 * <p>
 * Plain values (maps with string keys, collections, strings, boxed primitives, null) are written by Jackson's
 * streaming generator with the same pretty printer, giving the same text without the mapper: building it and its
 * serializers costs a short command (a summary after {@code communities}) about 0.15 s of CPU.
 */
public final class Json {
    private Json() {
    }

    /** Built on first use (see the class comment). */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY).enable(SerializationFeature.INDENT_OUTPUT);
        static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    /** Shared: a JsonFactory is thread-safe once built, and building one per summary costs for nothing. */
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** The mapper: indented output. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** One line, for JSON inside a CSV cell. */
    public static ObjectWriter compact() {
        return Holder.COMPACT;
    }

    /** Indented JSON text of {@code value} (maps, lists, records, Jackson trees). */
    public static String pretty(Object value) {
        try {
            if (!plain(value)) return mapper().writeValueAsString(value);
            StringWriter text = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(text)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                write(g, value);
            }
            return text.toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
    }

    /** Whether {@code value} holds only what {@link #write} writes as the mapper would. */
    private static boolean plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float || value instanceof Short
                || value instanceof Byte) {
            return true;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !plain(e.getValue())) return false;
            }
            return true;
        }
        if (value instanceof Collection<?> c) {
            for (Object o : c) if (!plain(o)) return false;
            return true;
        }
        return false;
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) g.writeNull();
        else if (value instanceof String s) g.writeString(s);
        else if (value instanceof Boolean b) g.writeBoolean(b);
        else if (value instanceof Integer || value instanceof Short || value instanceof Byte) g.writeNumber(((Number) value).intValue());
        else if (value instanceof Long l) g.writeNumber(l);
        else if (value instanceof Double d) g.writeNumber(d);
        else if (value instanceof Float f) g.writeNumber(f);
        else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object o : (Collection<?>) value) write(g, o);
            g.writeEndArray();
        }
    }
}
