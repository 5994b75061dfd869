package dev.chorus.diffusion;

/**
 * Monte Carlo outcome of a diffusion model from one seed set. Spread counts activated nodes, seeds included.
 *
 * @param model    {@code ic}, {@code lt}, {@code threshold} or {@code sir}
 * @param runs     Monte Carlo runs
 * @param mean     mean spread
 * @param sd       sample standard deviation of the spread (NaN for one run)
 * @param ci95Low  lower end of the 95% confidence interval of the mean (t distribution; NaN for one run)
 * @param ci95High upper end
 * @param min      smallest spread seen
 * @param max      largest spread seen
 * @param curve    mean number of active nodes after each step ({@code curve[0]} = seeds); a run that ended
 *                 earlier counts with its final size
 */
public record SimulationResult(String model, int runs, double mean, double sd, double ci95Low, double ci95High,
                               int min, int max, double[] curve) {
    /** Statistics of the spread and the spread curve of every run, indexed by run. */
    public static SimulationResult of(String model, int[] spread, int[][] curves) {
        double[] st = SpreadEstimator.stats(spread);
        int len = 0;
        for (int[] c : curves) len = Math.max(len, c.length);
        long[] sum = new long[len];
        for (int[] c : curves) {
            for (int t = 0; t < len; t++) sum[t] += c[Math.min(t, c.length - 1)];
        }
        double[] curve = new double[len];
        for (int t = 0; t < len; t++) curve[t] = (double) sum[t] / spread.length;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : spread) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new SimulationResult(model, spread.length, st[0], st[1], st[2], st[3], min, max, curve);
    }

    /** {@code runs} identical runs of a deterministic cascade: sd 0, the interval a point. */
    static SimulationResult constant(String model, int runs, int spread, int[] curve) {
        double[] c = new double[curve.length];
        for (int t = 0; t < c.length; t++) c[t] = curve[t];
        return new SimulationResult(model, runs, spread, runs > 1 ? 0 : Double.NaN, runs > 1 ? spread : Double.NaN,
                runs > 1 ? spread : Double.NaN, spread, spread, c);
    }

    /** Whether {@code value} lies in the 95% confidence interval (inclusive). */
    public boolean ciContains(double value) {
        return value >= ci95Low && value <= ci95High;
    }
}
