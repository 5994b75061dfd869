package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import static dev.chorus.centrality.BetweennessTest.assertClose;
import static dev.chorus.centrality.BetweennessTest.byId;
import static dev.chorus.centrality.BetweennessTest.jgrapht;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.centrality.BetweennessTest.Sample;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.scoring.ClosenessCentrality;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.junit.jupiter.api.Test;

/**
 * Closeness (NetworkX convention: incoming distances, Wasserman–Faust scaling) against published values,
 * NetworkX, JGraphT and all-pairs shortest paths.
 */
class ClosenessTest {
    private static ClosenessConfig config() {
        return ClosenessConfig.defaults().withThreads(2);
    }

    @Test
    void karatePublishedValues() {
        // The igraph C reference manual's tutorial (lesson 3) prints "Maximum closeness is 0.0172414, vertex 0"
        // for Zachary's club: igraph's unnormalized closeness 1/58 (distance sum 58). NetworkX scales by n-1 = 33.
        NodeScores c = Closeness.compute(BetweennessTest.karate(), config());
        assertEquals(33.0 / 58, c.get("closeness", "0"), 1e-15);
        assertEquals(List.of("0"), c.top(1));
        // member 34 (our 33): 17 neighbours, then 6, 9 and 1 members at distances 2, 3, 4 (sum 60)
        assertEquals(33.0 / 60, c.get("closeness", "33"), 1e-15);
    }

    @Test
    void matchesNetworkXDirectionAndWeights() {
        // networkx 2.8.8 closeness_centrality(G, u=...) on email-Eu-core as a DiGraph: incoming distances. Node 1
        // reaches no one (its closeness on G.reverse() is 0) but is reached by many.
        NodeScores c = Closeness.compute(BetweennessTest.email(), config());
        assertClose(0.3529061520044625, c.get("closeness", "1"), "1");
        assertClose(0.4496688397114823, c.get("closeness", "160"), "160");
        assertClose(0.3400990768435882, c.get("closeness", "0"), "0");
        // networkx 2.8.8 on karate_club_graph() with distance = an edge attribute holding 1/weight
        NodeScores w = Closeness.compute(BetweennessTest.karateWeighted(), config().withWeighted(true));
        assertClose(1.5382907880133188, w.get("closeness", "0"), "weighted 0");
        assertClose(1.610317183687696, w.get("closeness", "33"), "weighted 33");
        assertClose(1.634241245136187, w.get("closeness", "2"), "weighted 2");
    }

    // --- JGraphT ---

    /**
     * JGraphT's ClosenessCentrality(incoming=true, normalize=true) is (n-1)/sum d(v,u) and 0 as soon as any node
     * cannot reach u. Where every node reaches u, that is exactly ours. Elsewhere, run it on the subgraph of the
     * r nodes that reach u, unnormalized: 1/S(u); then ours = (r-1)^2 / ((n-1) S(u)), or (r-1)/S(u) without the
     * Wasserman–Faust factor.
     */
    @Test
    void agreesWithJGraphTOnConnectedDatasets() {
        for (InteractionGraph g : List.of(BetweennessTest.karate(), BetweennessTest.football())) {
            assertEqualsJGraphT(g, false);
        }
        assertEqualsJGraphT(BetweennessTest.karateWeighted(), true);
    }

    @Test
    void agreesWithJGraphTOnEmailEuCoreComponents() {
        InteractionGraph g = BetweennessTest.email();
        // directed: the largest strongly connected component, where every node reaches every other
        Set<String> scc = new KosarajuStrongConnectivityInspector<>(g.toJGraphT()).stronglyConnectedSets().stream()
                .max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        assertEquals(803, scc.size());
        assertEqualsJGraphT(induced(g, scc), false);
        // undirected: 20 components (986 nodes and isolated ones), converted component by component
        InteractionGraph u = BetweennessTest.emailUndirected();
        Graph<String, DefaultWeightedEdge> jg = jgrapht(u, false);
        List<Set<String>> components = new ConnectivityInspector<>(jg).connectedSets();
        assertEquals(20, components.size());
        NodeScores ours = Closeness.compute(u, config());
        int n = u.nodeCount();
        for (Set<String> component : components) {
            Map<String, Double> inverseSums = new ClosenessCentrality<>(new AsSubgraph<>(jg, component), false, false)
                    .getScores();
            int r = component.size();
            for (String id : component) {
                double expected = r == 1 ? 0 : (r - 1.0) * (r - 1.0) / (n - 1) * inverseSums.get(id);
                assertClose(expected, ours.get("closeness", id), id);
            }
        }
    }

