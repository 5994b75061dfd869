package dev.chorus.spark;

/** CSV text as the embedded writers produce it: RFC 4180 quoting for ids, shortest exact text for numbers, NaN empty. */
final class Csv {
    private Csv() {
    }

    static String field(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ')) quote = true;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static String number(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
