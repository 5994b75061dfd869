package dev.chorus.output;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * The text of a double in every file Chorus writes: the shortest decimal that reads back as the same double (of
 * those, the closest), in {@link Double#toString} notation, which keeps two digits at least ({@code 1.0E7},
 * {@code 4.9E-324}). It comes from jackson-core's copy of Schubfach (R. Giulietti, "The Schubfach way to render
 * doubles", 2020), the algorithm of Java 19+'s {@code Double.toString}. Java 17's {@code Double.toString} is about
 * 5x slower per value (most of the time of writing {@code nodes.csv} at 10M rows, issue 20) and sometimes writes a
 * digit more than needed (JDK-4511638: {@code 2.0598593602505718E17} printed {@code 2.05985936025057184E17}) or,
 * as short, not the closest, so the text can differ from Java 17's in the last digits of about 0.1% of arbitrary
 * doubles, never in the value read back.
 */
public final class Decimal {
    private Decimal() {
    }

    /** {@code v} as above; NaN and the infinities as Java writes them ({@code NaN}, {@code Infinity}). */
    public static String of(double v) {
        return NumberOutput.toString(v, true);
    }
}
