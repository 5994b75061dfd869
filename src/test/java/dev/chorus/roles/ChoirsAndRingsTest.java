package dev.chorus.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.community.Communities;
import dev.chorus.diffusion.ClusterSeeds;
import dev.chorus.diffusion.ClusterSeedsConfig;
import dev.chorus.diffusion.SeedStrategies;
import dev.chorus.diffusion.SeedingExperimentConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Choirs and rings planted by construction (issue 17): groups that reply to each other and are each acted on by
 * outsiders (choirs), groups that act on each other many times and are acted on by nobody outside (rings), hubs that
 * the background acts on, and a sparse background. The answer is known because it was planted.
 */
class ChoirsAndRingsTest {
    /** The planted graph and the member ids of each planted group. */
    record Planted(InteractionGraph graph, List<List<String>> choirs, List<List<String>> rings) {
    }

    /**
     * @param size     members per group
     * @param audience distinct outsiders acting on each choir member
     * @param times    interactions per ordered pair inside a ring
     */
    static Planted plant(boolean directed, int choirCount, int ringCount, int size, int audience, int times, int background, long seed) {
        Random rnd = new Random(seed);
        GraphBuilder b = new GraphBuilder(directed);
        List<String> bg = new ArrayList<>();
        for (int i = 0; i < background; i++) bg.add("p" + i);
        for (String p : bg) {
            // each background person acts on 1 to 3 hubs and 2 other background people
            for (int h = 0, hubs = 1 + rnd.nextInt(3); h < hubs; h++) b.add(p, "hub" + rnd.nextInt(5), 1);
            for (int j = 0; j < 2; j++) {
                String q = bg.get(rnd.nextInt(background));
                if (!q.equals(p)) b.add(p, q, 1);
            }
        }
        List<List<String>> choirs = new ArrayList<>();
        for (int c = 0; c < choirCount; c++) {
            List<String> m = group("choir" + c + "_", size);
            for (String u : m) for (String v : m) if (!u.equals(v)) b.add(u, v, 1);
            for (String v : m) {
                Set<Integer> fans = new HashSet<>();
                while (fans.size() < audience) fans.add(rnd.nextInt(background));
                for (int f : fans) b.add(bg.get(f), v, 1);
            }
            choirs.add(m);
        }
        List<List<String>> rings = new ArrayList<>();
        for (int r = 0; r < ringCount; r++) {
            List<String> m = group("ring" + r + "_", size);
            for (String u : m) for (String v : m) if (!u.equals(v)) b.add(u, v, times);
            // ring members act on a hub now and then; nobody outside acts on them
            for (String u : m) b.add(u, "hub" + rnd.nextInt(5), 1);
            rings.add(m);
        }
        return new Planted(b.build(), choirs, rings);
    }

    private static List<String> group(String prefix, int size) {
        List<String> m = new ArrayList<>();
        for (int i = 0; i < size; i++) m.add(prefix + i);
        return m;
    }

    static Stream<Arguments> variants() {
        // choirs, rings, group size, audience per choir member, ring interactions per pair, background, seed
        return Stream.of(
                Arguments.of(4, 4, 8, 60, 8, 4000, 1L), // the example
                Arguments.of(4, 4, 6, 15, 8, 3000, 2L),
                Arguments.of(3, 5, 12, 30, 4, 4000, 3L),
                Arguments.of(5, 3, 8, 20, 12, 2500, 4L),
                Arguments.of(2, 6, 10, 60, 3, 5000, 5L),
                Arguments.of(6, 2, 5, 40, 8, 3500, 6L),
                Arguments.of(4, 4, 20, 10, 6, 4000, 7L));
    }

    private static AnalysisResult analyze(InteractionGraph g) {
        return Analysis.compute(g, AnalysisConfig.defaults().withSeedingRuns(0).withThreads(2));
    }

    /** The kind of the tight cluster that holds all of {@code members}, or "split" when they are not one cluster. */
    private static String kind(AnalysisResult r, List<String> members) {
        Communities c = r.clusters();
        int first = c.of(members.get(0));
        for (String id : members) if (c.of(id) != first) return "split";
        int size = c.sizes()[first];
        return size == members.size() ? r.clusterKinds().kinds().get(first) : "cluster of " + size;
    }

