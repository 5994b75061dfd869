package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRankTest {
    static final PageRankConfig TIGHT = PageRankConfig.defaults().withTolerance(1e-15).withMaxIterations(10_000);

    static InteractionGraph graph(boolean directed, Object... rows) {
        GraphBuilder b = new GraphBuilder(directed);
        for (int i = 0; i < rows.length; i += 3) b.add((String) rows[i], (String) rows[i + 1], ((Number) rows[i + 2]).doubleValue());
        return b.build();
    }

    /**
     * The example graph of Wikipedia's "PageRank" article (figure "PageRanks for a simple network", damping
     * 0.85, the dangling node A spreading uniformly): A 3.3%, B 38.4%, C 34.3%, D 3.9%, E 8.1%, F 3.9%,
     * G..K 1.6% each.
     */
    @Test
    void wikipediaExample() {
        InteractionGraph g = graph(true,
                "B", "C", 1, "C", "B", 1, "D", "A", 1, "D", "B", 1, "E", "B", 1, "E", "D", 1, "E", "F", 1,
                "F", "B", 1, "F", "E", 1, "G", "B", 1, "G", "E", 1, "H", "B", 1, "H", "E", 1, "I", "B", 1,
                "I", "E", 1, "J", "E", 1, "K", "E", 1);
        NodeScores pr = PageRank.compute(g, TIGHT);
        Map<String, Double> published = Map.of("A", 3.3, "B", 38.4, "C", 34.3, "D", 3.9, "E", 8.1, "F", 3.9,
                "G", 1.6, "H", 1.6, "I", 1.6, "J", 1.6);
        published.forEach((id, pct) -> assertEquals(pct, 100 * pr.get("pagerank", id), 0.05, id));
        assertTrue(pr.converged());
    }

    /**
     * Karate club (unweighted, undirected): values of NetworkX 2.8.8 {@code nx.pagerank(G, tol=1e-12)}, an
     * independent implementation. NetworkX stops at an L1 error below n * tol, so agreement is to ~1e-10.
     */
    @Test
    void karateClubMatchesNetworkX() {
        InteractionGraph g = GraphLoader.load("datasets/karate/karate.edges", IngestOptions.defaults().withDirected(false)).graph();
        NodeScores pr = PageRank.compute(g, TIGHT);
        assertEquals(0.096997285399, pr.get("pagerank", "0"), 1e-10);
        assertEquals(0.100919182323, pr.get("pagerank", "33"), 1e-10);
        assertEquals(0.016784005448, pr.get("pagerank", "16"), 1e-10);
        assertEquals(0.009564745493, pr.get("pagerank", "11"), 1e-10);
        NodeScores ppr = PageRank.compute(g, TIGHT.withPersonalize(List.of("0", "33")));
        assertEquals(0.157280914151, ppr.get("pagerank", "0"), 1e-10);
        assertEquals(0.159418947526, ppr.get("pagerank", "33"), 1e-10);
        assertEquals(0.009476729256, ppr.get("pagerank", "16"), 1e-10);
        InteractionGraph weighted = GraphLoader.load("datasets/karate/karate_weighted_networkx.tsv",
                IngestOptions.defaults().withDirected(false)).graph();
        NodeScores prw = PageRank.compute(weighted, TIGHT);
        assertEquals(0.088500315438, prw.get("pagerank", "0"), 1e-10);
        assertEquals(0.096989362825, prw.get("pagerank", "33"), 1e-10);
    }

    /**
     * Weights, a self-loop, a dangling node, personalization and the unweighted switch against NetworkX 2.8.8
     * ({@code nx.pagerank(D)}, {@code personalization={'b':1,'e':1}}, {@code weight=None}).
     */
    @Test
    void directedDanglingSelfLoopPersonalizedMatchNetworkX() {
        InteractionGraph g = graph(true, "a", "b", 2, "b", "c", 1, "c", "a", 1, "a", "d", 1, "d", "d", 3, "e", "a", 1, "c", "f", 0.5);
        NodeScores pr = PageRank.compute(g, TIGHT);
        assertEquals(0.14096075005063083, pr.get("pagerank", "a"), 1e-12);
        assertEquals(0.5019953565631466, pr.get("pagerank", "d"), 1e-12);
        assertEquals(0.073132406848076, pr.get("pagerank", "f"), 1e-12);
        NodeScores ppr = PageRank.compute(g, TIGHT.withPersonalize(List.of("b", "e")));
        assertEquals(0.17357466350601006, ppr.get("pagerank", "a"), 1e-12);
        assertEquals(0.19312625263684596, ppr.get("pagerank", "b"), 1e-12);
        assertEquals(0.04651123917671061, ppr.get("pagerank", "f"), 1e-12);
        NodeScores unweighted = PageRank.compute(g, TIGHT.withWeighted(false));
        assertEquals(0.5701791546115124, unweighted.get("pagerank", "d"), 1e-12);
        assertEquals(0.08552687319174532, unweighted.get("pagerank", "b"), 1e-12);
    }

    /** email-Eu-core (directed, self-loops, dangling nodes) against NetworkX 2.8.8 values (tol=1e-13, L1 error < 1e-10). */
    @Test
    void emailEuCoreMatchesNetworkX() {
        InteractionGraph g = GraphLoader.load("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults()).graph();
        NodeScores pr = PageRank.compute(g, TIGHT);
        assertEquals(0.006737997144635996, pr.get("pagerank", "160"), 1e-10);
        assertEquals(0.009981137057636338, pr.get("pagerank", "1"), 1e-10);
        assertEquals(0.0012719971452919794, pr.get("pagerank", "0"), 1e-10);
        assertEquals(0.00020609861942386617, pr.get("pagerank", "1004"), 1e-10);
    }

    /**
     * JGraphT 1.5.3's PageRank (weighted, dangling mass spread uniformly) is the same definition; with tight
     * tolerances both converge to the same vector.
     */
    @ParameterizedTest
    @ValueSource(strings = {"datasets/email-eu-core/email-Eu-core.txt.gz", "datasets/wiki-vote/Wiki-Vote.txt.gz",
            "datasets/higgs-twitter/higgs-reply_network.edgelist.gz", "datasets/lesmis/lesmis.gml"})
    void agreesWithJGraphTOnShippedDatasets(String path) {
        InteractionGraph g = GraphLoader.load(path, IngestOptions.defaults()).graph();
        assertAgreesWithJGraphT(g);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void agreesWithJGraphTOnRandomGraphs(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (boolean directed : new boolean[] {true, false}) {
            GraphBuilder b = new GraphBuilder(directed);
            for (int i = 0; i < 400; i++) {
                int u = rnd.nextInt(120);
                int v = rnd.nextInt(120);
                if (!directed && u == v) continue; // JGraphT counts an undirected loop once in the out-weight
                b.add("n" + u, "n" + v, 1 + rnd.nextInt(5));
            }
            assertAgreesWithJGraphT(b.build());
        }
    }

    private static void assertAgreesWithJGraphT(InteractionGraph g) {
        Graph<String, DefaultWeightedEdge> j = g.toJGraphT();
        Map<String, Double> expected = new org.jgrapht.alg.scoring.PageRank<>(j, 0.85, 100_000, 1e-15).getScores();
        NodeScores pr = PageRank.compute(g, TIGHT);
        for (int u = 0; u < g.nodeCount(); u++) {
            String id = g.ids().id(u);
            assertEquals(expected.get(id), pr.column("pagerank")[u], 1e-9, id);
        }
    }

    @Test
    void sameResultForOneAndTwoThreads() {
        InteractionGraph g = GraphLoader.load("datasets/wiki-vote/Wiki-Vote.txt.gz", IngestOptions.defaults()).graph();
        NodeScores one = PageRank.compute(g, PageRankConfig.defaults().withThreads(1));
        NodeScores two = PageRank.compute(g, PageRankConfig.defaults().withThreads(2));
        NodeScores four = PageRank.compute(g, PageRankConfig.defaults().withThreads(4));
        assertArrayEquals(one.column("pagerank"), two.column("pagerank"));
        assertArrayEquals(one.column("pagerank"), four.column("pagerank"));
        assertEquals(one.iterations(), two.iterations());
    }

    @Test
    void edgeCases() {
        assertEquals(0, PageRank.compute(new GraphBuilder(true).build(), TIGHT).column("pagerank").length);
        NodeScores single = PageRank.compute(new GraphBuilder(true).addNode("x").build(), TIGHT);
        assertEquals(1.0, single.get("pagerank", "x"), 1e-15);
        // all nodes dangling: uniform
        NodeScores isolated = PageRank.compute(new GraphBuilder(true).addNode("x").addNode("y").addNode("z").build(), TIGHT);
        for (double s : isolated.column("pagerank")) assertEquals(1.0 / 3, s, 1e-15);
        // zero-weight arcs carry nothing: a node whose only out-arc weighs 0 is dangling
        InteractionGraph zero = graph(true, "a", "b", 0, "b", "a", 1);
        NodeScores z = PageRank.compute(zero, TIGHT);
        // x_a = 0.15/2 + 0.85 (x_b + x_a/2), x_b = 0.15/2 + 0.85 x_a/2, x_a + x_b = 1  ->  x_a = 0.925/1.425
        double xa = 0.925 / 1.425;
        assertEquals(xa, z.get("pagerank", "a"), 1e-12);
        // disconnected components: scores still sum to 1
        NodeScores two = PageRank.compute(graph(true, "a", "b", 1, "c", "d", 1, "d", "c", 1), TIGHT);
        assertEquals(1.0, java.util.Arrays.stream(two.column("pagerank")).sum(), 1e-12);
        // non-convergence is reported, not hidden
        NodeScores capped = PageRank.compute(graph(true, "a", "b", 1, "b", "c", 1, "c", "a", 1, "c", "b", 1),
                PageRankConfig.defaults().withMaxIterations(2).withTolerance(1e-15));
        assertFalse(capped.converged());
        assertEquals(2, capped.iterations());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PageRankConfig.defaults().withDamping(1.0));
        assertThrows(IllegalArgumentException.class, () -> PageRankConfig.defaults().withTolerance(0));
        assertThrows(IllegalArgumentException.class, () -> PageRankConfig.defaults().withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> PageRankConfig.defaults().withThreads(0));
        InteractionGraph g = graph(true, "a", "b", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PageRank.compute(g, PageRankConfig.defaults().withPersonalize(List.of("nobody"))));
        assertTrue(e.getMessage().contains("'nobody'"));
    }
}
