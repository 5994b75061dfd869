package dev.chorus.roles;

import java.io.Serializable;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * What a role rule needs to know of one metric over all nodes to say whether a value is "high"
 * ({@link RoleConfig}): the count, the mean, the sample standard deviation and the
 * {@link RoleConfig#topPercentile()}-th percentile. Any engine can supply it: {@link #of} computes it from an
 * in-memory column with commons-math3; an engine that holds the column in pieces (Spark) sorts it, reads the two
 * order statistics {@link #ranks} names and combines them with {@link #percentile(long, double, double, double)},
 * which is commons-math3's default ({@code LEGACY}) estimator step by step, so the percentile is exact, not
 * approximated. O(n log n) for the percentile.
 *
 * @param count      values
 * @param mean       their mean
 * @param sd         their sample standard deviation (n - 1)
 * @param percentile the percentile the summary was made for (NaN when not needed: fewer than two values, or sd 0)
 */
public record MetricSummary(long count, double mean, double sd, double percentile) implements Serializable {
    /** Commons-math3's {@link Percentile} (default estimator, NaN removed), {@link Mean} and {@link StandardDeviation}. */
    public static MetricSummary of(double[] values, double topPercentile) {
        if (values.length < 2) return new MetricSummary(values.length, Double.NaN, Double.NaN, Double.NaN);
        double sd = new StandardDeviation().evaluate(values);
        double mean = new Mean().evaluate(values);
        double pct = sd > 0 ? new Percentile().evaluate(values, topPercentile) : Double.NaN;
        return new MetricSummary(values.length, mean, sd, pct);
    }

    /**
     * The cut-off for "high": max(percentile, mean + minZ sd); +Infinity when all values tie (sd = 0) or there are
     * fewer than two values.
     */
    public double high(RoleConfig config) {
        if (count < 2 || !(sd > 0)) return Double.POSITIVE_INFINITY;
        return Math.max(percentile, mean + config.minZ() * sd);
    }

    /** The position of the percentile among n sorted values, 1-based and fractional, as commons-math3's LEGACY estimator puts it. */
    private static double position(long n, double topPercentile) {
        double p = topPercentile / 100d;
        return p == 0 ? 0 : p == 1 ? n : p * (n + 1);
    }

    /** The 0-based ranks, in ascending order, of the two sorted values the percentile of n values interpolates between. */
    public static long[] ranks(long n, double topPercentile) {
        double pos = position(n, topPercentile);
        if (pos < 1) return new long[] {0, 0};
        if (pos >= n) return new long[] {n - 1, n - 1};
        long at = (long) Math.floor(pos);
        return new long[] {at - 1, at};
    }

    /** The percentile from the values at {@link #ranks}: lower + fraction x (upper - lower). */
    public static double percentile(long n, double topPercentile, double lower, double upper) {
        double pos = position(n, topPercentile);
        if (pos < 1) return lower;
        if (pos >= n) return upper;
        return lower + (pos - Math.floor(pos)) * (upper - lower);
    }
}
