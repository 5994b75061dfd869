package dev.chorus.ingest;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Field parsers shared by every reader. Each returns a value or records why it could not in
 * {@link #error}, so that readers turn the reason into a rejected row without exceptions on the hot path.
 */
final class Fields {
    /** Why the last parse failed; {@code null} after a success. */
    String error;

    /** Parses a weight: finite and non-negative. Integers take a fast path without a String. */
    double weight(byte[] b, int from, int to) {
        error = null;
        long v = digits(b, from, to);
        if (v >= 0) return v;
        return weight(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    double weight(String text) {
        error = null;
        String n = number(text);
        if (n == null) {
            error = "weight: not a number '" + shorten(text) + "'";
            return 0;
        }
        double w = Double.parseDouble(n);
        if (Double.isNaN(w)) error = "weight: NaN";
        else if (Double.isInfinite(w)) error = "weight: infinite";
        else if (w < 0) error = "weight: negative (" + shorten(text.trim()) + ")";
        return w;
    }

    /**
     * {@code text} as a number Java parses, with the spellings GML and GraphML writers use for NaN and
     * infinity (NAN, INF, -inf, Infinity) normalized; {@code null} when it is not a plain decimal number (Java-only
     * spellings such as {@code 1d}, {@code 0x1p3} or {@code 1_0} are not numbers in any input format).
     */
    static String number(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        String sign = lower.startsWith("-") ? "-" : "";
        String body = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (body.equals("nan")) return "NaN";
        if (body.equals("inf") || body.equals("infinity")) return sign + "Infinity";
        if (t.isEmpty()) return null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) return null;
        }
        try {
            Double.parseDouble(t);
            return t;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses a timestamp: epoch seconds (fraction dropped) or ISO-8601 (date, local date-time as UTC, offset). */
    long timestamp(byte[] b, int from, int to) {
        error = null;
        long v = digits(b, from, to);
        if (v >= 0) return v;
        return timestamp(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    long timestamp(String text) {
        error = null;
        String t = text.trim();
        String n = number(t);
        if (n != null) {
            double d = Double.parseDouble(n);
            if (Double.isFinite(d) && Math.abs(d) < 1e15) return (long) Math.floor(d);
        }
        try {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
            char last = iso.charAt(iso.length() - 1);
            if (last == 'Z' || last == 'z') return Instant.parse(iso.toUpperCase()).getEpochSecond();
            if (iso.length() > 19 && (iso.indexOf('+', 19) > 0 || iso.indexOf('-', 19) > 0)) {
                return OffsetDateTime.parse(iso).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            error = "timestamp: not epoch seconds or ISO-8601 '" + shorten(t) + "'";
            return Interaction.NO_TIME;
        }
    }

    InteractionType type(byte[] b, int from, int to) {
        InteractionType t = InteractionType.parse(b, from, to);
        if (t != null) {
            error = null;
            return t;
        }
        return type(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    InteractionType type(String text) {
        error = null;
        InteractionType t = InteractionType.parse(text);
        if (t == null) error = "type: unknown '" + shorten(text) + "' (accepted: " + InteractionType.accepted() + ")";
        return t;
    }

    /** Non-negative decimal integer without sign (up to 18 digits), or -1 if the bytes are not that. */
    static long digits(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 0 || len > 18) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Why a line cannot be text: a control byte (other than tab) or invalid UTF-8. {@code null} when fine.
     * The ASCII loop is the hot path; UTF-8 is validated only on lines with high bytes.
     */
    static String binaryProblem(byte[] b, int from, int to) {
        boolean high = false;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c < 0) high = true;
            else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return "binary data: control byte 0x" + String.format("%02x", c) + " at column " + (i - from + 1);
            }
        }
        if (high) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, from, to - from));
            } catch (CharacterCodingException e) {
                return "binary data: not valid UTF-8";
            }
        }
        return null;
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
