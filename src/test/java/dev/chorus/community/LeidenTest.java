package dev.chorus.community;

import static dev.chorus.community.LouvainTest.cliques;
import static dev.chorus.community.LouvainTest.communityOf;
import static dev.chorus.community.LouvainTest.jgraphtModularity;
import static dev.chorus.community.LouvainTest.karate;
import static dev.chorus.community.LouvainTest.load;
import static dev.chorus.community.LouvainTest.planted;
import static dev.chorus.community.LouvainTest.truth;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.community.LeidenConfig.Quality;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

/**
 * Reference values: igraph 0.10.2 {@code community_leiden(objective_function="modularity", weights="weight",
 * n_iterations=-1)} over seeds 0..99 on the same simple graphs: karate modularity min 0.3952 / mean 0.4184 / max
 * 0.4198; football NMI min 0.8506 / mean 0.8844, modularity mean 0.6040; polbooks NMI min 0.5038 / mean 0.5503,
 * ARI min 0.5225 / mean 0.6451, modularity mean 0.5264; dolphins NMI min 0.4008 / mean 0.4660, ARI min 0.2278 /
 * mean 0.2950, modularity mean 0.5212.
 */
class LeidenTest {
    static final LeidenConfig CPM = LeidenConfig.defaults().withQuality(Quality.CPM);

    /** Asserts that every community induces a connected subgraph of the undirected view (BFS inside it). */
    static void assertConnected(InteractionGraph g, Communities c, String what) {
        assertEquals(c.count(), components(g, c.membership()), what + ": a community is disconnected");
    }

    /** Number of connected parts of all communities together. */
    static int components(InteractionGraph g, int[] membership) {
        Adjacency adj = g.undirected();
        int[] part = new int[g.nodeCount()];
        Arrays.fill(part, -1);
        int count = 0;
        for (int s = 0; s < part.length; s++) {
            if (part[s] >= 0) continue;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
            part[s] = count;
            while (!queue.isEmpty()) {
                int u = queue.poll();
                for (int i = adj.start(u); i < adj.end(u); i++) {
                    int v = adj.neighbor(i);
                    if (part[v] < 0 && membership[v] == membership[s]) {
                        part[v] = count;
                        queue.add(v);
                    }
                }
            }
            count++;
        }
        return count;
    }

    /** CPM quality computed from JGraphT's copy of the undirected view: sum of inner weights - gamma * pairs. */
    static double bruteForceCpm(InteractionGraph g, Communities c, double gamma) {
        Graph<String, DefaultWeightedEdge> jg = LouvainTest.undirectedCopy(g).toJGraphT();
        double q = 0;
        for (DefaultWeightedEdge e : jg.edgeSet()) {
            if (c.of(jg.getEdgeSource(e)) == c.of(jg.getEdgeTarget(e))) q += jg.getEdgeWeight(e);
        }
        for (int size : c.sizes()) q -= gamma * size * (size - 1) / 2.0;
        return q;
    }

    @Test
    void karateReachesTheOptimum() {
        InteractionGraph g = karate();
        Communities c = Leiden.compute(g, LeidenConfig.defaults());
        assertTrue(c.quality() >= 0.41);
        assertEquals(LouvainTest.OPTIMUM_KARATE, c.quality(), 1e-6);
        assertEquals(Modularity.of(g, c.membership()), c.quality(), 0.0);
        assertEquals(jgraphtModularity(g, c), c.quality(), 1e-12);
        assertEquals("leiden", c.algorithm());
        assertTrue(c.converged());
    }

    @Test
    void footballFindsTheConferences() {
        InteractionGraph g = load("datasets/football/football_newman.gml");
        int[] conferences = truth(g, "value");
        for (int s = 0; s < 10; s++) {
            Communities c = Leiden.compute(g, LeidenConfig.defaults().withSeed(s));
            assertTrue(PartitionComparison.nmi(conferences, c.membership()) >= 0.85, "seed " + s);
        }
    }

    /** Floors just under igraph's worst seed; mean modularity within 0.005 of igraph's. */
    @Test
    void polbooksAndDolphinsAgainstGroundTruth() {
        agreement(load("datasets/polbooks/polbooks_newman.gml"), "value", 0.50, 0.52, 0.5264);
        agreement(load("datasets/dolphins/dolphins_named_groups.gml"), "group", 0.40, 0.22, 0.5212);
    }

    private static void agreement(InteractionGraph g, String attribute, double minNmi, double minAri, double igraphModularity) {
        int[] t = truth(g, attribute);
        double q = 0;
        for (int s = 0; s < 20; s++) {
            Communities c = Leiden.compute(g, LeidenConfig.defaults().withSeed(s));
            assertTrue(PartitionComparison.nmi(t, c.membership()) >= minNmi, "seed " + s);
            assertTrue(PartitionComparison.ari(t, c.membership()) >= minAri, "seed " + s);
            q += c.quality() / 20;
        }
        assertTrue(q >= igraphModularity - 0.005, "mean modularity " + q);
    }

