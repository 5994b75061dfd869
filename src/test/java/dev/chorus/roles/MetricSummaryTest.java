package dev.chorus.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

/**
 * The order-statistic route to the percentile (what a distributed engine uses: sort, read two ranks, interpolate)
 * against commons-math3's {@link Percentile}, which the in-memory route calls: bit for bit, on random columns with
 * and without ties, at the percentiles the role rules use and at the edges.
 */
class MetricSummaryTest {
    @Test
    void ranksAndInterpolationEqualCommonsMathsDefaultEstimatorExactly() {
        SplittableRandom random = new SplittableRandom(7);
        int checked = 0;
        for (int n = 1; n <= 400; n += n < 40 ? 1 : 17) {
            for (boolean ties : new boolean[] {false, true}) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) values[i] = ties ? random.nextInt(5) : random.nextDouble() * 1000;
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                for (double p : new double[] {0.5, 1, 50, 90, 95, 99, 99.5, 99.9, 100}) {
                    long[] ranks = MetricSummary.ranks(n, p);
                    double viaRanks = MetricSummary.percentile(n, p, sorted[(int) ranks[0]], sorted[(int) ranks[1]]);
                    assertEquals(new Percentile().evaluate(values, p), viaRanks, 0.0, "n " + n + ", p " + p);
                    checked++;
                }
            }
        }
        assertEquals(9 * 2 * 61, checked);
    }

    @Test
    void highIsThePercentileOrTheZScoreWhicheverIsHigherAndInfiniteForAFlatColumn() {
        RoleConfig c = RoleConfig.defaults().withTopPercentile(90).withMinZ(1);
        // 1..10: mean 5.5, sample sd sqrt(55/6) = 3.0277; 90th percentile at position 9.9: 9 + 0.9 = 9.9
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        MetricSummary s = MetricSummary.of(v, 90);
        assertEquals(9.9, s.percentile(), 1e-12);
        assertEquals(9.9, s.high(c), 1e-12);
        assertEquals(5.5 + 3 * Math.sqrt(55.0 / 6), s.high(c.withMinZ(3)), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, MetricSummary.of(new double[] {3, 3, 3}, 90).high(c));
        assertEquals(Double.POSITIVE_INFINITY, MetricSummary.of(new double[] {3}, 90).high(c));
    }
}
