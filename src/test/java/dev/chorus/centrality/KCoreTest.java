package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KCoreTest {
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

    static double[] kcore(InteractionGraph g) {
        return KCore.compute(g, KCoreConfig.defaults()).column("kcore");
    }

    /**
     * Karate club. NVIDIA cuGraph's documentation of {@code cugraph.core_number} (example on its karate dataset)
     * lists vertices 33, 0, 32, 2 and 1 with core number 4. NetworkX 2.8.8 {@code core_number}: the 4-core is
     * {0, 1, 2, 3, 7, 8, 13, 30, 32, 33}; 12 members have coreness 3, 11 have 2, and member 11, whose only tie
     * is the instructor 0, has 1.
     */
    @Test
    void karateClub() {
        NodeScores k = KCore.compute(load(KARATE, false), KCoreConfig.defaults());
        for (String id : List.of("33", "0", "32", "2", "1")) assertEquals(4, k.get("kcore", id), id);
        Set<String> fourCore = new HashSet<>();
        int[] counts = new int[5];
        for (int v = 0; v < k.ids().size(); v++) {
            int c = (int) k.column("kcore")[v];
            counts[c]++;
            if (c == 4) fourCore.add(k.ids().id(v));
        }
        assertEquals(Set.of("0", "1", "2", "3", "7", "8", "13", "30", "32", "33"), fourCore);
        assertArrayEquals(new int[] {0, 1, 11, 12, 10}, counts);
        assertEquals(1, k.get("kcore", "11"));
    }

    /** email-Eu-core as the undirected simple graph: NetworkX 2.8.8 core_number on G.to_undirected() without loops. */
    @Test
    void emailEuCoreMatchesNetworkX() {
        NodeScores k = KCore.compute(load(EMAIL, true), KCoreConfig.defaults());
        assertEquals(34, k.get("kcore", "160"));
        assertEquals(28, k.get("kcore", "1"));
        assertEquals(27, k.get("kcore", "0"));
        assertEquals(1, k.get("kcore", "1004"));
        assertEquals(34, Arrays.stream(k.column("kcore")).max().orElseThrow());
    }

    /**
     * JGraphT 1.5.3's {@code Coreness} needs a simple undirected graph: built here straight from the arcs (loops
     * skipped, a pair once whatever its directions), independently of {@link InteractionGraph#undirected()}.
     */
    @ParameterizedTest
    @CsvSource({KARATE + ",false", "datasets/football/football_newman.gml,false", EMAIL + ",true"})
    void agreesWithJGraphTOnShippedDatasets(String path, boolean directed) {
        assertAgreesWithJGraphT(load(path, directed));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void agreesWithJGraphTAndPeelingOnRandomGraphs(long seed) {
        for (boolean directed : new boolean[] {true, false}) {
            InteractionGraph g = random(seed, directed, 80, 400);
            assertAgreesWithJGraphT(g);
            assertArrayEquals(peel(g), kcore(g));
        }
    }

    static InteractionGraph random(long seed, boolean directed, int n, int rows) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GraphBuilder b = new GraphBuilder(directed);
        for (int v = 0; v < n; v++) b.addNode("n" + v);
        for (int i = 0; i < rows; i++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(8) == 0 ? u : rnd.nextInt(n); // self-loops, repeats and reciprocal pairs included
            b.add("n" + u, "n" + v, rnd.nextInt(3));
        }
        return b.build();
    }

    private static void assertAgreesWithJGraphT(InteractionGraph g) {
        Graph<String, DefaultEdge> simple = new SimpleGraph<>(DefaultEdge.class);
        for (int u = 0; u < g.nodeCount(); u++) simple.addVertex(g.ids().id(u));
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = g.out().start(u); e < g.out().end(u); e++) {
                int v = g.out().neighbor(e);
                if (u != v && !simple.containsEdge(g.ids().id(u), g.ids().id(v))) simple.addEdge(g.ids().id(u), g.ids().id(v));
            }
        }
        Map<String, Integer> expected = new Coreness<>(simple).getScores();
        double[] core = kcore(g);
        for (int u = 0; u < g.nodeCount(); u++) assertEquals(expected.get(g.ids().id(u)).intValue(), core[u], g.ids().id(u));
    }

    /**
     * Brute force from the definition: for k = 1, 2, ... delete nodes with fewer than k remaining neighbours
     * until none is left to delete; a node's coreness is the last k it survives. Neighbourhoods from the arcs.
     */
    static double[] peel(InteractionGraph g) {
        int n = g.nodeCount();
        List<Set<Integer>> nb = new java.util.ArrayList<>();
        for (int u = 0; u < n; u++) nb.add(new HashSet<>());
        for (int u = 0; u < n; u++) {
            for (int e = g.out().start(u); e < g.out().end(u); e++) {
                int v = g.out().neighbor(e);
                if (u != v) {
                    nb.get(u).add(v);
                    nb.get(v).add(u);
                }
            }
        }
        double[] core = new double[n];
        boolean[] alive = new boolean[n];
        Arrays.fill(alive, true);
        for (int k = 1; ; k++) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int u = 0; u < n; u++) {
                    if (!alive[u]) continue;
                    long live = nb.get(u).stream().filter(v -> alive[v]).count();
                    if (live < k) {
                        alive[u] = false;
                        removed = true;
                    }
                }
            }
            boolean any = false;
            for (int u = 0; u < n; u++) {
                if (alive[u]) {
                    core[u] = k;
                    any = true;
                }
            }
            if (!any) return core;
        }
    }

    @Test
    void edgeCases() {
        assertEquals(0, kcore(new GraphBuilder(false).build()).length);
        assertArrayEquals(new double[] {0}, kcore(new GraphBuilder(false).addNode("a").build()));
        // all nodes dangling: coreness 0
        GraphBuilder isolated = new GraphBuilder(true);
        for (String id : new String[] {"a", "b", "c"}) isolated.addNode(id);
        assertArrayEquals(new double[3], kcore(isolated.build()));
        // self-loops are dropped: a looped node alone stays 0, a looped triangle stays 2
        assertArrayEquals(new double[] {0}, kcore(graph(true, "a", "a", 5)));
        InteractionGraph looped = graph(false, "a", "b", 1, "b", "c", 1, "c", "a", 1, "a", "a", 1, "b", "b", 1);
        assertArrayEquals(new double[] {2, 2, 2}, kcore(looped));
        // a reciprocated pair is one tie (NetworkX's core_number on a DiGraph would say 2)
        assertArrayEquals(new double[] {1, 1}, kcore(graph(true, "a", "b", 3, "b", "a", 1)));
        // zero-weight interactions are still ties; disconnected parts are independent
        InteractionGraph parts = graph(true, "a", "b", 0, "b", "c", 0, "c", "a", 0, "x", "y", 1);
        NodeScores k = KCore.compute(parts, KCoreConfig.defaults());
        assertEquals(2, k.get("kcore", "a"));
        assertEquals(1, k.get("kcore", "x"));
        // K5 with a pendant: the pendant has 1, the clique 4
        GraphBuilder clique = new GraphBuilder(false);
        for (int u = 0; u < 5; u++) for (int v = u + 1; v < 5; v++) clique.add("k" + u, "k" + v, 1);
        clique.add("k0", "p", 1);
        NodeScores kc = KCore.compute(clique.build(), KCoreConfig.defaults());
        assertEquals(4, kc.get("kcore", "k0"));
        assertEquals(1, kc.get("kcore", "p"));
    }
}