    @Test
    void connectivityCheckDetectsASplitCommunity() {
        // two triangles without an edge between them, labelled as one community
        InteractionGraph g = new GraphBuilder(false).add("a", "b", 1).add("b", "c", 1).add("c", "a", 1)
                .add("x", "y", 1).add("y", "z", 1).add("z", "x", 1).build();
        assertEquals(2, components(g, new int[6]));
        assertEquals(2, Leiden.compute(g, LeidenConfig.defaults()).count());
    }

    @Test
    void everyCommunityIsConnectedOnEveryShippedDataset() {
        for (Map.Entry<String, InteractionGraph> d : LouvainTest.shippedDatasets().entrySet()) {
            InteractionGraph g = d.getValue();
            for (int s = 0; s < 3; s++) {
                assertConnected(g, Leiden.compute(g, LeidenConfig.defaults().withSeed(s)), d.getKey() + " modularity seed " + s);
                assertConnected(g, Leiden.compute(g, CPM.withResolution(0.05).withSeed(s)), d.getKey() + " cpm seed " + s);
            }
        }
    }

    @Test
    void everyCommunityIsConnectedOnRandomGraphs() {
        for (long seed = 1; seed <= 8; seed++) {
            InteractionGraph g = seed % 2 == 0 ? planted(seed, 3000, 3) : sparseRandom(seed, 2000, 2500);
            for (double gamma : new double[] {0.5, 1, 2}) {
                assertConnected(g, Leiden.compute(g, LeidenConfig.defaults().withSeed(seed).withResolution(gamma)), "seed " + seed);
            }
            for (double gamma : new double[] {0.01, 0.2}) {
                assertConnected(g, Leiden.compute(g, CPM.withSeed(seed).withResolution(gamma)), "cpm seed " + seed);
            }
        }
    }

    /** G(n, m) with weights in (0, 2], many small components. */
    private static InteractionGraph sparseRandom(long seed, int n, int m) {
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder b = new GraphBuilder(false);
        for (int u = 0; u < n; u++) b.addNode("v" + u);
        for (int e = 0; e < m; e++) b.add("v" + r.nextInt(n), "v" + r.nextInt(n), 2 * (1 - r.nextDouble()));
        return b.build();
    }

    @Test
    void modularityMatchesJGraphT() {
        for (InteractionGraph g : List.of(load("datasets/lesmis/lesmis.gml"), load("datasets/polbooks/polbooks_newman.gml"))) {
            Communities c = Leiden.compute(g, LeidenConfig.defaults());
            assertEquals(Modularity.of(g, c.membership()), c.quality(), 0.0);
            assertEquals(jgraphtModularity(g, c), c.quality(), 1e-12);
        }
        InteractionGraph directed = load("datasets/email-eu-core/email-Eu-core.txt.gz");
        Communities c = Leiden.compute(directed, LeidenConfig.defaults().withResolution(1.5));
        assertEquals(Modularity.of(directed.undirected(), c.membership(), 1.5), c.quality(), 0.0);
        assertEquals(jgraphtModularity(LouvainTest.undirectedCopy(directed), c), Modularity.of(directed, c.membership()), 1e-12);
    }

    @Test
    void cpmQualityAndResolution() {
        InteractionGraph g = load("datasets/lesmis/lesmis.gml");
        for (double gamma : new double[] {0.1, 1, 3}) {
            Communities c = Leiden.compute(g, CPM.withResolution(gamma));
            assertEquals(bruteForceCpm(g, c, gamma), c.quality(), 1e-9);
            assertEquals(Leiden.cpm(g.undirected(), c.membership(), gamma), c.quality(), 0.0);
            assertTrue(c.quality() >= 0, "no worse than the singletons it starts from");
        }
        // a resolution above every edge weight leaves nothing worth merging
        Communities singletons = Leiden.compute(karate(), CPM.withResolution(1.5));
        assertEquals(34, singletons.count());
        assertEquals(0.0, singletons.quality());
        // two 5-cliques (density 1) joined by one edge split at gamma 0.5; one clique stays whole
        Communities split = Leiden.compute(cliques(5, 5), CPM.withResolution(0.5));
        assertEquals(2, split.count());
        assertEquals(Set.of("1.0", "1.1", "1.2", "1.3", "1.4"), communityOf(split, "1.3"));
        assertEquals(2 * (10 - 0.5 * 10), split.quality(), 1e-12);
        assertEquals(1, Leiden.compute(cliques(7), CPM.withResolution(0.9)).count());
    }

