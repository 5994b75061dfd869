package dev.chorus.neo4j;

import dev.chorus.output.Json;
import dev.chorus.output.CsvOut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;

/**
 * Runs a {@code .cypher} file with parameters ({@code chorus neo4j query}): its statements in order, each in
 * its own auto-commit transaction (GDS procedures and {@code CALL ... IN TRANSACTIONS} need one), with the
 * same parameter map; the result is the records of the last statement. Values never enter the Cypher text.
 */
public final class QueryRunner {
    private QueryRunner() {
    }

    /** The last statement's column names (known even when it returned no record) and records. */
    public record Result(List<String> columns, List<Record> records) {
    }

    public static Result run(Neo4jClient client, CypherFile file, Map<String, Object> params) {
        Result last = null;
        for (int i = 0; i < file.statements().size(); i++) {
            String s = file.statements().get(i);
            try {
                last = client.autoCommit(s, params, r -> new Result(r.keys(), r.list()));
            } catch (BackendException e) {
                throw new BackendException(file.name() + ", statement " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return last;
    }

    /**
     * A command-line parameter value: JSON literals (numbers, true/false, null, "quoted strings", [lists],
     * {maps}) become those values; anything else is the string as written.
     */
    public static Object parameter(String text) {
        String t = text.strip();
        if (t.isEmpty()) return text;
        char c = t.charAt(0);
        boolean jsonish = c == '"' || c == '[' || c == '{' || c == '-' || Character.isDigit(c) || t.equals("true")
                || t.equals("false") || t.equals("null");
        if (!jsonish) return text;
        try {
            Object v = Json.mapper().readValue(t, Object.class);
            return v instanceof Integer i ? (Object) i.longValue() : v;
        } catch (IOException e) {
            return text;
        }
    }

    /** Plain Java value of a result field: nodes and relationships as their property maps. */
    static Object plain(Value v) {
        Object o = v.asObject();
        return plainObject(o);
    }

    private static Object plainObject(Object o) {
        if (o instanceof Entity e) return plainObject(e.asMap());
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plainObject(x)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(plainObject(x));
            return out;
        }
        if (o instanceof java.time.temporal.TemporalAccessor) return o.toString();
        return o;
    }

    /** CSV: header of the columns; lists joined by ';', maps as JSON, null empty, RFC 4180 quoting. */
    public static void writeCsv(List<Record> records, List<String> columns, Writer w) {

        try {
            w.write(String.join(",", columns.stream().map(CsvOut::field).toList()) + "\n");
            StringBuilder line = new StringBuilder();
            for (Record r : records) {
                line.setLength(0);
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) line.append(',');
                    Object v = plain(r.get(columns.get(i)));
                    String s;
                    if (v == null) s = "";
                    else if (v instanceof List<?> l) s = String.join(";", l.stream().map(String::valueOf).toList());
                    else if (v instanceof Map<?, ?>) s = Json.compact().writeValueAsString(v);
                    else s = String.valueOf(v);
                    line.append(CsvOut.field(s));
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write query result: " + e.getMessage(), e);
        }
    }

    /** JSON: an array of objects, keys in column order. */
    public static void writeJson(List<Record> records, List<String> columns, Writer w) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (Record r : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String c : columns) m.put(c, plain(r.get(c)));
            rows.add(m);
        }
        try {
            w.write(Json.pretty(rows));
            w.write('\n');
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write query result: " + e.getMessage(), e);
        }
    }
}
