package dev.chorus.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON Lines: one object per line with {@code source}, {@code target} and optional {@code weight}, {@code type},
 * {@code timestamp} (names and aliases as in {@link Column}); other fields, nested or not, are skipped.
 * Each line goes through Jackson's streaming parser, so no tree is built and memory stays flat.
 * Ids may be JSON strings or numbers; {@code timestamp} epoch seconds or an ISO-8601 string.
 */
public final class JsonlReader implements InteractionReader {
    private static final int PROGRESS_EVERY = 1 << 14;
    private final JsonFactory factory = new JsonFactory();

    @Override
    public void read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
                     Progress.Task progress) throws IOException {
        LineReader lines = new LineReader(in, options.maxLineLength());
        Interaction row = new Interaction();
        Fields fields = new Fields();
        while (lines.next()) {
            long n = lines.number;
            if ((n & (PROGRESS_EVERY - 1)) == 0) progress.stepTo(in.bytesRead());
            if (n <= options.skipLines()) continue;
            if (lines.overlong) {
                rows.reject(n, "line longer than " + options.maxLineLength() + " bytes", lines.line, lines.start, lines.end);
                continue;
            }
            byte[] b = lines.line;
            int s = lines.start;
            int e = lines.end;
            while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
            if (s == e) continue;
            String problem = Fields.binaryProblem(b, s, e);
            if (problem == null) problem = parse(b, s, e, row, fields);
            if (problem != null) {
                rows.reject(n, problem, b, s, e);
            } else {
                row.line = n;
                rows.pass(row, sink);
            }
        }
        if (lines.failure() != null) rows.reject(lines.number + 1, lines.failure(), lines.failureText());
        progress.stepTo(in.bytesRead());
    }

    private String parse(byte[] b, int s, int e, Interaction row, Fields fields) throws IOException {
        row.reset();
        String source = null;
        String target = null;
        try (JsonParser p = factory.createParser(b, s, e - s)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return "not a JSON object";
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                Column c = Column.named(name);
                if (c == null || c == Column.IGNORE || v == JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    continue;
                }
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    return "field '" + name + "': expected a string or number, found " + (v == JsonToken.START_OBJECT ? "an object" : "an array");
                }
                String text = p.getText();
                switch (c) {
                    case SOURCE -> source = text;
                    case TARGET -> target = text;
                    case WEIGHT -> {
                        row.weight = fields.weight(text);
                        if (fields.error != null) return fields.error;
                    }
                    case TYPE -> {
                        row.type = fields.type(text);
                        if (fields.error != null) return fields.error;
                    }
                    case TIMESTAMP -> {
                        row.timestamp = fields.timestamp(text);
                        if (fields.error != null) return fields.error;
                    }
                    case PLATFORM -> row.platform = text.isEmpty() ? null : text;
                    default -> {
                    }
                }
            }
            if (t != JsonToken.END_OBJECT) return "invalid JSON: unexpected " + t;
            try {
                if (p.nextToken() != null) return "invalid JSON: text after the object";
            } catch (JsonProcessingException trailing) {
                return "invalid JSON: text after the object";
            }
        } catch (JsonProcessingException ex) {
            return "invalid JSON: " + ex.getOriginalMessage();
        }
        if (source == null || source.isBlank()) return "missing field 'source'";
        if (target == null || target.isBlank()) return "missing field 'target'";
        byte[] sb = source.getBytes(StandardCharsets.UTF_8);
        byte[] tb = target.getBytes(StandardCharsets.UTF_8);
        row.source(sb, 0, sb.length);
        row.target(tb, 0, tb.length);
        return null;
    }
}
