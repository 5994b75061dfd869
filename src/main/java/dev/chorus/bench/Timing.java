package dev.chorus.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Best-of-K wall-clock timing with one warm-up and the peak heap of the runs, for side-by-side benchmarks. */
final class Timing {
    private Timing() {
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} once to warm up and {@code repeat} times; returns best_s, times_s and peak_heap_mb. */
    static Map<String, Object> measure(String name, int repeat, PrintWriter log, Body body) throws Exception {
        List<Double> times = new ArrayList<>();
        long peak = 0;
        for (int i = -1; i < repeat; i++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            body.run();
            double s = (System.nanoTime() - t0) / 1e9;
            peak = Math.max(peak, peakHeap());
            if (i >= 0) times.add(s);
            log.printf("bench %-22s %s %.3f s%n", name, i < 0 ? "warm-up" : "run " + (i + 1), s);
            log.flush();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("best_s", times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        m.put("times_s", times);
        m.put("peak_heap_mb", peak >> 20);
        return m;
    }

    static double best(Map<String, Object> m) {
        return (double) m.get("best_s");
    }

    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
