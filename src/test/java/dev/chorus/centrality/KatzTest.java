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
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.KatzCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KatzTest {
    static final KatzConfig TIGHT = KatzConfig.defaults().withTolerance(1e-15).withMaxIterations(100_000);
    static final String KARATE = "datasets/karate/karate.edges";
    static final String EMAIL = "datasets/email-eu-core/email-Eu-core.txt.gz";

    static InteractionGraph graph(boolean directed, Object... rows) {
        GraphBuilder b = new GraphBuilder(directed);
        for (int i = 0; i < rows.length; i += 3) b.add((String) rows[i], (String) rows[i + 1], ((Number) rows[i + 2]).doubleValue());
        return b.build();
    }

    static InteractionGraph load(String path, boolean directed) {
        return GraphLoader.load(path, IngestOptions.defaults().withDirected(directed)).graph();
    }

    /** The spectral radius the default alpha was derived from. */
    static double rho(InteractionGraph g, boolean weighted) {
        return Katz.ALPHA_SHARE / Katz.alpha(g, KatzConfig.defaults().withWeighted(weighted));
    }

    /**
     * Zafarani, Abbasi &amp; Liu, "Social Media Mining: An Introduction", Cambridge University Press 2014,
     * doi:10.1017/CBO9781139088510, Example 3.4: largest eigenvalue 3.32; with alpha 0.25 and beta 0.2 the
     * (unnormalized) Katz centralities are (1.14, 1.31, 1.31, 1.14, 0.85). Compared after scaling them to unit norm.
     */
    @Test
    void publishedExample() {
        InteractionGraph g = graph(false, "v1", "v2", 1, "v1", "v3", 1, "v1", "v4", 1, "v2", "v3", 1, "v2", "v4", 1,
                "v2", "v5", 1, "v3", "v4", 1, "v3", "v5", 1);
        assertEquals(3.32, rho(g, false), 0.005);
        NodeScores k = Katz.compute(g, TIGHT.withAlpha(0.25).withBeta(0.2));
        double[] published = {1.14, 1.31, 1.31, 1.14, 0.85};
        double norm = Math.sqrt(java.util.Arrays.stream(published).map(x -> x * x).sum());
        for (int v = 1; v <= 5; v++) assertEquals(published[v - 1], norm * k.get("katz", "v" + v), 0.01);
    }

    /**
     * NetworkX's {@code test_katz_centrality.py} (test_multiple_alpha) publishes the path 0-1-2 for alpha 0.1 .. 0.6.
     * For alpha 0.2 .. 0.6 those are NetworkX's iterates at its default tolerance (for 0.5 the exact value is
     * 3 / sqrt(34) = 0.51449575542..., the published one 0.51449577466...): with the same start, update and
     * stopping rule the defaults reproduce them to rounding. For 0.1 the file has the exact solution
     * (0.5598852584152165, 0.6107839182711449), which a tight tolerance reaches; NetworkX 2.8.8 itself returns
     * 0.5598852608963282 there, and so do the defaults.
     */
    @Test
    void networkxPathValues() {
        InteractionGraph g = graph(false, "0", "1", 1, "1", "2", 1);
        Map<Double, double[]> published = Map.of(
                0.1, new double[] {0.5598852608963282, 0.6107839137224398},
                0.2, new double[] {0.5454545454545454, 0.6363636363636365},
                0.3, new double[] {0.5333964609104419, 0.6564879518897746},
                0.4, new double[] {0.5232045649263551, 0.6726915834767423},
                0.5, new double[] {0.5144957746691622, 0.6859943117075809},
                0.6, new double[] {0.5069794004195823, 0.6970966755769258});
        published.forEach((alpha, x) -> {
            NodeScores k = Katz.compute(g, KatzConfig.defaults().withAlpha(alpha));
            assertEquals(x[0], k.get("katz", "0"), 1e-13, "alpha " + alpha);
            assertEquals(x[1], k.get("katz", "1"), 1e-13, "alpha " + alpha);
            assertEquals(x[0], k.get("katz", "2"), 1e-13, "alpha " + alpha);
        });
        NodeScores exact = Katz.compute(g, TIGHT.withAlpha(0.1));
        assertEquals(0.5598852584152165, exact.get("katz", "0"), 1e-14);
        assertEquals(0.6107839182711449, exact.get("katz", "1"), 1e-14);
        NodeScores half = Katz.compute(g, TIGHT.withAlpha(0.5));
        assertEquals(3 / Math.sqrt(34), half.get("katz", "0"), 1e-14);
        assertEquals(4 / Math.sqrt(34), half.get("katz", "1"), 1e-14);
    }

    /**
     * Karate club against NetworkX 2.8.8 {@code katz_centrality(G, alpha=0.9/rho)} with rho from numpy's
     * {@code eigvals} (6.725697727631745): at the default tolerance the same iteration stops at the same step.
     */
    @Test
    void karateClubMatchesNetworkX() {
        InteractionGraph g = load(KARATE, false);
        assertEquals(6.725697727631745, rho(g, false), 1e-11);
        NodeScores k = Katz.compute(g, KatzConfig.defaults());
        assertEquals(0.36334188074018386, k.get("katz", "33"), 1e-11);
        assertEquals(0.34855332726659066, k.get("katz", "0"), 1e-11);
        assertEquals(0.0463801740636996, k.get("katz", "16"), 1e-11);
        NodeScores tight = Katz.compute(g, TIGHT);
        assertEquals(0.3633418928641152, tight.get("katz", "33"), 1e-11);
        assertEquals(0.3485533358908171, tight.get("katz", "0"), 1e-11);
        assertEquals(0.046380148618510704, tight.get("katz", "16"), 1e-11);
        InteractionGraph weighted = load("datasets/karate/karate_weighted_networkx.tsv", false);
        assertEquals(21.687565903954187, rho(weighted, true), 1e-10);
        NodeScores w = Katz.compute(weighted, TIGHT.withWeighted(true));
        assertEquals(0.35600139900368877, w.get("katz", "33"), 1e-11);
        assertEquals(0.3096994198622014, w.get("katz", "0"), 1e-11);
        assertEquals(0.04420250512954565, w.get("katz", "16"), 1e-11);
    }

    /** email-Eu-core: rho 62.57854335537273 (numpy eigvals), Katz of NetworkX 2.8.8 with alpha 0.9 / rho. */
    @Test
    void emailEuCoreMatchesNetworkX() {
        InteractionGraph g = load(EMAIL, true);
        assertEquals(62.57854335537273, rho(g, false), 1e-9);
        NodeScores k = Katz.compute(g, TIGHT);
        assertEquals(0.14013621101727677, k.get("katz", "160"), 1e-10);
        assertEquals(0.0353425443583386, k.get("katz", "1"), 1e-10);
        assertEquals(0.022336381111986974, k.get("katz", "0"), 1e-10);
    }

    /** A directed graph with weights, a self-loop and a 2-cycle: NetworkX 2.8.8 and numpy's spectral radii. */
    @Test
    void directedWeightedSelfLoopMatchesNetworkX() {
        InteractionGraph g = graph(true, "a", "b", 2, "b", "c", 1, "c", "a", 1, "a", "d", 1, "d", "d", 3, "e", "a", 1,
                "c", "f", 0.5, "f", "c", 2, "d", "b", 1);
        assertEquals(1.6180339887498936, rho(g, false), 1e-12);
        assertEquals(3.0432143505719598, rho(g, true), 1e-12);
        NodeScores u = Katz.compute(g, TIGHT);
        assertEquals(0.3401481433029197, u.get("katz", "a"), 1e-12);
        assertEquals(0.5143479740187387, u.get("katz", "d"), 1e-12);
        assertEquals(0.03905109463509596, u.get("katz", "e"), 1e-12);
        NodeScores w = Katz.compute(g, TIGHT.withWeighted(true));
        assertEquals(0.14070846051461172, w.get("katz", "a"), 1e-12);
        assertEquals(0.8712105394166171, w.get("katz", "d"), 1e-12);
        assertEquals(0.09029964886070724, w.get("katz", "f"), 1e-12);
    }

    /**
     * The spectral radius against commons-math's dense eigenvalues (largest modulus) on random directed graphs
     * made of one-way linked groups (reducible: several strongly connected components, the node 39 alone), on
     * bipartite graphs (eigenvalue -rho, where
     * unshifted power iteration oscillates), and on directed cycles (all eigenvalues on the circle).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void spectralRadiusMatchesDenseEigenvalues(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 40;
        GraphBuilder blocks = new GraphBuilder(true);
        GraphBuilder bipartite = new GraphBuilder(false);
        for (int v = 0; v < n; v++) {
            blocks.addNode("n" + v);
            bipartite.addNode("n" + v);
        }
        // three groups of 13 with arcs inside and only one way between groups: reducible, several cyclic blocks
        for (int i = 0; i < 150; i++) {
            int group = rnd.nextInt(3);
            int u = 13 * group + rnd.nextInt(13);
            int v = rnd.nextInt(6) == 0 ? 13 * Math.min(2, group + 1) + rnd.nextInt(13) : 13 * group + rnd.nextInt(13);
            blocks.add("n" + u, "n" + v, 1 + rnd.nextInt(4));
        }
        for (int i = 0; i < 50; i++) bipartite.add("n" + 2 * rnd.nextInt(n / 2), "n" + (2 * rnd.nextInt(n / 2) + 1), 1 + rnd.nextInt(4));
        GraphBuilder cycle = new GraphBuilder(true);
        int len = 3 + rnd.nextInt(8);
        for (int v = 0; v < len; v++) cycle.add("c" + v, "c" + (v + 1) % len, 2);
        for (InteractionGraph g : new InteractionGraph[] {blocks.build(), bipartite.build()}) {
            for (boolean weighted : new boolean[] {true, false}) {
                double expected = denseRadius(g, weighted);
                assertEquals(expected, rho(g, weighted), 1e-10 * Math.max(1, expected));
            }
        }
        // all of a cycle's eigenvalues have the same modulus, which stalls commons-math's Schur iteration; the
        // radius of a cycle of weight-2 arcs is 2
        InteractionGraph c = cycle.build();
        assertEquals(2.0, rho(c, true), 1e-12);
        assertEquals(1.0, rho(c, false), 1e-12);
    }

    private static double denseRadius(InteractionGraph g, boolean weighted) {
        int n = g.nodeCount();
        double[][] a = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int e = g.out().start(u); e < g.out().end(u); e++) a[u][g.out().neighbor(e)] = weighted ? g.out().weight(e) : 1;
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a));
        double max = 0;
        for (int k = 0; k < n; k++) max = Math.max(max, Math.hypot(eig.getRealEigenvalue(k), eig.getImagEigenvalue(k)));
        return max;
    }

    /**
     * JGraphT 1.5.3's {@code KatzCentrality} solves the same {@code x = alpha A^T x + beta} (in-edges, weights) but
     * starts from {@code beta}, stops on the largest change and does not normalize: scaled to unit Euclidean norm
     * and given the same alpha, it must agree. Unweighted runs use a unit-weight copy (JGraphT always reads weights).
     */
    @ParameterizedTest
    @CsvSource({KARATE + ",false", "datasets/football/football_newman.gml,false", EMAIL + ",true"})
    void agreesWithJGraphTOnShippedDatasets(String path, boolean directed) {
        assertAgreesWithJGraphT(load(path, directed), false);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void agreesWithJGraphTOnRandomGraphs(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (boolean directed : new boolean[] {true, false}) {
            GraphBuilder b = new GraphBuilder(directed);
            for (int i = 0; i < 500; i++) b.add("n" + rnd.nextInt(120), "n" + rnd.nextInt(120), 1 + rnd.nextInt(5));
            InteractionGraph g = b.build();
            assertAgreesWithJGraphT(g, true);
            assertAgreesWithJGraphT(g, false);
        }
    }

    private static void assertAgreesWithJGraphT(InteractionGraph g, boolean weighted) {
        KatzConfig config = TIGHT.withWeighted(weighted);
        double alpha = Katz.alpha(g, config);
        Graph<String, DefaultWeightedEdge> j = g.toJGraphT();
        if (!weighted) j.edgeSet().forEach(e -> j.setEdgeWeight(e, 1.0));
        Map<String, Double> raw = new KatzCentrality<>(j, alpha, v -> 1.0, 100_000, 1e-13).getScores();
        double norm = Math.sqrt(raw.values().stream().mapToDouble(x -> x * x).sum());
        NodeScores k = Katz.compute(g, config);
        assertTrue(k.converged());
        for (int u = 0; u < g.nodeCount(); u++) {
            String id = g.ids().id(u);
            assertEquals(raw.get(id) / norm, k.column("katz")[u], 1e-9, id);
        }
    }

    /**
     * A DAG has spectral radius 0: the series is finite for every alpha, and the default falls back to
     * NetworkX's 0.1. On the chain a -> b -> c: x = (1, 1 + 0.1, 1 + 0.1 * 1.1) before normalization.
     */
    @Test
    void dagUsesNetworkXDefaultAlpha() {
        InteractionGraph g = graph(true, "a", "b", 1, "b", "c", 1);
        assertEquals(Katz.ACYCLIC_ALPHA, Katz.alpha(g, KatzConfig.defaults()), 0);
        NodeScores k = Katz.compute(g, KatzConfig.defaults());
        double norm = Math.sqrt(1 + 1.1 * 1.1 + 1.11 * 1.11);
        assertEquals(1 / norm, k.get("katz", "a"), 1e-15);
        assertEquals(1.1 / norm, k.get("katz", "b"), 1e-15);
        assertEquals(1.11 / norm, k.get("katz", "c"), 1e-15);
        assertTrue(k.converged());
        assertEquals(4, k.iterations()); // the walks end after 2 steps; one more step shows no change
    }

    /** alpha at or beyond 1/rho: no convergence, but a finite unit vector (NetworkX raises). */
    @Test
    void divergingAlphaIsReportedNotOverflowed() {
        InteractionGraph twoCycle = graph(true, "a", "b", 1, "b", "a", 1, "b", "c", 1);
        NodeScores atRadius = Katz.compute(twoCycle, KatzConfig.defaults().withAlpha(1.0));
        assertFalse(atRadius.converged());
        NodeScores far = Katz.compute(twoCycle, KatzConfig.defaults().withAlpha(50));
        assertFalse(far.converged());
        double squares = 0;
        for (double x : far.column("katz")) {
            assertTrue(Double.isFinite(x));
            squares += x * x;
        }
        assertEquals(1.0, squares, 1e-12);
        assertTrue(far.iterations() < KatzConfig.MAX_ITERATIONS_DEFAULT, "stopped at the overflow");
    }

    @Test
    void sameResultForOneAndTwoThreads() {
        InteractionGraph g = load("datasets/wiki-vote/Wiki-Vote.txt.gz", true);
        assertEquals(Katz.alpha(g, KatzConfig.defaults().withThreads(1)), Katz.alpha(g, KatzConfig.defaults().withThreads(2)), 0);
        NodeScores one = Katz.compute(g, KatzConfig.defaults().withThreads(1));
        NodeScores two = Katz.compute(g, KatzConfig.defaults().withThreads(2));
        assertArrayEquals(one.column("katz"), two.column("katz"));
        assertEquals(one.iterations(), two.iterations());
    }

    @Test
    void edgeCases() {
        assertEquals(0, Katz.compute(new GraphBuilder(true).build(), KatzConfig.defaults()).column("katz").length);
        assertEquals(1.0, Katz.compute(new GraphBuilder(true).addNode("a").build(), KatzConfig.defaults()).get("katz", "a"), 0);
        // all nodes dangling: every node gets beta, as in NetworkX
        GraphBuilder isolated = new GraphBuilder(true);
        for (String id : new String[] {"a", "b", "c"}) isolated.addNode(id);
        for (double x : Katz.compute(isolated.build(), KatzConfig.defaults()).column("katz")) assertEquals(1 / Math.sqrt(3), x, 1e-15);
        // a self-loop of weight w alone: rho = w
        assertEquals(3.0, rho(graph(true, "a", "a", 3, "a", "b", 1), true), 1e-12);
        assertEquals(1.0, rho(graph(true, "a", "a", 3, "a", "b", 1), false), 1e-12);
        // zero-weight edge: no path when weighted, an edge when not (NetworkX 2.8.8 with alpha 0.9/rho)
        InteractionGraph zero = graph(false, "a", "b", 0, "b", "c", 1, "c", "a", 1, "c", "d", 2);
        assertEquals(2.449489742783178, rho(zero, true), 1e-12);
        assertEquals(2.170086486626033, rho(zero, false), 1e-12);
        NodeScores zw = Katz.compute(zero, TIGHT.withWeighted(true));
        assertEquals(0.3100576574925931, zw.get("katz", "a"), 1e-11);
        assertEquals(0.6977684689948351, zw.get("katz", "c"), 1e-11);
        NodeScores zu = Katz.compute(zero, TIGHT);
        assertEquals(0.5188160123569825, zu.get("katz", "a"), 1e-11);
        assertEquals(0.30364744004479977, zu.get("katz", "d"), 1e-11);
        // only zero-weight arcs form the cycle: weighted, the graph is acyclic
        assertEquals(Katz.ACYCLIC_ALPHA, Katz.alpha(graph(true, "a", "b", 0, "b", "a", 0), KatzConfig.defaults().withWeighted(true)), 0);
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KatzConfig.defaults().withAlpha(-0.5));
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KatzConfig.defaults().withAlpha(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> KatzConfig.defaults().withBeta(0));
        assertThrows(IllegalArgumentException.class, () -> KatzConfig.defaults().withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> KatzConfig.defaults().withTolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> KatzConfig.defaults().withThreads(0));
    }
}
