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
import org.apache.commons.math3.linear.RealVector;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.EigenvectorCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EigenvectorTest {
    static final EigenvectorConfig TIGHT = EigenvectorConfig.defaults().withTolerance(1e-15).withMaxIterations(100_000);
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

    /**
     * Zafarani, Abbasi &amp; Liu, "Social Media Mining: An Introduction", Cambridge University Press 2014,
     * doi:10.1017/CBO9781139088510, Example 3.3: eigenvector (0.4119, 0.5825, 0.4119, 0.5237, 0.2169) for the
     * undirected graph of Figure 3.2(b). And the NetworkX documentation's example: {@code path_graph(4)} gives
     * 0.37, 0.60, 0.60, 0.37.
     */
    @Test
    void publishedExamples() {
        InteractionGraph g = graph(false, "v1", "v2", 1, "v1", "v4", 1, "v2", "v3", 1, "v2", "v4", 1, "v2", "v5", 1,
                "v3", "v4", 1);
        NodeScores e = Eigenvector.compute(g, TIGHT);
        Map.of("v1", 0.4119, "v2", 0.5825, "v3", 0.4119, "v4", 0.5237, "v5", 0.2169)
                .forEach((id, x) -> assertEquals(x, e.get("eigenvector", id), 5e-5, id));
        NodeScores path = Eigenvector.compute(graph(false, "0", "1", 1, "1", "2", 1, "2", "3", 1), EigenvectorConfig.defaults());
        assertEquals(0.37, path.get("eigenvector", "0"), 0.005);
        assertEquals(0.60, path.get("eigenvector", "1"), 0.005);
        assertTrue(path.converged());
    }

    /**
     * In-edges: NetworkX's own directed test ({@code test_eigenvector_centrality.py},
     * TestEigenvectorCentralityDirected) reverses this edge list and publishes the scores below for both the
     * weighted (all weights 2) and the unweighted graph. Scoring along out-edges would give other numbers.
     */
    @Test
    void directedUsesInEdgesAsNetworkX() {
        int[][] edges = {{1, 2}, {1, 3}, {2, 4}, {3, 2}, {3, 5}, {4, 2}, {4, 5}, {4, 6}, {5, 6}, {5, 7}, {5, 8}, {6, 8},
                {7, 1}, {7, 5}, {7, 8}, {8, 6}, {8, 7}};
        GraphBuilder b = new GraphBuilder(true);
        for (int[] e : edges) b.add(String.valueOf(e[1]), String.valueOf(e[0]), 2.0); // G.reverse()
        InteractionGraph g = b.build();
        double[] published = {0.25368793, 0.19576478, 0.32817092, 0.40430835, 0.48199885, 0.15724483, 0.51346196, 0.32475403};
        for (boolean weighted : new boolean[] {true, false}) {
            NodeScores e = Eigenvector.compute(g, TIGHT.withWeighted(weighted));
            for (int v = 1; v <= 8; v++) assertEquals(published[v - 1], e.get("eigenvector", String.valueOf(v)), 1e-7);
        }
    }

    /**
     * Zachary's karate club, NetworkX 2.8.8 {@code eigenvector_centrality(G)}: with the defaults the same
     * iteration stops at the same step, so even the unconverged digits agree; with {@code tol=1e-15} both reach
     * the eigenvector. Node 33 (the club's president) leads, node 0 (the instructor) follows.
     */
    @Test
    void karateClubMatchesNetworkX() {
        InteractionGraph g = load(KARATE, false);
        NodeScores defaults = Eigenvector.compute(g, EigenvectorConfig.defaults());
        assertEquals(0.37337121301323495, defaults.get("eigenvector", "33"), 1e-13);
        assertEquals(0.35548349418519426, defaults.get("eigenvector", "0"), 1e-13);
        assertEquals(java.util.List.of("33", "0"), defaults.top(2));
        NodeScores tight = Eigenvector.compute(g, TIGHT);
        assertEquals(0.3733634702914905, tight.get("eigenvector", "33"), 1e-12);
        assertEquals(0.35549144452455894, tight.get("eigenvector", "0"), 1e-12);
        assertEquals(0.023635628104590224, tight.get("eigenvector", "16"), 1e-12);
        assertEquals(0.05285569749351978, tight.get("eigenvector", "11"), 1e-12);
        InteractionGraph weighted = load("datasets/karate/karate_weighted_networkx.tsv", false);
        NodeScores w = Eigenvector.compute(weighted, TIGHT.withWeighted(true));
        assertEquals(0.3640968819701175, w.get("eigenvector", "33"), 1e-12);
        assertEquals(0.3123512277496823, w.get("eigenvector", "0"), 1e-12);
        assertEquals(0.01851885618821041, w.get("eigenvector", "16"), 1e-12);
    }

    /** Weights, a self-loop, a source node and a 2-cycle against NetworkX 2.8.8 (tol=1e-15), both weightings. */
    @Test
    void directedWeightedSelfLoopMatchesNetworkX() {
        InteractionGraph g = graph(true, "a", "b", 2, "b", "c", 1, "c", "a", 1, "a", "d", 1, "d", "d", 3, "e", "a", 1,
                "c", "f", 0.5, "f", "c", 2, "d", "b", 1);
        NodeScores u = Eigenvector.compute(g, TIGHT);
        assertEquals(0.31856016972289636, u.get("eigenvector", "a"), 1e-12);
        assertEquals(0.5154411820735838, u.get("eigenvector", "d"), 1e-12);
        assertEquals(0.3185601697228963, u.get("eigenvector", "f"), 1e-12);
        assertEquals(0, u.get("eigenvector", "e"), 1e-12);
        NodeScores w = Eigenvector.compute(g, TIGHT.withWeighted(true));
        assertEquals(0.040348871550684784, w.get("eigenvector", "a"), 1e-12);
        assertEquals(0.3333282248022053, w.get("eigenvector", "b"), 1e-12);
        assertEquals(0.9336914940673755, w.get("eigenvector", "d"), 1e-12);
        assertEquals(0.020174435775342392, w.get("eigenvector", "f"), 1e-12);
    }

    /** email-Eu-core (directed, self-loops, unreachable nodes) against NetworkX 2.8.8 with tol=1e-15. */
    @Test
    void emailEuCoreMatchesNetworkX() {
        NodeScores e = Eigenvector.compute(load(EMAIL, true), TIGHT);
        assertEquals(0.14920773021543113, e.get("eigenvector", "160"), 1e-11);
        assertEquals(0.032653656552950265, e.get("eigenvector", "1"), 1e-11);
        assertEquals(0.01776454082173257, e.get("eigenvector", "0"), 1e-11);
        assertEquals(0.0004429718905365473, e.get("eigenvector", "1004"), 1e-11);
    }

    /**
     * JGraphT 1.5.3's {@code EigenvectorCentrality} is the same left eigenvector (in-edges, edge weights, L2 norm)
     * computed without the {@code +I} shift and stopped on an L2 criterion; with tight tolerances both reach the
     * eigenvector. JGraphT always reads weights, so the unweighted comparison uses a unit-weight copy.
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
            for (int i = 0; i < 600; i++) b.add("n" + rnd.nextInt(100), "n" + rnd.nextInt(100), 1 + rnd.nextInt(5));
            InteractionGraph g = b.build();
            assertAgreesWithJGraphT(g, true);
            assertAgreesWithJGraphT(g, false);
        }
    }

    private static void assertAgreesWithJGraphT(InteractionGraph g, boolean weighted) {
        Graph<String, DefaultWeightedEdge> j = g.toJGraphT();
        if (!weighted) j.edgeSet().forEach(e -> j.setEdgeWeight(e, 1.0));
        Map<String, Double> expected = new EigenvectorCentrality<>(j, 100_000, 1e-15).getScores();
        NodeScores e = Eigenvector.compute(g, TIGHT.withWeighted(weighted));
        assertTrue(e.converged());
        for (int u = 0; u < g.nodeCount(); u++) {
            String id = g.ids().id(u);
            assertEquals(expected.get(id), e.column("eigenvector")[u], 1e-9, id);
        }
    }

    /** A random directed graph against commons-math's dense eigen-decomposition of A^T (left eigenvector). */
    @Test
    void matchesDenseEigenDecomposition() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 30;
        double[][] at = new double[n][n];
        GraphBuilder b = new GraphBuilder(true);
        for (int v = 0; v < n; v++) b.addNode("n" + v);
        for (int i = 0; i < 150; i++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(n);
            double w = 1 + rnd.nextInt(3);
            b.add("n" + u, "n" + v, w);
            at[v][u] += w;
        }
        InteractionGraph g = b.build();
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(at));
        int top = 0;
        for (int k = 0; k < n; k++) if (eig.getRealEigenvalue(k) > eig.getRealEigenvalue(top)) top = k;
        RealVector x = eig.getEigenvector(top);
        x = x.mapDivide(x.getNorm() * Math.signum(x.getEntry(0)));
        NodeScores e = Eigenvector.compute(g, TIGHT.withWeighted(true));
        for (int v = 0; v < n; v++) assertEquals(x.getEntry(v), e.get("eigenvector", "n" + v), 1e-9);
    }

    @Test
    void sameResultForOneAndTwoThreads() {
        InteractionGraph g = load("datasets/wiki-vote/Wiki-Vote.txt.gz", true);
        NodeScores one = Eigenvector.compute(g, EigenvectorConfig.defaults().withThreads(1));
        NodeScores two = Eigenvector.compute(g, EigenvectorConfig.defaults().withThreads(2));
        assertArrayEquals(one.column("eigenvector"), two.column("eigenvector"));
        assertEquals(one.iterations(), two.iterations());
        NodeScores w1 = Eigenvector.compute(g, TIGHT.withWeighted(true).withThreads(1));
        NodeScores w2 = Eigenvector.compute(g, TIGHT.withWeighted(true).withThreads(2));
        assertArrayEquals(w1.column("eigenvector"), w2.column("eigenvector"));
    }

    @Test
    void edgeCases() {
        NodeScores empty = Eigenvector.compute(new GraphBuilder(true).build(), EigenvectorConfig.defaults());
        assertEquals(0, empty.column("eigenvector").length);
        assertTrue(empty.converged());
        NodeScores single = Eigenvector.compute(new GraphBuilder(true).addNode("a").build(), EigenvectorConfig.defaults());
        assertEquals(1.0, single.get("eigenvector", "a"), 0);
        // all nodes dangling: the +I shift keeps the uniform start, as in NetworkX
        GraphBuilder isolated = new GraphBuilder(true);
        for (String id : new String[] {"a", "b", "c"}) isolated.addNode(id);
        NodeScores iso = Eigenvector.compute(isolated.build(), EigenvectorConfig.defaults());
        for (double x : iso.column("eigenvector")) assertEquals(1 / Math.sqrt(3), x, 1e-15);
        assertTrue(iso.converged());
        // undirected self-loop counts once (NetworkX 2.8.8, tol=1e-15)
        NodeScores loop = Eigenvector.compute(graph(false, "a", "b", 1, "b", "c", 1, "a", "a", 1), TIGHT);
        assertEquals(0.7369762290995776, loop.get("eigenvector", "a"), 1e-12);
        assertEquals(0.5910090485061039, loop.get("eigenvector", "b"), 1e-12);
        assertEquals(0.32798527760568263, loop.get("eigenvector", "c"), 1e-12);
        // disconnected: the denser component takes the mass (NetworkX 2.8.8 defaults, same stopping step)
        NodeScores parts = Eigenvector.compute(graph(false, "a", "b", 1, "b", "c", 1, "c", "a", 1, "w", "x", 1, "w", "y", 1,
                "w", "z", 1, "x", "y", 1, "x", "z", 1, "y", "z", 1), EigenvectorConfig.defaults());
        assertEquals(6.7043901073063e-06, parts.get("eigenvector", "a"), 1e-15);
        assertEquals(0.49999999996628836, parts.get("eigenvector", "w"), 1e-15);
        // zero-weight edge: no strength when weighted, an edge when not (NetworkX 2.8.8, tol=1e-15)
        InteractionGraph zero = graph(false, "a", "b", 0, "b", "c", 1, "c", "a", 1, "c", "d", 2);
        NodeScores zw = Eigenvector.compute(zero, TIGHT.withWeighted(true));
        assertEquals(0.28867513459481275, zw.get("eigenvector", "a"), 1e-12);
        assertEquals(0.7071067811865479, zw.get("eigenvector", "c"), 1e-12);
        NodeScores zu = Eigenvector.compute(zero, TIGHT);
        assertEquals(0.5227207256439811, zu.get("eigenvector", "a"), 1e-12);
        assertEquals(0.2818451988548693, zu.get("eigenvector", "d"), 1e-12);
        // a DAG has no positive eigenvector: NetworkX raises, Chorus reports non-convergence
        NodeScores dag = Eigenvector.compute(graph(true, "a", "b", 1, "b", "c", 1, "a", "c", 1), EigenvectorConfig.defaults());
        assertFalse(dag.converged());
        assertEquals(EigenvectorConfig.MAX_ITERATIONS_DEFAULT, dag.iterations());
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EigenvectorConfig.defaults().withTolerance(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EigenvectorConfig.defaults().withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> EigenvectorConfig.defaults().withThreads(0));
    }
}
