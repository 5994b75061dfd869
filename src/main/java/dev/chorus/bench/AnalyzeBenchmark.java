package dev.chorus.bench;

import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.Source;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.output.Gexf;
import dev.chorus.output.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The main job against {@code info} on the same file in the same JVM: {@code info} (load + describe) is the
 * floor every command pays, so {@code analyze / info} says what the analysis itself costs, whatever the load of
 * a shared machine. The two alternate, {@code repeat} times each, without a warm-up (a run takes seconds to
 * minutes, JIT compilation is a negligible part of it); the best run counts. {@code analyze} is what the command
 * does by default minus parsing flags: load, {@link Analysis#compute}, {@link ReportFiles#write} into a temporary directory
 * (deleted after each run). The per-step seconds and file seconds are those of the best {@code analyze} run;
 * peak heap is the sum of the heap pools' peaks during a run: an upper bound on what the heap held at once (it can pass -Xmx).
 */
public final class AnalyzeBenchmark {
    private AnalyzeBenchmark() {
    }

    /**
     * @param describe what {@code info} computes from the loaded graph (the command's own code)
     * @param config   the analysis settings ({@link AnalysisConfig#defaults()} as {@code analyze} runs)
     */
    public static Map<String, Object> run(String path, int repeat, AnalysisConfig config, Function<GraphLoader.Loaded, ?> describe,
                                          PrintWriter log) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("input", path);
        result.put("java", System.getProperty("java.version"));
        result.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        result.put("processors", Runtime.getRuntime().availableProcessors());
        result.put("load_average", loadAverage());
        IngestOptions options = IngestOptions.defaults().withThreads(config.threads());
        List<Map<String, Object>> infos = new ArrayList<>();
        List<Map<String, Object>> analyzes = new ArrayList<>();
        Map<String, Object> best = null;
        double bestS = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeat; i++) {
            infos.add(Timing.measure("info", 1, false, log, () -> describe.apply(GraphLoader.load(path, options))));
            Map<String, Object> steps = new LinkedHashMap<>();
            Map<String, Object> a = Timing.measure("analyze", 1, false, log, () -> analyze(path, options, config, steps, result));
            analyzes.add(a);
            if (Timing.best(a) < bestS) {
                bestS = Timing.best(a);
                best = steps;
            }
        }
        Map<String, Object> info = merge(infos);
        Map<String, Object> analyze = merge(analyzes);
        result.put("info", info);
        result.put("analyze", analyze);
        result.put("analyze_steps_s", best);
        result.put("analyze_vs_info_ratio", Timing.round(Timing.best(analyze) / Timing.best(info)));
        result.put("load_average_after", loadAverage());
        return result;
    }

    private static void analyze(String path, IngestOptions options, AnalysisConfig config, Map<String, Object> steps,
                                Map<String, Object> result) throws IOException {
        long t0 = System.nanoTime();
        GraphLoader.Loaded loaded = GraphLoader.load(path, options);
        steps.put("load", round3((System.nanoTime() - t0) / 1e9));
        result.put("nodes", loaded.graph().nodeCount());
        result.put("edges", loaded.graph().edgeCount());
        AnalysisResult r = Analysis.compute(loaded.graph(), config);
        r.seconds().forEach((k, v) -> steps.put(k, round3(v)));
        Path dir = Files.createTempDirectory("chorus-bench-analyze-");
        try {
            long w0 = System.nanoTime();
            Map<String, Double> files = ReportFiles.write(r, new Source(path, loaded.format().name().toLowerCase(), loaded.rows()), dir,
                    Gexf.Scope.REPORT);
            // wall time: nodes.csv is written beside the other files, so their seconds overlap
            steps.put("write", round3((System.nanoTime() - w0) / 1e9));
            Map<String, Object> sizes = new LinkedHashMap<>();
            for (String f : files.keySet()) {
                steps.put("write " + f, round3(files.get(f)));
                Path p = dir.resolve(f);
                if (Files.exists(p)) sizes.put(f, Files.size(p));
            }
            result.put("file_bytes", sizes);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(dir);
        }
    }

    /** One contender's single-run measurements as one entry: best_s, times_s, peak_heap_mb (the largest). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(List<Map<String, Object>> runs) {
        List<Double> times = new ArrayList<>();
        long peak = 0;
        for (Map<String, Object> r : runs) {
            times.addAll((List<Double>) r.get("times_s"));
            peak = Math.max(peak, (long) r.get("peak_heap_mb"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("best_s", times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        m.put("times_s", times);
        m.put("peak_heap_mb", peak);
        return m;
    }

    private static double round3(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** The 1-minute load average (how busy the shared machine was), or -1 where the OS does not tell. */
    private static double loadAverage() {
        return Timing.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

}
