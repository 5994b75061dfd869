package dev.chorus.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides {@link Format#AUTO}: first the extension (without {@code .gz}), then the first bytes. A {@code .csv}
 * or {@code .tsv} whose first line is not a header naming source and target is whitespace/tab separated data
 * and goes to the snap reader (e.g. edge lists saved as {@code .tsv}).
 */
public final class FormatDetector {
    private FormatDetector() {
    }

    public static Format detect(InputSource in) {
        String ext = in.extension();
        switch (ext) {
            case "jsonl", "ndjson", "json":
                return Format.JSONL;
            case "gml":
                return Format.GML;
            case "graphml", "xml":
                return Format.GRAPHML;
            default:
                break;
        }
        String first = firstLine(in.head());
        String trimmed = first.stripLeading();
        if (trimmed.startsWith("{")) return Format.JSONL;
        if (trimmed.startsWith("<")) return Format.GRAPHML;
        if (looksLikeGml(in.head())) return Format.GML;
        if (namesSourceAndTarget(first, ',') || namesSourceAndTarget(first, ';')) return Format.CSV;
        if (namesSourceAndTarget(first, '\t')) return Format.TSV;
        if (ext.equals("csv") && first.indexOf(',') >= 0) return Format.CSV; // headerless: needs --columns
        return Format.SNAP;
    }

    /** First line that is not blank and not a comment, without line end and BOM. */
    static String firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        for (String line : text.split("\r?\n", 64)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("%")) return line;
        }
        return "";
    }

    private static boolean namesSourceAndTarget(String line, char delim) {
        boolean source = false;
        boolean target = false;
        for (String cell : line.split(String.valueOf(delim), -1)) {
            Column c = Column.namedInHeader(cell.replace("\"", ""));
            source |= c == Column.SOURCE;
            target |= c == Column.TARGET;
        }
        return source && target;
    }

    /** GML starts with optional key-value lines (Creator, Version) and then {@code graph [}. */
    private static boolean looksLikeGml(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        int g = text.indexOf("graph");
        if (g < 0) return false;
        String after = text.substring(g + 5).stripLeading();
        if (!after.startsWith("[")) return false;
        for (String line : text.substring(0, g).split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("creator") && !t.startsWith("version") && !t.startsWith("#")) return false;
        }
        return true;
    }
}