    /**
     * One edge at CPM resolution just under its weight: each refinement draw merges with odds exp(1e-3) : 1, so
     * for about a quarter of the seeds (1, 2, 3 and 7 of these) refinement merges nothing and the community's
     * connected parts are aggregated instead; the pair must still end as one community.
     */
    @Test
    void refinementThatMergesNothingStillConverges() {
        InteractionGraph pair = new GraphBuilder(false).add("a", "b", 1).build();
        for (int s = 0; s < 10; s++) {
            Communities c = Leiden.compute(pair, CPM.withResolution(0.99999).withSeed(s));
            assertEquals(1, c.count(), "seed " + s);
            assertEquals(1 - 0.99999, c.quality(), 1e-12);
            assertTrue(c.converged());
        }
    }

    @Test
    void deterministicForASeedAndAnyThreadCount() {
        for (InteractionGraph g : List.of(load("datasets/wiki-vote/Wiki-Vote.txt.gz"), planted(7, 20_000, 5))) {
            for (LeidenConfig config : List.of(LeidenConfig.defaults(), CPM.withResolution(0.02))) {
                Communities a = Leiden.compute(g, config.withSeed(5).withThreads(1));
                Communities b = Leiden.compute(g, config.withSeed(5).withThreads(1));
                Communities c = Leiden.compute(g, config.withSeed(5).withThreads(2));
                assertArrayEquals(a.membership(), b.membership());
                assertArrayEquals(a.membership(), c.membership());
                assertEquals(a.quality(), c.quality(), 0.0);
                assertEquals(a.iterations(), c.iterations());
            }
        }
        InteractionGraph wiki = load("datasets/wiki-vote/Wiki-Vote.txt.gz");
        assertFalse(Arrays.equals(Leiden.compute(wiki, LeidenConfig.defaults().withSeed(1)).membership(),
                Leiden.compute(wiki, LeidenConfig.defaults().withSeed(2)).membership()), "the seed matters");
    }

    @Test
    void iterationCap() {
        InteractionGraph g = load("datasets/email-eu-core/email-Eu-core.txt.gz");
        Communities once = Leiden.compute(g, LeidenConfig.defaults().withMaxIterations(1));
        assertEquals(1, once.iterations());
        assertFalse(once.converged());
        Communities stable = Leiden.compute(g, LeidenConfig.defaults().withMaxIterations(LeidenConfig.UNTIL_STABLE));
        assertTrue(stable.converged() && stable.iterations() > 1);
        assertTrue(stable.quality() >= once.quality());
    }

    @Test
    void edgeCases() {
        for (LeidenConfig config : List.of(LeidenConfig.defaults(), CPM)) {
            Communities empty = Leiden.compute(new GraphBuilder(false).build(), config);
            assertEquals(0, empty.count());
            assertTrue(empty.converged());

            InteractionGraph isolated = new GraphBuilder(true).addNode("a").addNode("b").addNode("c").build();
            assertEquals(3, Leiden.compute(isolated, config).count());

            InteractionGraph mixed = new GraphBuilder(false).add("x", "y", 1).add("y", "z", 1).add("z", "x", 1).addNode("lone").build();
            Communities m = Leiden.compute(mixed, config.withResolution(0.5));
            assertEquals(2, m.count());
            assertEquals(Set.of("lone"), communityOf(m, "lone"));

            assertEquals(1, Leiden.compute(cliques(8), config.withResolution(0.5)).count());
        }
        InteractionGraph two = cliques(5, 5);
        Communities split = Leiden.compute(two, LeidenConfig.defaults());
        assertEquals(2, split.count());
        assertEquals(Set.of("0.0", "0.1", "0.2", "0.3", "0.4"), communityOf(split, "0.2"));
        assertEquals(2 * (10.0 / 21 - 0.25), split.quality(), 1e-12);
    }

    @Test
    void configRejectsBadValues() {
        LeidenConfig d = LeidenConfig.defaults();
        assertEquals("randomness must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> d.withRandomness(0)).getMessage());
        assertEquals("resolution must be finite and >= 0, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> d.withResolution(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("maxIterations must be >= 1, got 0", assertThrows(IllegalArgumentException.class, () -> d.withMaxIterations(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withQuality(null));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(-2));
    }

    /** The branch-free tests of the inner loops agree with the comparisons they replace, at the edges of int and double. */
    @Test
    void branchFreeTestsAgreeWithComparisons() {
        int[] values = {0, 1, -1, 2, 7, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 123_456, -123_456};
        for (int a : values) {
            for (int b : values) assertEquals(a == b ? 1 : 0, Leiden.same(a, b), a + " vs " + b);
        }
        for (double t : new double[] {-1, -0.5, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 1, 3.5, Double.MAX_VALUE}) {
            assertEquals(t < 0 ? 1 : 0, Leiden.unseen(t), "t = " + t);
        }
    }
}
