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
import java.util.List;
import java.util.Map;
import org.jgrapht.alg.scoring.HarmonicCentrality;
import org.junit.jupiter.api.Test;

/** Harmonic centrality (NetworkX convention: incoming distances, unnormalized) against independent references. */
class HarmonicTest {
    private static HarmonicConfig config() {
        return HarmonicConfig.defaults().withThreads(2);
    }

    @Test
    void karateValues() {
        // Distance profiles in Zachary's club: member 1 (our 0) has 16 members at distance 1, 9 at 2 and 8 at 3
        // (sum 58, matching the closeness 1/58 the igraph C manual's tutorial prints for vertex 0); member 34 (our
        // 33) has 17, 6, 9 and 1 at distances 1 to 4. NetworkX 2.8.8 gives 23.166666666666657 and 23.25.
        NodeScores h = Harmonic.compute(BetweennessTest.karate(), config());
        assertEquals(16 + 9 / 2.0 + 8 / 3.0, h.get("harmonic", "0"), 1e-12);
        assertEquals(17 + 6 / 2.0 + 9 / 3.0 + 1 / 4.0, h.get("harmonic", "33"), 1e-12);
        assertEquals(List.of("33", "0"), h.top(2));
    }

    @Test
    void matchesNetworkXDirectionAndWeights() {
        // networkx 2.8.8 harmonic_centrality on email-Eu-core as a DiGraph. Its loop is "for v in sources:
        // dist = shortest_path_length(G, v); centrality[u] += 1/dist[u]", i.e. distances from others to u. On
        // G.reverse() node 160 would get 637.9166666666674 and node 1 (who reaches no one) 0.
        NodeScores h = Harmonic.compute(BetweennessTest.email(), config());
        assertClose(505.7499999999989, h.get("harmonic", "160"), "160");
        assertClose(384.7499999999973, h.get("harmonic", "1"), "1");
        assertClose(366.866666666664, h.get("harmonic", "0"), "0");
        // networkx 2.8.8 on karate_club_graph() with distance = an edge attribute holding 1/weight
        NodeScores w = Harmonic.compute(BetweennessTest.karateWeighted(), config().withWeighted(true));
        assertClose(63.3769020092986, w.get("harmonic", "0"), "weighted 0");
        assertClose(70.45538032253971, w.get("harmonic", "33"), "weighted 33");
        assertClose(66.94819001174794, w.get("harmonic", "2"), "weighted 2");
    }

    // --- JGraphT ---

    @Test
    void agreesWithJGraphTOnShippedDatasets() {
        for (InteractionGraph g : List.of(BetweennessTest.karate(), BetweennessTest.football(),
                BetweennessTest.email())) {
            assertEqualsJGraphT(g, false);
        }
        assertEqualsJGraphT(BetweennessTest.karateWeighted(), true);
    }

    @Test
    void agreesWithJGraphTOnRandomGraphs() {
        for (long seed = 1; seed <= 12; seed++) {
            for (boolean directed : new boolean[] {true, false}) {
                for (boolean weighted : new boolean[] {false, true}) {
                    Sample s = Sample.random(seed, 60, 0.05, directed, weighted);
                    assertEqualsJGraphT(s.graph(), weighted);
                    // JGraphT's defaults (outgoing distances, divided by n-1) are ours on the reversed graph / (n-1)
                    Map<String, Double> defaults = new HarmonicCentrality<>(jgrapht(s.graph(), weighted)).getScores();
                    double[] reversed = byId(Harmonic.compute(s.reversed(), config().withWeighted(weighted)), s.n());
                    for (int v = 0; v < s.n(); v++) {
                        assertClose(defaults.get(String.valueOf(v)), reversed[v] / (s.n() - 1), "default " + v);
                    }
                }
            }
        }
    }

    /** JGraphT's HarmonicCentrality(incoming=true, normalize=false) is exactly NetworkX's convention. */
    private static void assertEqualsJGraphT(InteractionGraph g, boolean weighted) {
        Map<String, Double> theirs = new HarmonicCentrality<>(jgrapht(g, weighted), true, false).getScores();
        NodeScores ours = Harmonic.compute(g, config().withWeighted(weighted));
        for (int v = 0; v < g.nodeCount(); v++) {
            String id = g.ids().id(v);
            assertClose(theirs.get(id), ours.column("harmonic")[v], id);
        }
    }

