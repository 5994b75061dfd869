package dev.chorus.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

class SpearmanBootstrapTest {
    /**
     * For a bivariate normal with correlation rho, the population Spearman is (6 / pi) asin(rho / 2) (Pearson 1907;
     * Kendall &amp; Gibbons, Rank Correlation Methods). Over 60 independent samples of 500 pairs, the 95% interval
     * holds it about 95% of the time: at least 53 of 60 (fewer has probability ~2% if the coverage is right), and
     * the first sample's interval is as wide as the standard error says.
     */
    @Test
    void intervalCoversThePopulationSpearman() {
        double rho = 0.6;
        double truth = 6 / Math.PI * Math.asin(rho / 2);
        SplittableRandom r = new SplittableRandom(7);
        int covered = 0;
        for (int sample = 0; sample < 60; sample++) {
            int n = 500;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double a = gaussian(r);
                double b = gaussian(r);
                x[i] = a;
                y[i] = rho * a + Math.sqrt(1 - rho * rho) * b;
            }
            SpearmanBootstrap.Interval ci = SpearmanBootstrap.compute(x, y, 400, 42 + sample);
            assertEquals(new SpearmansCorrelation().correlation(x, y), ci.spearman(), 0);
            if (ci.low() <= truth && truth <= ci.high()) covered++;
            if (sample == 0) {
                // the standard error of Spearman near 0.58 at n = 500 is ~0.03: the interval is ~0.12 wide
                assertTrue(ci.high() - ci.low() > 0.08 && ci.high() - ci.low() < 0.16, ci.toString());
                // shared replicates: the same interval when computed beside another ranking
                assertEquals(ci, SpearmanBootstrap.compute(List.of(y, x), y, 400, 42).get(1));
            }
        }
        assertTrue(covered >= 53, covered + " of 60 intervals hold the population Spearman");
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
            assertEquals(expected, SpearmanBootstrap.replicate(x, y, w), 1e-12);
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
