package dev.chorus.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The sequential stopping rule of the seeding experiment: how many simulated worlds the arms need before their
 * comparison is settled.
 * <p>
 * Looks at {@code firstLook}, then twice as many worlds each time, and at the cap (the configured runs) last. At a
 * look with w worlds, two arms with different seed sets are <em>resolved</em> when the 95% t-interval of their
 * paired difference (arm a's spread minus arm b's in the same world, {@link LiveEdgeWorlds}) excludes 0 (the arms
 * separate), or when its half-width is at most {@code tolerance} times the larger mean (any difference left is
 * under that share: a tie at that precision). The experiment stops at the first look where every pair of the
 * compared arms is resolved. Doubling keeps the number of looks at log2(cap / firstLook) + 1, so peeking costs
 * little coverage; {@code SeedingExperimentTest} measures it against exact spreads. Cost per look: O(arms^2 w).
 *
 * @param firstLook worlds at the first look, >= 2
 * @param tolerance half-width of the difference interval, as a share of the larger mean, below which two arms
 *                  count as tied, > 0
 */
public record ArmStopping(int firstLook, double tolerance) {
    /** 25 worlds first; differences known to 2% count as ties. */
    public static final ArmStopping DEFAULT = new ArmStopping(25, 0.02);

    public ArmStopping {
        if (firstLook < 2) throw new IllegalArgumentException("first look must be >= 2 worlds, got " + firstLook);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
    }

    /** World counts at which to look, ascending, the last being {@code max}. */
    public int[] looks(int max) {
        List<Integer> out = new ArrayList<>();
        for (long w = firstLook; w < max; w *= 2) out.add((int) w);
        out.add(max);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether every pair of {@code arms} is resolved after the first {@code worlds} worlds.
     *
     * @param spread spread[arm][world], the worlds shared by all arms
     */
    public boolean resolved(int[][] spread, int[] arms, int worlds) {
        if (worlds < 2) return false;
        double t = new TDistribution(worlds - 1).inverseCumulativeProbability(0.975);
        for (int i = 0; i < arms.length; i++) {
            for (int j = i + 1; j < arms.length; j++) {
                int[] a = spread[arms[i]];
                int[] b = spread[arms[j]];
                long sum = 0;
                long sumA = 0;
                long sumB = 0;
                for (int w = 0; w < worlds; w++) {
                    sum += a[w] - b[w];
                    sumA += a[w];
                    sumB += b[w];
                }
                double mean = (double) sum / worlds;
                double ss = 0;
                for (int w = 0; w < worlds; w++) ss += (a[w] - b[w] - mean) * (a[w] - b[w] - mean);
                double half = t * Math.sqrt(ss / (worlds - 1) / worlds);
                boolean separate = Math.abs(mean) > half;
                boolean tied = half <= tolerance * Math.max(sumA, sumB) / worlds;
                if (!separate && !tied) return false;
            }
        }
        return true;
    }

    /** The rule in one sentence, for the report. */
    public String rule() {
        return "looks at " + firstLook + " worlds, then twice as many each time, and at the cap; stops at the first look where "
                + "every two strategies' 95% interval of their paired difference (the same worlds) excludes 0 or is within "
                + tolerance * 100 + "% of the larger mean";
    }
}
