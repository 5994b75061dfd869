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
        return measure(name, repeat, true, log, body);
    }

    /** As above; without {@code warmUp} for runs long enough that JIT compilation is a negligible part of them. */
    static Map<String, Object> measure(String name, int repeat, boolean warmUp, PrintWriter log, Body body) throws Exception {
        List<Double> times = new ArrayList<>();
        long peak = 0;
        for (int i = warmUp ? -1 : 0; i < repeat; i++) {
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

    /** Loads the benchmark graph (not timed) and starts a result with the input, machine and graph size. */
    static dev.chorus.graph.InteractionGraph load(String path, Map<String, Object> result) {
        result.put("input", path);
        result.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        result.put("processors", Runtime.getRuntime().availableProcessors());
        dev.chorus.graph.InteractionGraph g = dev.chorus.graph.GraphLoader.load(path, dev.chorus.ingest.IngestOptions.defaults()).graph();
        result.put("nodes", g.nodeCount());
        result.put("arcs", g.arcCount());
        return g;
    }

    /** Adds parallel_speedup (vs chorus_1_thread) and speedup_vs_jgrapht to one algorithm's entry. */
    @SuppressWarnings("unchecked")
    static void ratios(Map<String, Object> r) {
        double chorus = best((Map<String, Object>) r.get("chorus"));
        if (r.containsKey("chorus_1_thread")) {
            r.put("parallel_speedup", round(best((Map<String, Object>) r.get("chorus_1_thread")) / chorus));
        }
        if (r.containsKey("jgrapht")) r.put("speedup_vs_jgrapht", round(best((Map<String, Object>) r.get("jgrapht")) / chorus));
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
