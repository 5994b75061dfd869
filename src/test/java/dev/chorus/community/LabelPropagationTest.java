package dev.chorus.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelPropagationTest {
    static final LabelPropagationConfig CONFIG = LabelPropagationConfig.defaults();

    /** Cliques of the given sizes, node ids "q<clique>_<member>", optionally chained by one edge each. */
    static InteractionGraph cliques(boolean bridged, int... sizes) {
        GraphBuilder b = new GraphBuilder(false);
        for (int q = 0; q < sizes.length; q++) {
            for (int i = 0; i < sizes[q]; i++) {
                b.addNode("q" + q + "_" + i);
                for (int j = 0; j < i; j++) b.add("q" + q + "_" + j, "q" + q + "_" + i, 1);
            }
            if (bridged && q > 0) b.add("q" + (q - 1) + "_0", "q" + q + "_0", 1);
        }
        return b.build();
    }

    /**
     * The stopping rule of Raghavan et al., checked from scratch: every node with neighbours holds a label whose
     * summed weight (or neighbour count) among its neighbours is maximal.
     */
    static void assertFixedPoint(InteractionGraph g, Communities c, boolean weighted) {
        Adjacency adj = g.undirected();
        int[] label = c.membership();
        for (int u = 0; u < g.nodeCount(); u++) {
            if (adj.degree(u) == 0) continue;
            Map<Integer, Double> weight = new HashMap<>();
            for (int i = adj.start(u); i < adj.end(u); i++) {
                weight.merge(label[adj.neighbor(i)], weighted ? adj.weight(i) : 1.0, Double::sum);
            }
            double max = weight.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertEquals(max, weight.getOrDefault(label[u], 0.0), g.ids().id(u));
        }
    }

    /**
     * Two 8-cliques joined by one edge split into the two cliques. Label propagation does not guarantee it: a
     * label can cross the bridge early and take both sides (2 of 2000 seeds did, all within 3 sweeps), which is
     * a valid fixed point too. Fixed seeds keep the test deterministic.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void twoCliquesJoinedByOneEdgeSplit(long seed) {
        InteractionGraph g = cliques(true, 8, 8);
        Communities c = LabelPropagation.compute(g, CONFIG.withSeed(seed));
        assertEquals(2, c.count());
        assertArrayEquals(new int[] {8, 8}, c.sizes());
        assertNotEquals(c.of("q0_0"), c.of("q1_0"));
        assertTrue(c.converged());
        assertEquals("lpa", c.algorithm());
        assertTrue(Double.isNaN(c.quality()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void stopsAtAFixedPointOnRealGraphs(long seed) {
        IngestOptions undirected = IngestOptions.defaults().withDirected(false);
        for (String path : List.of("datasets/karate/karate.edges", "datasets/football/football_altsoph.edges",
                "datasets/dolphins/dolphins.edges")) {
            InteractionGraph g = GraphLoader.load(path, undirected).graph();
            Communities c = LabelPropagation.compute(g, CONFIG.withSeed(seed).withWeighted(false));
            assertTrue(c.converged(), path);
            assertFixedPoint(g, c, false);
        }
        InteractionGraph weighted = GraphLoader.load("datasets/karate/karate_weighted_networkx.tsv", undirected).graph();
        Communities c = LabelPropagation.compute(weighted, CONFIG.withSeed(seed));
        assertTrue(c.converged());
        assertFixedPoint(weighted, c, true);
        // directed input: the rule holds on the merged view (weights of both directions summed)
        InteractionGraph email = GraphLoader.load("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults()).graph();
        Communities e = LabelPropagation.compute(email, CONFIG.withSeed(seed));
        assertTrue(e.converged());
        assertFixedPoint(email, e, true);
    }

    @Test
    void sameSeedSameResultDifferentSeedsMayDiffer() {
        InteractionGraph g = GraphLoader.load("datasets/football/football_altsoph.edges", IngestOptions.defaults().withDirected(false)).graph();
        Communities a = LabelPropagation.compute(g, CONFIG.withSeed(7));
        Communities b = LabelPropagation.compute(g, CONFIG.withSeed(7));
        assertArrayEquals(a.membership(), b.membership());
        assertEquals(a.iterations(), b.iterations());
        boolean anyDiffers = false;
        for (long seed = 1; seed <= 10 && !anyDiffers; seed++) {
            anyDiffers = !Arrays.equals(a.membership(), LabelPropagation.compute(g, CONFIG.withSeed(seed)).membership());
        }
        assertTrue(anyDiffers, "the seed has no effect");
    }

    /** Disjoint cliques have one stable labelling, whatever the order: JGraphT's implementation must agree. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void disjointCliquesMatchJGraphT(long seed) {
        InteractionGraph g = cliques(false, 5, 3, 7, 2, 4, 1);
        List<Set<String>> expected = new LabelPropagationClustering<>(g.toJGraphT(), new Random(seed)).getClustering().getClusters();
        Communities c = LabelPropagation.compute(g, CONFIG.withSeed(seed));
        assertArrayEquals(ConnectedComponentsTest.canonical(g, expected), c.membership());
        assertEquals(6, c.count());
    }

    @Test
    void emptyGraphIsolatedNodesAndOneClique() {
        Communities empty = LabelPropagation.compute(new GraphBuilder(false).build(), CONFIG);
        assertEquals(0, empty.count());
        assertTrue(empty.converged());
        InteractionGraph isolated = new GraphBuilder(true).addNode("x").addNode("y").add("z", "z", 2).build();
        Communities alone = LabelPropagation.compute(isolated, CONFIG);
        assertArrayEquals(new int[] {0, 1, 2}, alone.membership());
        assertTrue(alone.converged());
        Communities one = LabelPropagation.compute(cliques(false, 9), CONFIG);
        assertEquals(1, one.count());
        assertTrue(one.converged());
    }

    @Test
    void iterationCapIsReported() {
        Communities capped = LabelPropagation.compute(cliques(true, 6, 6), CONFIG.withMaxIterations(1));
        assertEquals(1, capped.iterations());
        assertFalse(capped.converged());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withMaxIterations(0));
    }
}