    // --- brute force ---

    @Test
    void matchesAllPairsShortestPathsOnSmallRandomGraphs() {
        for (long seed = 1; seed <= 25; seed++) {
            for (boolean directed : new boolean[] {true, false}) {
                for (boolean weighted : new boolean[] {false, true}) {
                    Sample s = Sample.random(seed, 9, 0.25, directed, weighted);
                    double[][] d = s.distances(weighted);
                    double[] h = byId(Harmonic.compute(s.graph(), config().withWeighted(weighted)), s.n());
                    for (int u = 0; u < s.n(); u++) {
                        double sum = 0;
                        for (int v = 0; v < s.n(); v++) if (v != u) sum += 1 / d[v][u];
                        assertClose(sum, h[u], "seed " + seed + " directed " + directed + " weighted " + weighted
                                + " " + u);
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
            HarmonicConfig c = HarmonicConfig.defaults().withWeighted(weighted);
            assertArrayEquals(Harmonic.compute(g, c.withThreads(1)).column("harmonic"),
                    Harmonic.compute(g, c.withThreads(2)).column("harmonic"));
        }
    }

    @Test
    void edgeCases() {
        assertEquals(0, Harmonic.compute(new GraphBuilder(true).build(), config()).column("harmonic").length);
        InteractionGraph single = new GraphBuilder(true).add("a", "a", 1).build();
        assertArrayEquals(new double[] {0}, Harmonic.compute(single, config()).column("harmonic"));
        // path 0-1-2 with self-loops (NetworkX: {0: 1.5, 1: 2, 2: 1.5})
        InteractionGraph loops = new GraphBuilder(false).add("0", "1", 1).add("1", "1", 1).add("1", "2", 1)
                .add("2", "2", 1).build();
        NodeScores l = Harmonic.compute(loops, config());
        assertEquals(1.5, l.get("harmonic", "0"), 0);
        assertEquals(2.0, l.get("harmonic", "1"), 0);
        // disconnected: unreachable nodes add 1/infinity = 0
        InteractionGraph parts = new GraphBuilder(false).add("a", "b", 1).add("b", "c", 1).add("d", "e", 1)
                .addNode("z").build();
        NodeScores p = Harmonic.compute(parts, config());
        assertEquals(2.0, p.get("harmonic", "b"), 0);
        assertEquals(1.5, p.get("harmonic", "a"), 0);
        assertEquals(1.0, p.get("harmonic", "d"), 0);
        assertEquals(0.0, p.get("harmonic", "z"), 0);
        // directed a -> b -> c: incoming, so c = 1 + 1/2 and the source a = 0 (NetworkX: a 0, b 1, c 1.5)
        NodeScores chain = Harmonic.compute(new GraphBuilder(true).add("a", "b", 1).add("b", "c", 1).build(),
                config());
        assertArrayEquals(new double[] {0, 1, 1.5}, chain.column("harmonic"));
        // zero weight: unusable when weighted (a reaches c via b at 1/2 + 1/2), one hop when unweighted
        InteractionGraph zero = new GraphBuilder(false).add("a", "b", 2).add("b", "c", 2).add("a", "c", 0).build();
        assertEquals(2 + 1.0, Harmonic.compute(zero, config().withWeighted(true)).get("harmonic", "a"), 0);
        assertEquals(2.0, Harmonic.compute(zero, config()).get("harmonic", "a"), 0);
        InteractionGraph onlyZero = new GraphBuilder(true).add("a", "b", 0).build();
        assertArrayEquals(new double[] {0, 0}, Harmonic.compute(onlyZero, config().withWeighted(true))
                .column("harmonic"));
    }

    @Test
    void configRejectsBadThreads() {
        var e = assertThrows(IllegalArgumentException.class, () -> HarmonicConfig.defaults().withThreads(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
