package dev.chorus.ingest;

import java.util.Locale;

/** Input formats (contract, "Input"). {@link #AUTO} decides from the extension and the first lines. */
public enum Format {
    AUTO, SNAP, CSV, TSV, JSONL, GML, GRAPHML;

    public static Format parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "' (use auto, snap, csv, tsv, jsonl, gml, graphml)");
        }
    }

    /** True for formats that declare their own directedness and nodes. */
    public boolean isGraphFormat() {
        return this == GML || this == GRAPHML;
    }
}
