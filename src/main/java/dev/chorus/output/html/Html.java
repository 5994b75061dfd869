package dev.chorus.output.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What every section of the page shares: escaping, the two number formats, and reading values of {@code report.json}. */
final class Html {
    private Html() {
    }

    /** HTML/XML escaping for text and attribute values; every id from the input goes through it. */
    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> o.append("&amp;");
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '"' -> o.append("&quot;");
                case '\'' -> o.append("&#39;");
                default -> {
                    // C0 controls are not allowed in XML and have no business in a report
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') o.append('\uFFFD');
                    else o.append(c);
                }
            }
        }
        return o.toString();
    }

    /** A measured value in a table cell: grouped integers, 3 decimals, scientific below 0.01; NaN and infinities as entities. */
    static String num(double v) {
        if (Double.isNaN(v)) return "&ndash;";
        if (Double.isInfinite(v)) return v > 0 ? "&infin;" : "-&infin;";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) < 0.01) return String.format(Locale.ROOT, "%.2e", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A setting in a sentence: an integer as is, else 2 decimals. */
    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** A number of {@code report.json}: null (undefined) and absent read as NaN. */
    static double value(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    static List<String> strings(JsonNode array) {
        List<String> l = new ArrayList<>(array.size());
        array.forEach(x -> l.add(x.asText()));
        return l;
    }

    static String algorithmName(String algorithm) {
        return switch (algorithm) {
            case "leiden" -> "Leiden";
            case "louvain" -> "Louvain";
            case "lpa" -> "label propagation";
            default -> algorithm;
        };
    }

    /**
     * The report's {@code approximate} entries whose part is {@code part} or lies under it, one note paragraph each
     * ("Approximate: ..."); empty for reports without them (the embedded engine's).
     */
    static String approximate(ReportData d, String part) {
        StringBuilder b = new StringBuilder();
        for (JsonNode a : d.report().path("approximate")) {
            String p = a.path("part").asText();
            if (p.equals(part) || p.startsWith(part + ".")) {
                b.append("<p class=\"note\">Approximate (").append(esc(p)).append("): ").append(esc(a.path("note").asText())).append(".</p>\n");
            }
        }
        return b.toString();
    }

    /** The start of the one-line note on a part the run's engine did not compute; the caller names the part and closes it. */
    static String notComputed(ReportData d) {
        return "<p class=\"note\">Not computed by the " + esc(d.engine()) + " engine: ";
    }
}