    @Test
    void agreesWithJGraphTOnRandomGraphs() {
        for (long seed = 1; seed <= 6; seed++) {
            for (boolean directed : new boolean[] {true, false}) {
                for (boolean weighted : new boolean[] {false, true}) {
                    InteractionGraph g = Sample.random(seed, 40, 0.06, directed, weighted).graph();
                    Graph<String, DefaultWeightedEdge> jg = jgrapht(g, weighted);
                    NodeScores wf = Closeness.compute(g, config().withWeighted(weighted));
                    NodeScores plain = Closeness.compute(g, config().withWeighted(weighted).withWfImproved(false));
                    int n = g.nodeCount();
                    for (int v = 0; v < n; v++) {
                        String id = g.ids().id(v);
                        Set<String> reaching = reaching(jg, id);
                        int r = reaching.size();
                        double inverseSum = r == 1 ? 0 : new ClosenessCentrality<>(new AsSubgraph<>(jg, reaching),
                                true, false).getVertexScore(id);
                        String what = "seed " + seed + " directed " + directed + " weighted " + weighted + " " + id;
                        assertClose((r - 1.0) * (r - 1.0) / (n - 1) * inverseSum, wf.get("closeness", id), what);
                        assertClose((r - 1.0) * inverseSum, plain.get("closeness", id), what);
                    }
                }
            }
        }
    }

    private static void assertEqualsJGraphT(InteractionGraph g, boolean weighted) {
        Map<String, Double> theirs = new ClosenessCentrality<>(jgrapht(g, weighted), true, true).getScores();
        NodeScores ours = Closeness.compute(g, config().withWeighted(weighted));
        for (int v = 0; v < g.nodeCount(); v++) {
            String id = g.ids().id(v);
            assertTrue(theirs.get(id) > 0, "strongly connected: " + id);
            assertClose(theirs.get(id), ours.column("closeness")[v], id);
        }
    }

    /** The nodes that reach {@code id} (itself included), by JGraphT's BFS on the reversed graph. */
    private static Set<String> reaching(Graph<String, DefaultWeightedEdge> jg, String id) {
        Set<String> set = new HashSet<>();
        Graph<String, DefaultWeightedEdge> reversed = jg.getType().isDirected() ? new EdgeReversedGraph<>(jg) : jg;
        new BreadthFirstIterator<>(reversed, id).forEachRemaining(set::add);
        return set;
    }

