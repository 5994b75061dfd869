package dev.chorus.backtest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Spearman's rank correlation (commons-math3 {@link SpearmansCorrelation}, ties at their average rank) with a
 * percentile bootstrap 95% interval over people (Efron &amp; Tibshirani, An Introduction to the Bootstrap, 1993,
 * ch. 13): each replicate draws n people with replacement and recomputes Spearman on them.
 * <p>
 * A replicate is computed exactly but without re-sorting: a resample is the multiplicity of each person, so the
 * resample's average ranks follow from one walk over the people presorted by score (a tie group's members share
 * {@code before + (count + 1) / 2}), and Pearson's r of those ranks, weighted by multiplicity, is the resample's
 * Spearman. O(n log n) once plus O(n) per replicate, instead of O(n log n) per replicate. The same seed gives the
 * same resamples for every ranking, so rankings are compared on common draws.
 */
public final class SpearmanBootstrap {
    private SpearmanBootstrap() {
    }

    /** Spearman's rho and the bootstrap interval; NaN when a side is constant. */
    public record Interval(double spearman, double low, double high) {
    }

    public static Interval compute(double[] x, double[] y, int replicates, long seed) {
        int n = x.length;
        if (y.length != n) throw new IllegalArgumentException("x has " + n + " values, y " + y.length);
        if (n < 2) return new Interval(Double.NaN, Double.NaN, Double.NaN);
        double rho = new SpearmansCorrelation().correlation(x, y);
        if (Double.isNaN(rho) || replicates == 0) return new Interval(rho, Double.NaN, Double.NaN);
        int[] ox = byValue(x);
        int[] oy = byValue(y);
        SplittableRandom random = new SplittableRandom(seed);
        int[] w = new int[n];
        double[] rx = new double[n];
        double[] ry = new double[n];
        double[] reps = new double[replicates];
        int kept = 0;
        for (int b = 0; b < replicates; b++) {
            Arrays.fill(w, 0);
            for (int i = 0; i < n; i++) w[random.nextInt(n)]++;
            double r = replicate(x, y, ox, oy, w, rx, ry);
            if (!Double.isNaN(r)) reps[kept++] = r;
        }
        if (kept == 0) return new Interval(rho, Double.NaN, Double.NaN);
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(Arrays.copyOf(reps, kept));
        return new Interval(rho, p.evaluate(2.5), p.evaluate(97.5));
    }

    /** Spearman of the resample in which person i appears {@code w[i]} times. */
    static double replicate(double[] x, double[] y, int[] ox, int[] oy, int[] w, double[] rx, double[] ry) {
        ranks(x, ox, w, rx);
        ranks(y, oy, w, ry);
        double sw = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) continue;
            sw += w[i];
            mx += w[i] * rx[i];
            my += w[i] * ry[i];
        }
        mx /= sw;
        my /= sw;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) continue;
            double dx = rx[i] - mx;
            double dy = ry[i] - my;
            sxy += w[i] * dx * dy;
            sxx += w[i] * dx * dx;
            syy += w[i] * dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static void ranks(double[] v, int[] order, int[] w, double[] rank) {
        long before = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            long count = 0;
            while (j < order.length && v[order[j]] == v[order[i]]) count += w[order[j++]];
            double r = before + (count + 1) / 2.0;
            for (int k = i; k < j; k++) rank[order[k]] = r;
            before += count;
            i = j;
        }
    }

    private static int[] byValue(double[] v) {
        return IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
