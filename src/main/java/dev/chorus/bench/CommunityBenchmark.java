package dev.chorus.bench;

import dev.chorus.community.Communities;
import dev.chorus.community.LabelPropagation;
import dev.chorus.community.LabelPropagationConfig;
import dev.chorus.community.Leiden;
import dev.chorus.community.LeidenConfig;
import dev.chorus.community.Louvain;
import dev.chorus.community.LouvainConfig;
import dev.chorus.community.Modularity;
import dev.chorus.graph.InteractionGraph;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.graph.AsUndirectedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Community detection on one loaded graph (load not counted): Louvain, Leiden and label propagation, each with
 * the modularity it reached, beside JGraphT 1.5.3's label propagation on its own copy (JGraphT has no Louvain or
 * Leiden; its greedy modularity is quadratic and does not finish on large graphs) and Chorus on one thread.
 */
public final class CommunityBenchmark {
    private CommunityBenchmark() {
    }

    public static Map<String, Object> run(String path, List<String> algorithms, int repeat, boolean jgrapht, PrintWriter log)
            throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        int threads = Runtime.getRuntime().availableProcessors();
        InteractionGraph g = Timing.load(path, result);
        for (String algo : algorithms) {
            Map<String, Object> r = new LinkedHashMap<>();
            Communities[] last = new Communities[1];
            switch (algo) {
                case "louvain" -> {
                    r.put("chorus", Timing.measure("louvain chorus " + threads + "t", repeat, log,
                            () -> last[0] = Louvain.compute(g, LouvainConfig.defaults())));
                    r.put("chorus_1_thread", Timing.measure("louvain chorus 1t", repeat, log,
                            () -> Louvain.compute(g, LouvainConfig.defaults().withThreads(1))));
                }
                case "leiden" -> {
                    r.put("chorus", Timing.measure("leiden chorus " + threads + "t", repeat, log,
                            () -> last[0] = Leiden.compute(g, LeidenConfig.defaults())));
                    r.put("chorus_1_thread", Timing.measure("leiden chorus 1t", repeat, log,
                            () -> Leiden.compute(g, LeidenConfig.defaults().withThreads(1))));
                }
                case "lpa" -> {
                    r.put("chorus", Timing.measure("lpa chorus", repeat, log,
                            () -> last[0] = LabelPropagation.compute(g, LabelPropagationConfig.defaults())));
                    if (jgrapht) {
                        log.println("bench: copying the graph into JGraphT for the baseline...");
                        log.flush();
                        Graph<String, DefaultWeightedEdge> u = new AsUndirectedGraph<>(g.toJGraphT());
                        double[] q = new double[1];
                        r.put("jgrapht", Timing.measure("lpa jgrapht", repeat, log, () -> {
                            List<Set<String>> clusters = new LabelPropagationClustering<>(u, 100, new java.util.Random(42))
                                    .getClustering().getClusters();
                            q[0] = modularityOf(g, clusters);
                        }));
                        r.put("jgrapht_modularity", q[0]);
                    }
                }
                default -> throw new IllegalArgumentException("bench communities: unknown algorithm '" + algo
                        + "' (available: louvain, leiden, lpa)");
            }
            r.put("modularity", Modularity.of(g, last[0].membership()));
            r.put("communities", last[0].count());
            Timing.ratios(r);
            result.put(algo, r);
        }
        return result;
    }

    private static double modularityOf(InteractionGraph g, List<Set<String>> clusters) {
        Map<String, Integer> of = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) for (String id : clusters.get(c)) of.put(id, c);
        int[] membership = new int[g.nodeCount()];
        for (int u = 0; u < membership.length; u++) membership[u] = of.get(g.ids().id(u));
        return Modularity.of(g, membership);
    }
}
