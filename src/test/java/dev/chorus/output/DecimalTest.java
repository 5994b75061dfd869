package dev.chorus.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTest {
    /** Significant digits of a Double.toString-style text. */
    private static String digits(String s) {
        String mantissa = s.replace("-", "").split("E")[0].replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "");
        mantissa = mantissa.replaceFirst("0+$", "");
        return mantissa.isEmpty() ? "0" : mantissa;
    }

    /** Brute force: no decimal with fewer significant digits reads back as v (both neighbours of v at d - 1 digits). */
    private static void assertShortest(double v, String text) {
        int d = digits(text).length();
        if (d <= 1) return;
        BigDecimal exact = new BigDecimal(v);
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal shorter = exact.round(new MathContext(d - 1, mode));
            assertNotEquals(v, shorter.doubleValue(), () -> text + " is not the shortest: " + shorter + " reads back too");
        }
    }

    @Test
    void roundTripsShortestAndInJavasNotation() {
        SplittableRandom random = new SplittableRandom(20261207);
        int differ = 0;
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextDouble();                      // scores in [0, 1)
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
                // any finite bit pattern, subnormals included
                default -> Double.longBitsToDouble(random.nextLong(0, 0x7ff0_0000_0000_0000L)) * (random.nextBoolean() ? 1 : -1);
            };
            String text = Decimal.of(v);
            assertEquals(v, Double.parseDouble(text), text);
            assertShortest(v, text);
            String java = Double.toString(v);
            // the same notation as Double.toString (plain between 1e-3 and 1e7, else E); Java 17 at times one digit more
            assertEquals(java.contains("E"), text.contains("E"), java + " vs " + text);
            if (!java.equals(text)) {
                differ++;
                // shorter, or as short and no farther from the double's exact value (Java 17 does not always pick the closest)
                int shorter = Integer.compare(digits(text).length(), digits(java).length());
                BigDecimal exact = new BigDecimal(v);
                assertTrue(shorter < 0 || shorter == 0 && new BigDecimal(text).subtract(exact).abs()
                        .compareTo(new BigDecimal(java).subtract(exact).abs()) <= 0, java + " vs " + text);
            }
        }
        assertTrue(differ < 600, differ + " of 300,000 differ from Java 17's text");
    }

    @Test
    void knownValues() {
        assertEquals("2.0598593602505718E17", Decimal.of(2.0598593602505718E17)); // Java 17: 2.05985936025057184E17
        assertEquals("0.1", Decimal.of(0.1));
        assertEquals("0.001", Decimal.of(0.001));
        assertEquals("1.0E-4", Decimal.of(1e-4));
        assertEquals("1234567.0", Decimal.of(1234567.0));
        assertEquals("1.0E7", Decimal.of(1e7));
        assertEquals("4.9E-324", Decimal.of(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", Decimal.of(Double.MAX_VALUE));
        assertEquals("-0.0", Decimal.of(-0.0));
        assertEquals("NaN", Decimal.of(Double.NaN));
        assertEquals("Infinity", Decimal.of(Double.POSITIVE_INFINITY));
    }
}