    /** The subgraph of {@code g} induced by {@code keep}, arcs and weights unchanged. */
    private static InteractionGraph induced(InteractionGraph g, Set<String> keep) {
        GraphBuilder b = new GraphBuilder(g.isDirected());
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = g.out().start(u); e < g.out().end(u); e++) {
                int v = g.out().neighbor(e);
                if (keep.contains(g.ids().id(u)) && keep.contains(g.ids().id(v))) {
                    b.add(g.ids().id(u), g.ids().id(v), g.out().weight(e));
                }
            }
        }
        return b.build();
    }

    // --- brute force ---

    @Test
    void matchesAllPairsShortestPathsOnSmallRandomGraphs() {
        for (long seed = 1; seed <= 25; seed++) {
            for (boolean directed : new boolean[] {true, false}) {
                for (boolean weighted : new boolean[] {false, true}) {
                    Sample s = Sample.random(seed, 9, 0.25, directed, weighted);
                    double[][] d = s.distances(weighted);
                    int n = s.n();
                    double[] wf = byId(Closeness.compute(s.graph(), config().withWeighted(weighted)), n);
                    double[] plain = byId(Closeness.compute(s.graph(),
                            config().withWeighted(weighted).withWfImproved(false)), n);
                    for (int u = 0; u < n; u++) {
                        double sum = 0;
                        int others = 0;
                        for (int v = 0; v < n; v++) {
                            if (v == u || d[v][u] == Double.POSITIVE_INFINITY) continue;
                            sum += d[v][u];
                            others++;
                        }
                        String what = "seed " + seed + " directed " + directed + " weighted " + weighted + " " + u;
                        assertClose(others == 0 ? 0 : others / sum * others / (n - 1), wf[u], what);
                        assertClose(others == 0 ? 0 : others / sum, plain[u], what);
                    }
                }
            }
        }
    }

    // --- threads, edge cases ---

    @Test
    void sameResultForOneAndTwoThreads() {
        InteractionGraph g = BetweennessTest.email();
        for (boolean weighted : new boolean[] {false, true}) {
            ClosenessConfig c = ClosenessConfig.defaults().withWeighted(weighted);
            assertArrayEquals(Closeness.compute(g, c.withThreads(1)).column("closeness"),
                    Closeness.compute(g, c.withThreads(2)).column("closeness"));
        }
    }

    @Test
    void edgeCases() {
        assertEquals(0, Closeness.compute(new GraphBuilder(false).build(), config()).column("closeness").length);
        InteractionGraph single = new GraphBuilder(false).add("a", "a", 1).build();
        assertArrayEquals(new double[] {0}, Closeness.compute(single, config()).column("closeness"));
        // path 0-1-2 with self-loops (NetworkX: {0: 2/3, 1: 1, 2: 2/3})
        InteractionGraph loops = new GraphBuilder(false).add("0", "1", 1).add("1", "1", 1).add("1", "2", 1)
                .add("0", "0", 5).build();
        NodeScores l = Closeness.compute(loops, config());
        assertEquals(2.0 / 3, l.get("closeness", "0"), 1e-15);
        assertEquals(1.0, l.get("closeness", "1"), 1e-15);
        // disconnected: a-b-c, d-e, isolated z (n = 6): b = (2/2)(2/5), a = (2/3)(2/5), d = (1/1)(1/5), z = 0
        InteractionGraph parts = new GraphBuilder(false).add("a", "b", 1).add("b", "c", 1).add("d", "e", 1)
                .addNode("z").build();
        NodeScores p = Closeness.compute(parts, config());
        assertEquals(0.4, p.get("closeness", "b"), 1e-15);
        assertEquals(4.0 / 15, p.get("closeness", "a"), 1e-15);
        assertEquals(0.2, p.get("closeness", "d"), 1e-15);
        assertEquals(0.0, p.get("closeness", "z"), 0);
        // directed a -> b -> c: incoming distances, so the source a scores 0 (NetworkX: a 0, b 1/2, c 2/3)
        NodeScores chain = Closeness.compute(new GraphBuilder(true).add("a", "b", 1).add("b", "c", 1).build(),
                config());
        assertEquals(0.0, chain.get("closeness", "a"), 0);
        assertEquals(0.5, chain.get("closeness", "b"), 1e-15);
        assertEquals(2.0 / 3, chain.get("closeness", "c"), 1e-15);
        // zero weight: weighted, the a-c edge is unusable, so d(a,c) = 1/2 + 1/2 via b; unweighted it is 1 hop
        InteractionGraph zero = new GraphBuilder(false).add("a", "b", 2).add("b", "c", 2).add("a", "c", 0).build();
        assertEquals(2 / (0.5 + 1.0), Closeness.compute(zero, config().withWeighted(true)).get("closeness", "a"),
                1e-15);
        assertEquals(1.0, Closeness.compute(zero, config()).get("closeness", "a"), 1e-15);
        InteractionGraph onlyZero = new GraphBuilder(true).add("a", "b", 0).build();
        assertArrayEquals(new double[] {0, 0}, Closeness.compute(onlyZero, config().withWeighted(true))
                .column("closeness"));
    }

    @Test
    void configRejectsBadThreads() {
        var e = assertThrows(IllegalArgumentException.class, () -> ClosenessConfig.defaults().withThreads(-2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
    }
}
