package dev.chorus.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

class SpearmanBootstrapTest {
    /**
     * For a bivariate normal with correlation rho, the population Spearman is (6 / pi) asin(rho / 2) (Pearson 1907;
     * Kendall &amp; Gibbons, Rank Correlation Methods). A sample of 2,000 pairs: the 95% interval holds it.
     */
    @Test
    void intervalContainsThePopulationSpearman() {
        double rho = 0.6;
        double truth = 6 / Math.PI * Math.asin(rho / 2);
        SplittableRandom r = new SplittableRandom(7);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = gaussian(r);
            double b = gaussian(r);
            x[i] = a;
            y[i] = rho * a + Math.sqrt(1 - rho * rho) * b;
        }
        SpearmanBootstrap.Interval ci = SpearmanBootstrap.compute(x, y, 1000, 42);
        assertEquals(new SpearmansCorrelation().correlation(x, y), ci.spearman(), 0);
        assertTrue(ci.low() <= truth && truth <= ci.high(), ci + " vs " + truth);
        // the standard error of Spearman near 0.58 at n = 2000 is ~0.016: the interval is ~0.06 wide
        assertTrue(ci.high() - ci.low() > 0.03 && ci.high() - ci.low() < 0.1, ci.toString());
    }

    /** A replicate, computed from multiplicities without re-sorting, is commons-math's Spearman of the explicit resample (ties included). */
    @Test
    void replicateEqualsSpearmanOfTheExplicitResample() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(12); // many ties
            y[i] = x[i] + r.nextInt(5) - (i % 7 == 0 ? Double.POSITIVE_INFINITY : 0);
        }
        int[] ox = IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(x[a], x[b])).mapToInt(i -> i).toArray();
        int[] oy = IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(y[a], y[b])).mapToInt(i -> i).toArray();
        for (int rep = 0; rep < 20; rep++) {
            int[] w = new int[n];
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                int p = r.nextInt(n);
                w[p]++;
                xs[i] = x[p];
                ys[i] = y[p];
            }
            double expected = new SpearmansCorrelation().correlation(xs, ys);
            assertEquals(expected, SpearmanBootstrap.replicate(x, y, ox, oy, w, new double[n], new double[n]), 1e-12);
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
