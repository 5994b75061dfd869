package dev.chorus.bench;

import dev.chorus.centrality.Betweenness;
import dev.chorus.centrality.BetweennessConfig;
import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Centrality algorithms on one loaded graph (load not counted), each beside a baseline in the same JVM:
 * JGraphT 1.5.3 on its own copy of the graph where it has the algorithm, and Chorus on one thread, so that
 * the figures are ratios (speed-up over JGraphT, parallel speed-up). PageRank runs exactly 20 iterations on
 * both sides (tolerance set so low that it never stops early).
 */
public final class CentralityBenchmark {
    private CentralityBenchmark() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> run(String path, List<String> algorithms, int repeat, boolean jgrapht, int samples,
                                          int baselineSamples, boolean oneThread, PrintWriter log)
            throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        int threads = Runtime.getRuntime().availableProcessors();
        InteractionGraph g = Timing.load(path, result);
        Graph<String, DefaultWeightedEdge> j = null;
        if (jgrapht && algorithms.contains("pagerank")) {
            log.println("bench: copying the graph into JGraphT for the baseline...");
            log.flush();
            j = g.toJGraphT();
        }
        for (String algo : algorithms) {
            Map<String, Object> r = new LinkedHashMap<>();
            switch (algo) {
                case "pagerank" -> {
                    PageRankConfig cfg = PageRankConfig.defaults().withMaxIterations(20).withTolerance(Double.MIN_VALUE);
                    r.put("chorus", Timing.measure("pagerank chorus " + threads + "t", repeat, log, () -> PageRank.compute(g, cfg)));
                    r.put("chorus_1_thread", Timing.measure("pagerank chorus 1t", repeat, log, () -> PageRank.compute(g, cfg.withThreads(1))));
                    if (j != null) {
                        Graph<String, DefaultWeightedEdge> jg = j;
                        r.put("jgrapht", Timing.measure("pagerank jgrapht", repeat, log,
                                () -> new org.jgrapht.alg.scoring.PageRank<>(jg, 0.85, 20, Double.MIN_VALUE).getScores()));
                    }
                }
                case "kcore" -> {
                    r.put("chorus", Timing.measure("kcore chorus", repeat, log, () -> KCore.compute(g, KCoreConfig.defaults())));
                    if (jgrapht) {
                        // JGraphT's Coreness needs a simple undirected graph: the same view Chorus uses
                        Graph<Integer, org.jgrapht.graph.DefaultEdge> simple = simpleUndirected(g);
                        r.put("jgrapht", Timing.measure("kcore jgrapht", repeat, log,
                                () -> new org.jgrapht.alg.scoring.Coreness<>(simple).getScores()));
                    }
                }
                case "betweenness" -> {
                    // the target: 1,000 sampled sources; JGraphT has no sampled betweenness. Runs of
                    // hundreds of searches need no JIT warm-up.
                    BetweennessConfig cfg = BetweennessConfig.defaults().withSamples(samples).withSeed(1);
                    r.put("samples", samples);
                    r.put("chorus", Timing.measure("betweenness chorus " + threads + "t", repeat, false, log,
                            () -> Betweenness.compute(g, cfg)));
                    if (oneThread) {
                        r.put("chorus_1_thread", Timing.measure("betweenness chorus 1t", repeat, false, log,
                                () -> Betweenness.compute(g, cfg.withThreads(1))));
                    }
                    // the engine before batching: one breadth-first search per source, same threads; its cost
                    // is linear in the sources, so it may run on fewer and is compared per source
                    BetweennessConfig one = cfg.withSamples(baselineSamples);
                    r.put("one_source_per_search", Timing.measure("betweenness 1/search " + threads + "t", repeat, false, log,
                            () -> Betweenness.compute(g, one, Progress.NONE, 1)));
                    r.put("baseline_samples", baselineSamples);
                    r.put("speedup_per_source_vs_one_source_per_search", Timing.round(
                            Timing.best((Map<String, Object>) r.get("one_source_per_search")) / baselineSamples
                                    / (Timing.best((Map<String, Object>) r.get("chorus")) / samples)));
                }
                default -> throw new IllegalArgumentException("bench centrality: unknown algorithm '" + algo
                        + "' (available: pagerank, kcore, betweenness)");
            }
            Timing.ratios(r);
            result.put(algo, r);
        }
        return result;
    }

    private static Graph<Integer, org.jgrapht.graph.DefaultEdge> simpleUndirected(InteractionGraph g) {
        Graph<Integer, org.jgrapht.graph.DefaultEdge> s = new org.jgrapht.graph.SimpleGraph<>(org.jgrapht.graph.DefaultEdge.class);
        dev.chorus.graph.Adjacency u = g.undirected();
        for (int v = 0; v < g.nodeCount(); v++) s.addVertex(v);
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int i = u.start(v); i < u.end(v); i++) if (u.neighbor(i) > v) s.addEdge(v, u.neighbor(i));
        }
        return s;
    }

}
