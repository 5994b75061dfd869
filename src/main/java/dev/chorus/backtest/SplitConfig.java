package dev.chorus.backtest;

import dev.chorus.ingest.Interaction;

/**
 * Where to split timed rows: at a time, or at a fraction of the timed rows.
 *
 * @param time     epoch seconds: rows before it are train, the others future; {@link Interaction#NO_TIME} when
 *                 {@code fraction} decides
 * @param fraction in (0, 1): T is the largest time that leaves at most {@code floor(fraction * timed rows)} rows
 *                 before it (the time of that row in time order); NaN when {@code time} is given
 * @param horizon  seconds after T that the future covers, > 0; 0 = to the end of the data
 */
public record SplitConfig(long time, double fraction, long horizon) {
    public SplitConfig {
        boolean byTime = time != Interaction.NO_TIME;
        if (byTime == !Double.isNaN(fraction)) throw new IllegalArgumentException("give either a split time or a split fraction");
        if (!byTime && !(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("split fraction must be in (0, 1), got " + fraction);
        if (horizon < 0) throw new IllegalArgumentException("horizon must be > 0 seconds, got " + horizon);
    }

    public static SplitConfig at(long time) {
        return new SplitConfig(time, Double.NaN, 0);
    }

    public static SplitConfig fraction(double f) {
        return new SplitConfig(Interaction.NO_TIME, f, 0);
    }

    public SplitConfig withHorizon(long seconds) {
        return new SplitConfig(time, fraction, seconds);
    }

    /** The split time for timed rows whose times are {@code sorted} ascending. */
    long resolve(long[] sorted, int n) {
        if (time != Interaction.NO_TIME) return time;
        int before = (int) Math.floor(fraction * n);
        return before >= n ? sorted[n - 1] + 1 : sorted[before];
    }

    /** End of the future (exclusive): T + horizon, or {@link Long#MAX_VALUE} without a horizon. */
    long end(long split) {
        return horizon == 0 ? Long.MAX_VALUE : Math.addExact(split, horizon);
    }
}
