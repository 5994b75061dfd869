package dev.chorus.bench;

import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end ingest benchmark (read, parse, intern ids, build CSR both ways) against two baselines run on the
 * same file in the same JVM, so that figures are ratios, not absolute claims:
 * <ul>
 * <li>{@code scan}: read and split the bytes into lines, nothing else: the I/O floor;</li>
 * <li>{@code naive}: what a first Java version does: {@code BufferedReader.readLine}, {@code String.split},
 * {@code HashMap<String,Integer>} ids and boxed edge lists (no CSR);</li>
 * <li>{@code chorus 1 thread}: the same load with {@code threads = 1}, against the default (every processor).</li>
 * </ul>
 * Each contender runs {@code repeat} times after one warm-up; the best time counts. Peak heap is read from the
 * JVM's heap pools after each contender (reset before it).
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static Map<String, Object> run(String path, int repeat, java.io.PrintWriter log) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("input", path);
        result.put("java", System.getProperty("java.version"));
        result.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        result.put("processors", Runtime.getRuntime().availableProcessors());

        long[] lines = new long[1];
        Map<String, Object> scan = Timing.measure("scan", repeat, log, () -> lines[0] = scanLines(path));
        Map<String, Object> naive = Timing.measure("naive", repeat, log, () -> naive(path));
        InteractionGraph[] graph = new InteractionGraph[1];
        long[] rows = new long[1];
        Map<String, Object> chorus = Timing.measure("chorus", repeat, log, () -> {
            GraphLoader.Loaded l = GraphLoader.load(path, IngestOptions.defaults());
            graph[0] = l.graph();
            rows[0] = l.rows().read();
        });
        // the same load on one thread: what the id-interning worker and the parallel edge aggregation buy
        Map<String, Object> oneThread = Timing.measure("chorus 1 thread", repeat, log,
                () -> GraphLoader.load(path, IngestOptions.defaults().withThreads(1)));
        double best = (double) chorus.get("best_s");
        result.put("lines", lines[0]);
        result.put("rows", rows[0]);
        result.put("nodes", graph[0].nodeCount());
        result.put("arcs", graph[0].arcCount());
        result.put("rows_per_s", Math.round(rows[0] / best));
        Map<String, Long> mem = graph[0].memoryBytes();
        long adjacency = mem.get("out") + mem.get("in");
        result.put("graph_bytes", mem);
        result.put("adjacency_bytes_per_arc", Timing.round((double) adjacency / Math.max(1, graph[0].arcCount())));
        result.put("scan", scan);
        result.put("naive", naive);
        result.put("chorus", chorus);
        result.put("chorus_1_thread", oneThread);
        result.put("threads_speedup", Timing.round((double) oneThread.get("best_s") / best));
        result.put("chorus_vs_naive_speedup", Timing.round((double) naive.get("best_s") / best));
        result.put("chorus_vs_scan_ratio", Timing.round(best / (double) scan.get("best_s")));
        return result;
    }

    private static long scanLines(String path) throws IOException {
        long n = 0;
        try (InputSource in = InputSource.open(path)) {
            InputStream s = in.stream();
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = s.read(buf)) > 0) {
                for (int i = 0; i < r; i++) if (buf[i] == '\n') n++;
            }
        }
        return n;
    }

    private static void naive(String path) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> edges = new ArrayList<>();
        try (InputSource in = InputSource.open(path);
             BufferedReader r = new BufferedReader(new InputStreamReader(in.stream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                String[] f = line.split("\\s+");
                int s = ids.computeIfAbsent(f[0], k -> ids.size());
                int t = ids.computeIfAbsent(f[1], k -> ids.size());
                edges.add(new int[] {s, t});
            }
        }
        if (edges.isEmpty() && ids.size() > 0) throw new AssertionError();
    }

}
