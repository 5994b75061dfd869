package dev.chorus.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.community.ComponentsConfig.Kind;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectedComponentsTest {
    static final ComponentsConfig WEAK = ComponentsConfig.defaults();
    static final ComponentsConfig STRONG = WEAK.withKind(Kind.STRONG);

    /** Canonical membership of a partition given as JGraphT vertex sets. */
    static int[] canonical(InteractionGraph g, List<Set<String>> sets) {
        int[] labels = new int[g.nodeCount()];
        Arrays.fill(labels, -1);
        for (int c = 0; c < sets.size(); c++) {
            for (String id : sets.get(c)) labels[g.ids().index(id)] = c;
        }
        for (int l : labels) assertTrue(l >= 0, "reference partition misses a node");
        return Communities.canonical(labels);
    }

    static void assertMatchesJGraphT(InteractionGraph g) {
        Graph<String, DefaultWeightedEdge> j = g.toJGraphT();
        Communities wcc = ConnectedComponents.compute(g, WEAK);
        Communities scc = ConnectedComponents.compute(g, STRONG);
        List<Set<String>> weakSets = new ConnectivityInspector<>(j).connectedSets();
        assertArrayEquals(canonical(g, weakSets), wcc.membership());
        assertEquals(weakSets.size(), wcc.count());
        assertEquals("wcc", wcc.algorithm());
        assertEquals("scc", scc.algorithm());
        if (g.isDirected()) {
            List<Set<String>> strongSets = new KosarajuStrongConnectivityInspector<>(j).stronglyConnectedSets();
            assertArrayEquals(canonical(g, strongSets), scc.membership());
            assertEquals(strongSets.size(), scc.count());
        } else {
            assertArrayEquals(wcc.membership(), scc.membership());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"datasets/email-eu-core/email-Eu-core.txt.gz", "datasets/wiki-vote/Wiki-Vote.txt.gz",
            "datasets/higgs-twitter/higgs-reply_network.edgelist.gz"})
    void shippedDatasetsMatchJGraphT(String path) {
        InteractionGraph g = GraphLoader.load(path, IngestOptions.defaults()).graph();
        assertMatchesJGraphT(g);
        assertMatchesJGraphT(GraphLoader.load(path, IngestOptions.defaults().withDirected(false)).graph());
    }

    /** Sparse random graphs (average degree 0.5 to 3) have many components of every kind, loops included. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomGraphsMatchJGraphT(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (double avgDegree : new double[] {0.5, 1, 1.5, 3}) {
            for (boolean directed : new boolean[] {true, false}) {
                int n = 300;
                GraphBuilder b = new GraphBuilder(directed);
                for (int u = 0; u < n; u++) b.addNode("n" + u);
                for (int i = 0; i < avgDegree * n; i++) b.add("n" + rnd.nextInt(n), "n" + rnd.nextInt(n), 1);
                assertMatchesJGraphT(b.build());
            }
        }
    }

    /** A 300k-node path and cycle: deep enough to overflow a recursive DFS. */
    @Test
    void longPathAndCycleNeedNoRecursion() {
        int n = 300_000;
        GraphBuilder path = new GraphBuilder(true);
        for (int u = 0; u + 1 < n; u++) path.add(Integer.toString(u), Integer.toString(u + 1), 1);
        InteractionGraph p = path.build();
        assertEquals(n, ConnectedComponents.compute(p, STRONG).count());
        assertEquals(1, ConnectedComponents.compute(p, WEAK).count());
        GraphBuilder cycle = new GraphBuilder(true);
        for (int u = 0; u < n; u++) cycle.add(Integer.toString(u), Integer.toString((u + 1) % n), 1);
        assertEquals(1, ConnectedComponents.compute(cycle.build(), STRONG).count());
    }

    @Test
    void smallCasesByHand() {
        // a <-> b -> c -> d -> c, e isolated, f -> f
        InteractionGraph g = new GraphBuilder(true).add("a", "b", 1).add("b", "a", 1).add("b", "c", 1).add("c", "d", 1)
                .add("d", "c", 1).addNode("e").add("f", "f", 1).build();
        Communities scc = ConnectedComponents.compute(g, STRONG);
        assertEquals(4, scc.count());
        assertEquals(scc.of("a"), scc.of("b"));
        assertEquals(scc.of("c"), scc.of("d"));
        assertEquals(4, new HashSet<>(List.of(scc.of("a"), scc.of("c"), scc.of("e"), scc.of("f"))).size());
        Communities wcc = ConnectedComponents.compute(g, WEAK);
        assertEquals(3, wcc.count());
        assertArrayEquals(new int[] {4, 1, 1}, wcc.sizes());
        assertEquals(0, wcc.iterations());
        assertTrue(wcc.converged());
    }

    @Test
    void emptyGraphIsolatedNodesAndOneClique() {
        InteractionGraph empty = new GraphBuilder(true).build();
        assertEquals(0, ConnectedComponents.compute(empty, WEAK).count());
        assertEquals(0, ConnectedComponents.compute(empty, STRONG).count());
        InteractionGraph isolated = new GraphBuilder(true).addNode("x").addNode("y").addNode("z").build();
        assertArrayEquals(new int[] {0, 1, 2}, ConnectedComponents.compute(isolated, WEAK).membership());
        assertArrayEquals(new int[] {0, 1, 2}, ConnectedComponents.compute(isolated, STRONG).membership());
        GraphBuilder clique = new GraphBuilder(false);
        for (int u = 0; u < 6; u++) for (int v = u + 1; v < 6; v++) clique.add("c" + u, "c" + v, 1);
        InteractionGraph k6 = clique.build();
        assertEquals(1, ConnectedComponents.compute(k6, WEAK).count());
        assertEquals(1, ConnectedComponents.compute(k6, STRONG).count());
    }

    @Test
    void rejectsMissingKind() {
        assertThrows(IllegalArgumentException.class, () -> new ComponentsConfig(null));
    }
}
