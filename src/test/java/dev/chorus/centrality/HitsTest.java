package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HitsTest {
    static final HitsConfig TIGHT = HitsConfig.defaults().withTolerance(1e-15).withMaxIterations(100_000);

    static InteractionGraph graph(boolean directed, Object... rows) {
        GraphBuilder b = new GraphBuilder(directed);
        for (int i = 0; i < rows.length; i += 3) b.add((String) rows[i], (String) rows[i + 1], ((Number) rows[i + 2]).doubleValue());
        return b.build();
    }

    static InteractionGraph load(String path, boolean directed) {
        return GraphLoader.load(path, IngestOptions.defaults().withDirected(directed)).graph();
    }

    /**
     * Langville &amp; Meyer, "A survey of eigenvector methods for Web information retrieval", SIAM Review 47(1)
     * (2005), doi:10.1137/S0036144503424786, the 6-page example also used by NetworkX's {@code test_hits.py}:
     * authorities (0, 0, 0.366025, 0.133975, 0.5, 0), hubs (0.366025, 0, 0.211325, 0, 0.211325, 0.211325).
     */
    @Test
    void publishedExample() {
        InteractionGraph g = graph(true, "1", "3", 1, "1", "5", 1, "2", "1", 1, "3", "5", 1, "5", "4", 1, "5", "3", 1, "6", "5", 1);
        NodeScores h = Hits.compute(g, HitsConfig.defaults());
        double[] authority = {0, 0, 0.366025, 0.133975, 0.5, 0};
        double[] hub = {0.366025, 0, 0.211325, 0, 0.211325, 0.211325};
        for (int v = 1; v <= 6; v++) {
            assertEquals(authority[v - 1], h.get("authority", String.valueOf(v)), 1e-6);
            assertEquals(hub[v - 1], h.get("hub", String.valueOf(v)), 1e-6);
        }
        assertTrue(h.converged());
        assertEquals("5", h.top(1).get(0));
    }

    /** NetworkX 2.8.8 {@code hits(G, tol=1e-14)} (ARPACK singular vectors) on the karate club, both weightings. */
    @Test
    void karateClubMatchesNetworkX() {
        NodeScores h = Hits.compute(load("datasets/karate/karate.edges", false), TIGHT);
        assertEquals(0.07500294215657546, h.get("hub", "33"), 1e-12);
        assertEquals(0.07500294215657552, h.get("authority", "33"), 1e-12);
        assertEquals(0.07141272880825197, h.get("hub", "0"), 1e-12);
        assertEquals(0.004748031847301572, h.get("authority", "16"), 1e-12);
        // undirected: A is symmetric, hubs are authorities
        assertArrayEquals(h.column("hub"), h.column("authority"), 1e-14);
        NodeScores w = Hits.compute(load("datasets/karate/karate_weighted_networkx.tsv", false), TIGHT);
        assertEquals(0.07795709396472077, w.get("hub", "33"), 1e-12);
        assertEquals(0.0668777878017573, w.get("hub", "0"), 1e-12);
    }

    /**
     * Weighted by default, as NetworkX 2.8.8 (values of {@code nx.hits(D, tol=1e-14)}; NetworkX's ~1e-16 entries
     * are rounding noise of ARPACK, exact zeros here).
     */
    @Test
    void directedWeightedSelfLoopMatchesNetworkX() {
        InteractionGraph g = graph(true, "a", "b", 2, "b", "c", 1, "c", "a", 1, "a", "d", 1, "d", "d", 3, "e", "a", 1,
                "c", "f", 0.5, "f", "c", 2, "d", "b", 1);
        NodeScores h = Hits.compute(g, TIGHT);
        assertEquals(0.3819660112501051, h.get("hub", "a"), 1e-12);
        assertEquals(0.6180339887498947, h.get("hub", "d"), 1e-12);
        assertEquals(0, h.get("hub", "b"), 1e-12);
        assertEquals(0.38196601125010515, h.get("authority", "b"), 1e-12);
        assertEquals(0.6180339887498948, h.get("authority", "d"), 1e-12);
        assertEquals(0, h.get("authority", "a"), 1e-12);
    }

    @Test
    void emailEuCoreMatchesNetworkX() {
        NodeScores h = Hits.compute(load("datasets/email-eu-core/email-Eu-core.txt.gz", true), TIGHT);
        assertEquals(0.010628802611038438, h.get("hub", "160"), 1e-11);
        assertEquals(0.007220481699191956, h.get("authority", "160"), 1e-11);
        assertEquals(2.9004622902639834e-05, h.get("hub", "1"), 1e-11);
        assertEquals(0.001702406148962447, h.get("authority", "1"), 1e-11);
        assertEquals(0.0008525503876603234, h.get("authority", "0"), 1e-11);
    }

    /**
     * JGraphT has no HITS; the independent check is commons-math's dense eigen-decomposition: authorities are the
     * principal eigenvector of {@code A^T A}, hubs are {@code A a}, each scaled to sum 1.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void matchesPrincipalEigenvectorOfATA(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 40;
        for (boolean directed : new boolean[] {true, false}) {
            for (boolean weighted : new boolean[] {true, false}) {
                double[][] a = new double[n][n];
                GraphBuilder b = new GraphBuilder(directed);
                for (int v = 0; v < n; v++) b.addNode("n" + v);
                for (int i = 0; i < 160; i++) {
                    int u = rnd.nextInt(n);
                    int v = rnd.nextInt(n);
                    double w = rnd.nextInt(4); // zero-weight arcs included
                    b.add("n" + u, "n" + v, w);
                }
                InteractionGraph g = b.build();
                for (int u = 0; u < n; u++) {
                    for (int e = g.out().start(u); e < g.out().end(u); e++) {
                        a[u][g.out().neighbor(e)] = weighted ? g.out().weight(e) : 1;
                    }
                }
                RealMatrix am = new Array2DRowRealMatrix(a);
                EigenDecomposition eig = new EigenDecomposition(am.transpose().multiply(am));
                int top = 0;
                for (int k = 0; k < n; k++) if (eig.getRealEigenvalue(k) > eig.getRealEigenvalue(top)) top = k;
                RealVector auth = eig.getEigenvector(top);
                auth = auth.mapDivide(Arrays.stream(auth.toArray()).sum());
                RealVector hub = am.operate(auth);
                hub = hub.mapDivide(Arrays.stream(hub.toArray()).sum());
                NodeScores h = Hits.compute(g, TIGHT.withWeighted(weighted));
                assertTrue(h.converged());
                for (int v = 0; v < n; v++) {
                    assertEquals(auth.getEntry(v), h.get("authority", "n" + v), 1e-9);
                    assertEquals(hub.getEntry(v), h.get("hub", "n" + v), 1e-9);
                }
            }
        }
    }

    @Test
    void sameResultForOneAndTwoThreads() {
        InteractionGraph g = load("datasets/wiki-vote/Wiki-Vote.txt.gz", true);
        NodeScores one = Hits.compute(g, HitsConfig.defaults().withThreads(1));
        NodeScores two = Hits.compute(g, HitsConfig.defaults().withThreads(2));
        assertArrayEquals(one.column("hub"), two.column("hub"));
        assertArrayEquals(one.column("authority"), two.column("authority"));
        assertEquals(one.iterations(), two.iterations());
    }

    @Test
    void edgeCases() {
        NodeScores empty = Hits.compute(new GraphBuilder(true).build(), HitsConfig.defaults());
        assertEquals(0, empty.column("hub").length);
        // all nodes dangling: no hubs, no authorities (NetworkX divides 0 by 0)
        GraphBuilder isolated = new GraphBuilder(true);
        for (String id : new String[] {"a", "b", "c"}) isolated.addNode(id);
        NodeScores iso = Hits.compute(isolated.build(), HitsConfig.defaults());
        assertArrayEquals(new double[3], iso.column("hub"));
        assertArrayEquals(new double[3], iso.column("authority"));
        assertTrue(iso.converged());
        // only zero-weight arcs: the same when weighted; an arc when not
        InteractionGraph zero = graph(true, "a", "b", 0);
        assertArrayEquals(new double[2], Hits.compute(zero, HitsConfig.defaults()).column("hub"));
        NodeScores zu = Hits.compute(zero, HitsConfig.defaults().withWeighted(false));
        assertEquals(1.0, zu.get("hub", "a"), 0);
        assertEquals(1.0, zu.get("authority", "b"), 0);
        // a lone self-loop is its own hub and authority
        NodeScores loop = Hits.compute(graph(true, "a", "a", 2), HitsConfig.defaults());
        assertEquals(1.0, loop.get("hub", "a"), 0);
        assertEquals(1.0, loop.get("authority", "a"), 0);
        // disconnected stars: the larger top singular value (sqrt 3 > sqrt 2) takes all the mass
        NodeScores stars = Hits.compute(graph(true, "c", "x", 1, "c", "y", 1, "c", "z", 1, "d", "p", 1, "d", "q", 1), TIGHT);
        assertEquals(1.0, stars.get("hub", "c"), 1e-12);
        assertEquals(0.0, stars.get("hub", "d"), 1e-12);
        assertEquals(1.0 / 3, stars.get("authority", "x"), 1e-12);
        assertEquals(0.0, stars.get("authority", "p"), 1e-12);
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HitsConfig.defaults().withMaxIterations(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HitsConfig.defaults().withTolerance(0));
        assertThrows(IllegalArgumentException.class, () -> HitsConfig.defaults().withThreads(0));
    }
}