    @ParameterizedTest(name = "{0} choirs, {1} rings of {2}, audience {3}, ring weight {4}, {5} background, seed {6}")
    @MethodSource("variants")
    void plantedChoirsAreChoirsAndPlantedRingsAreRings(int choirCount, int ringCount, int size, int audience, int times,
                                                         int background, long seed) {
        Planted p = plant(true, choirCount, ringCount, size, audience, times, background, seed);
        AnalysisResult r = analyze(p.graph());
        for (List<String> m : p.choirs()) assertEquals("choir", kind(r, m), m.get(0));
        for (List<String> m : p.rings()) assertEquals("ring", kind(r, m), m.get(0));
        assertEquals(choirCount, r.clusterKinds().choirs().size(), "nothing else is a choir");
        assertEquals(ringCount, r.clusterKinds().rings().size(), "nothing else is a ring");
        // choirs rank above rings: every choir outscores every ring, and no ring is listed among the choirs
        double weakestChoir = r.passionate().stream().mapToDouble(PassionateCluster::score).min().orElseThrow();
        for (PassionateCluster ring : r.clusterKinds().rings()) {
            assertTrue(ring.score() < weakestChoir, ring + " vs " + weakestChoir);
            assertTrue(r.passionate().stream().noneMatch(c -> c.cluster() == ring.cluster()));
            assertEquals(0, ring.audience().reach());
        }
        for (PassionateCluster choir : r.passionate()) {
            // each member has `audience` distinct fans: the cluster's reach is at least that, at most size times that
            assertTrue(choir.audience().reach() >= audience && choir.audience().reach() <= size * audience, choir.toString());
            assertEquals(choir.audience().audienceSum(), (long) size * audience);
        }
        // ring members are flagged, and are no cluster cores
        for (List<String> m : p.rings()) {
            for (String id : m) {
                assertTrue(r.roles().has(id, Role.RING_MEMBER), id);
                assertFalse(r.roles().has(id, Role.CLUSTER_CORE), id);
            }
        }
        // the choirs arm spreads further under the weighted cascade than the same number of seeds taken from the rings
        SeedingExperimentConfig config = SeedingExperimentConfig.defaults().withK(2 * Math.min(choirCount, ringCount)).withRuns(500).withThreads(2);
        int[] choirOrder = PassionateClusters.choirOrder(r.clusterKinds());
        int[] ringOrder = r.clusterKinds().rings().stream().mapToInt(PassionateCluster::cluster).toArray();
        SeedStrategies.Groups groups = new SeedStrategies.Groups(r.clusters(), choirOrder, choirOrder, r.communities());
        int[] choirSeeds = SeedStrategies.choose("choirs", p.graph(), groups, config.k(), config);
        int[] ringSeeds = ClusterSeeds.compute(p.graph(), r.clusters(), ringOrder, new ClusterSeedsConfig(config.k(), 2)).nodes();
        assertEquals(config.k(), choirSeeds.length);
        for (int s : ringSeeds) assertTrue(p.graph().ids().id(s).startsWith("ring"));
        try (SpreadEstimator est = new SpreadEstimator(p.graph().nodeCount(), config.simple().cascade(p.graph()), config.runs(), config.seed(),
                SpreadEstimator.STREAM_EVALUATE, 2)) {
            SimulationResult choirs = est.simulate("ic", choirSeeds);
            SimulationResult rings = est.simulate("ic", ringSeeds);
            assertTrue(choirs.ci95Low() > rings.ci95High(), choirs + " vs " + rings);
        }
    }

    /** Undirected input records no reciprocity: the unheard groups are `other`, never rings; the heard ones stay choirs. */
    @Test
    void undirectedInputHasChoirsButNoRings() {
        Planted p = plant(false, 4, 4, 8, 60, 8, 4000, 1L);
        AnalysisResult r = analyze(p.graph());
        for (List<String> m : p.choirs()) assertEquals("choir", kind(r, m), m.get(0));
        for (List<String> m : p.rings()) assertEquals("other", kind(r, m), m.get(0));
        assertTrue(r.clusterKinds().rings().isEmpty());
        assertTrue(Double.isNaN(r.clusterKinds().rules().ringMinReciprocity()));
        assertEquals(0, r.roles().count(Role.RING_MEMBER));
    }

    /**
     * Real data where nobody expects traded engagement gets no ring: Zachary's karate club and Lusseau's dolphins
     * (undirected, so no ring by definition), and the email network of a European research institution, directed,
     * where answering is what colleagues do: its reciprocity is high throughout, so no group's stands out.
     */
    @Test
    void realNetworksWithoutGamingHaveNoRing() {
        for (String path : List.of("datasets/karate/karate.edges", "datasets/dolphins/dolphins.edges",
                "datasets/email-eu-core/email-Eu-core.txt.gz")) {
            InteractionGraph g = GraphLoader.load(path, IngestOptions.defaults().withDirected(path.contains("email"))).graph();
            AnalysisResult r = analyze(g);
            assertEquals(List.of(), r.clusterKinds().rings().stream().map(c -> c.members().toString()).toList(), path);
        }
    }

    /** The summary names one choir and one ring in the singular, two of each in the plural. */
    @Test
    void theSummaryCountsChoirsAndRingsInTheirNumber() {
        for (int n = 1; n <= 2; n++) {
            Planted p = plant(true, n, n, 8, 60, 8, 4000, 1L);
            AnalysisResult r = analyze(p.graph());
            assertEquals(n, r.clusterKinds().choirs().size());
            assertEquals(n, r.clusterKinds().rings().size());
            String text = String.join("\n", dev.chorus.output.Summary.sentences(r));
            if (n == 1) {
                assertTrue(text.contains("Choirs (1 cohesive cluster of "), text);
                assertTrue(text.contains("Possible gamed engagement: 1 ring, a cohesive cluster whose members answer each other but is "
                        + "acted on by at most"), text);
                assertTrue(text.contains("Its members hold the role ring_member and it is not ranked as a choir."), text);
            } else {
                assertTrue(text.contains("Choirs (2 cohesive clusters of "), text);
                assertTrue(text.contains("Possible gamed engagement: 2 rings, cohesive clusters whose members answer each other but are "
                        + "acted on by at most"), text);
                assertTrue(text.contains("Their members hold the role ring_member and they are not ranked as choirs."), text);
            }
        }
    }
}
