package dev.chorus.ingest;

import java.util.List;

/**
 * Turns the fields of one row into an {@link Interaction} following a column layout. Shared by the
 * whitespace (snap) and delimited (csv/tsv) readers, which differ only in how they split a line into fields.
 */
final class RowParser {
    private final Column[] layout;
    private final Fields fields = new Fields();
    private final String layoutText;
    private final int required;

    RowParser(List<Column> layout) {
        this.layout = layout.toArray(new Column[0]);
        this.layoutText = String.join(" ", layout.stream().map(Column::canonical).toList());
        int last = 0;
        for (int i = 0; i < this.layout.length; i++) if (this.layout[i] != Column.IGNORE) last = i + 1;
        this.required = last;
    }

    int width() {
        return layout.length;
    }

    /** Number of fields a row needs: up to the last column that is not ignored. */
    int required() {
        return required;
    }

    String layoutText() {
        return layoutText;
    }

    /**
     * Fills {@code row} from {@code count} fields {@code [starts[i], ends[i])} of {@code b}.
     *
     * @return {@code null} on success, else why the row is rejected
     */
    String parse(byte[] b, int[] starts, int[] ends, int count, Interaction row) {
        if (count < required) {
            return "missing field '" + layout[count].canonical() + "': expected " + layout.length
                    + " columns (" + layoutText + "), found " + count;
        }
        row.reset();
        for (int i = 0; i < layout.length; i++) {
            int s = starts[i];
            int e = ends[i];
            switch (layout[i]) {
                case SOURCE -> {
                    if (s == e) return "missing field 'source': empty";
                    row.source(b, s, e - s);
                }
                case TARGET -> {
                    if (s == e) return "missing field 'target': empty";
                    row.target(b, s, e - s);
                }
                case WEIGHT -> {
                    if (s == e) break;
                    row.weight = fields.weight(b, s, e);
                    if (fields.error != null) return fields.error;
                }
                case TYPE -> {
                    if (s == e) break;
                    row.type = fields.type(b, s, e);
                    if (fields.error != null) return fields.error;
                }
                case TIMESTAMP -> {
                    if (s == e) break;
                    row.timestamp = fields.timestamp(b, s, e);
                    if (fields.error != null) return fields.error;
                }
                case PLATFORM -> {
                    if (s == e) break;
                    row.platform = new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8);
                }
                case IGNORE -> {
                }
            }
        }
        return null;
    }
}
