package dev.chorus.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stopping rule on hand-made spreads. */
class ArmStoppingTest {
    @Test
    void looksDoubleUpToTheCap() {
        assertArrayEquals(new int[] {25, 50, 100}, ArmStopping.DEFAULT.looks(100));
        assertArrayEquals(new int[] {20}, ArmStopping.DEFAULT.looks(20));
        assertArrayEquals(new int[] {25, 50, 100, 200, 400, 800, 1000}, ArmStopping.DEFAULT.looks(1000));
    }

    @Test
    void separatedTiedAndUnsettledPairs() {
        int w = 10;
        int[] a = {100, 120, 90, 110, 105, 95, 100, 115, 85, 100};
        int[] shifted = new int[w];
        int[] noisy = new int[w];
        for (int i = 0; i < w; i++) {
            shifted[i] = a[i] + 5; // paired difference exactly 5: separated, however noisy each arm is
            noisy[i] = a[i] + (i % 2 == 0 ? 40 : -40); // difference +-40 around 0: neither separated nor within 2%
        }
        int[][] spread = {a, shifted, a.clone(), noisy};
        ArmStopping rule = ArmStopping.DEFAULT;
        assertTrue(rule.resolved(spread, new int[] {0, 1}, w));
        assertTrue(rule.resolved(spread, new int[] {0, 2}, w), "identical worlds: difference 0 with half-width 0, a tie");
        assertFalse(rule.resolved(spread, new int[] {0, 3}, w));
        assertFalse(rule.resolved(spread, new int[] {0, 1, 3}, w), "one unsettled pair keeps the experiment going");
        assertTrue(new ArmStopping(25, 0.5).resolved(spread, new int[] {0, 3}, w), "within 50% of the mean: a tie at that tolerance");
    }
}
