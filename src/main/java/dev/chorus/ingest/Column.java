package dev.chorus.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** What a column of a row means. Header names and {@code --columns} entries map onto these. */
public enum Column {
    SOURCE("source", "src", "from", "user", "actor", "sender", "source_id", "u"),
    TARGET("target", "dst", "to", "receiver", "target_id", "recipient", "v"),
    WEIGHT("weight", "w", "count", "value"),
    TYPE("type", "interaction", "kind", "interaction_type", "action"),
    TIMESTAMP("timestamp", "time", "ts", "date", "datetime", "created_at", "unix_timestamp"),
    /** Where the row was exported from, when data of several platforms is read together. */
    PLATFORM("platform", "network", "site"),
    /** A column that is read past (kept nowhere). */
    IGNORE("ignore", "_", "-");

    private final String[] names;

    Column(String... names) {
        this.names = names;
    }

    public String canonical() {
        return names[0];
    }

    /** The column a header cell or {@code --columns} entry names, or {@code null}. */
    public static Column named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Column c : values()) {
            for (String alias : c.names) if (alias.equals(n)) return c;
        }
        return null;
    }

    /**
     * The column a cell names when it may also be data: as {@link #named} but never for one-letter aliases
     * ({@code u}, {@code v}, {@code w}), which are common node names. Used to tell a header line from a row.
     */
    public static Column namedInHeader(String name) {
        return name.trim().length() < 2 ? null : named(name);
    }

    /**
     * Parses a {@code --columns} value such as {@code source,target,timestamp}.
     *
     * @throws IllegalArgumentException on an unknown name, a repeated name, or no source/target
     */
    public static List<Column> parseList(String spec) {
        List<Column> cols = new ArrayList<>();
        EnumSet<Column> seen = EnumSet.noneOf(Column.class);
        for (String part : spec.split(",")) {
            Column c = named(part);
            if (c == null) {
                throw new IllegalArgumentException("--columns: unknown column '" + part.trim()
                        + "' (use source, target, weight, type, timestamp, platform, ignore)");
            }
            if (c != IGNORE && !seen.add(c)) throw new IllegalArgumentException("--columns: '" + c.canonical() + "' given twice");
            cols.add(c);
        }
        if (!seen.contains(SOURCE) || !seen.contains(TARGET)) {
            throw new IllegalArgumentException("--columns must name source and target, got '" + spec + "'");
        }
        return List.copyOf(cols);
    }
}
