package dev.chorus.output.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A value-to-pixel map of a chart, linear or log10; {@code lo}/{@code hi} are the pixel ends of min/max. */
record Axis(double min, double max, double lo, double hi, boolean log, boolean showTicks) {
    static Axis linear(double min, double max, double lo, double hi) {
        return new Axis(min, max > min ? max : min + 1, lo, hi, false, true);
    }

    /** Log axis widened to whole decades. */
    static Axis log(double min, double max, double lo, double hi) {
        double a = Math.pow(10, Math.floor(Math.log10(min)));
        double b = Math.pow(10, Math.ceil(Math.log10(max)));
        return new Axis(a, b > a ? b : a * 10, lo, hi, true, true);
    }

    Axis noTicks() {
        return new Axis(min, max, lo, hi, log, false);
    }

    double at(double v) {
        double t = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
        return lo + t * (hi - lo);
    }

    /** Decades on a log axis; on a linear one a 1, 2 or 5 step giving at most about 10 ticks. */
    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        if (!showTicks) return t;
        if (log) {
            for (double v = min; v <= max * 1.0001; v *= 10) t.add(v);
        } else {
            double step = Math.pow(10, Math.floor(Math.log10((max - min) / 5)));
            if ((max - min) / step > 10) step *= 2;
            if ((max - min) / step > 10) step *= 2.5;
            for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) t.add(v);
        }
        return t;
    }

    String label(double v) {
        if (log) {
            int e = (int) Math.round(Math.log10(v));
            return e >= 0 && e <= 4 ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v)) : "1e" + e;
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2g", v);
    }
}
