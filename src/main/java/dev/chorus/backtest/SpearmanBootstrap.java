package dev.chorus.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Spearman's rank correlation (commons-math3 {@link SpearmansCorrelation}, ties at their average rank) of several
 * rankings against one outcome, each with a percentile bootstrap 95% interval over people (Efron &amp; Tibshirani,
 * An Introduction to the Bootstrap, 1993, ch. 13): each replicate draws n people with replacement and recomputes
 * Spearman on them. All rankings share the replicates (paired comparison).
 * <p>
 * A replicate is computed exactly but without re-sorting: a resample is the multiplicity w of each person, so the
 * resample's average ranks follow from one walk over the people presorted by score (a tie group's members share
 * {@code before + (count + 1) / 2}); the mean rank of any resample of size n is (n + 1) / 2, so Pearson's r of the
 * ranks, weighted by w, is the resample's Spearman, accumulated during the walk. O(n log n) per ranking once,
 * then per replicate O(n) for the draw and the outcome's ranks plus O(n) per ranking. Replicate b draws from its
 * own generator seeded by (seed, b), so the result does not depend on the thread count.
 */
public final class SpearmanBootstrap {
    private SpearmanBootstrap() {
    }

    /** Spearman's rho and the bootstrap interval; NaN when a side is constant. */
    public record Interval(double spearman, double low, double high) {
    }

    public static Interval compute(double[] x, double[] y, int replicates, long seed) {
        return compute(List.of(x), y, replicates, seed).get(0);
    }

    /** One interval per ranking in {@code xs}, each against {@code y}. */
    public static List<Interval> compute(List<double[]> xs, double[] y, int replicates, long seed) {
        int n = y.length;
        for (double[] x : xs) if (x.length != n) throw new IllegalArgumentException("a ranking has " + x.length + " values, the outcome " + n);
        int m = xs.size();
        double[] rho = new double[m];
        for (int i = 0; i < m; i++) rho[i] = n < 2 ? Double.NaN : new SpearmansCorrelation().correlation(xs.get(i), y);
        double[][] reps = new double[m][replicates];
        if (n >= 2 && replicates > 0) {
            int[] oy = byValue(y);
            int[][] ox = new int[m][];
            for (int i = 0; i < m; i++) ox[i] = byValue(xs.get(i));
            IntStream.range(0, replicates).parallel().forEach(b -> {
                SplittableRandom random = new SplittableRandom(seed * 1_000_003L + b);
                int[] w = new int[n];
                for (int i = 0; i < n; i++) w[random.nextInt(n)]++;
                double[] ry = new double[n];
                double syy = ranks(y, oy, w, ry, null);
                for (int i = 0; i < m; i++) {
                    double[] sums = new double[1];
                    double sxx = ranks(xs.get(i), ox[i], w, ry, sums);
                    reps[i][b] = sxx == 0 || syy == 0 ? Double.NaN : sums[0] / Math.sqrt(sxx * syy);
                }
            });
        }
        List<Interval> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) out.add(interval(rho[i], reps[i]));
        return out;
    }

    private static Interval interval(double rho, double[] reps) {
        if (Double.isNaN(rho)) return new Interval(rho, Double.NaN, Double.NaN);
        double[] kept = Arrays.stream(reps).filter(r -> !Double.isNaN(r)).toArray();
        if (kept.length == 0) return new Interval(rho, Double.NaN, Double.NaN);
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(kept);
        return new Interval(rho, p.evaluate(2.5), p.evaluate(97.5));
    }

    /** Spearman of the resample in which person i appears {@code w[i]} times (for tests: one ranking, no sharing). */
    static double replicate(double[] x, double[] y, int[] w) {
        double[] ry = new double[w.length];
        double syy = ranks(y, byValue(y), w, ry, null);
        double[] sxy = new double[1];
        double sxx = ranks(x, byValue(x), w, ry, sxy);
        return sxx == 0 || syy == 0 ? Double.NaN : sxy[0] / Math.sqrt(sxx * syy);
    }

    /**
     * Walks {@code v} in {@code order} and gives each person its average rank in the resample {@code w}. Returns
     * the weighted sum of squared deviations from the mean rank. Without {@code cross} the ranks are stored in
     * {@code rank}; with it, {@code rank} holds the other side's ranks and {@code cross[0]} receives the weighted
     * sum of the products of deviations.
     */
    private static double ranks(double[] v, int[] order, int[] w, double[] rank, double[] cross) {
        double mean = (w.length + 1) / 2.0; // every resample has n members
        long before = 0;
        double ss = 0;
        double sp = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            long count = 0;
            double value = v[order[i]];
            while (j < order.length && v[order[j]] == value) count += w[order[j++]];
            if (count > 0) {
                double d = before + (count + 1) / 2.0 - mean;
                ss += count * d * d;
                for (int k = i; k < j; k++) {
                    int u = order[k];
                    if (cross == null) rank[u] = d;
                    else if (w[u] > 0) sp += w[u] * d * rank[u];
                }
                before += count;
            }
            i = j;
        }
        if (cross != null) cross[0] = sp;
        return ss;
    }

    private static int[] byValue(double[] v) {
        return IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
