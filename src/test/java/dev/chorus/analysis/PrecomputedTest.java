package dev.chorus.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Communities;
import dev.chorus.community.Leiden;
import dev.chorus.community.LeidenConfig;
import dev.chorus.community.Louvain;
import dev.chorus.community.LouvainConfig;
import dev.chorus.community.Modularity;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import dev.chorus.roles.EngagementConfig;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.Roles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Analysis} with results computed elsewhere ({@link Precomputed}): used as given, never recomputed. */
class PrecomputedTest {
    static InteractionGraph g;
    static final AnalysisConfig CONFIG = AnalysisConfig.defaults().withSeedingRuns(0).withThreads(2);

    @BeforeAll
    static void load() {
        // SNAP email-Eu-core: directed, 1005 people, 25,571 arcs, with reciprocity and a clear community structure
        g = GraphLoader.load("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults()).graph();
    }

    /** Records the steps announced and the algorithm tasks begun. */
    record Recorder(List<String> steps, List<String> tasks) implements Progress {
        Recorder() {
            this(Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
        }

        @Override
        public Task begin(String name, long total, String unit) {
            tasks.add(name);
            return Task.NONE;
        }

        AnalysisResult run(Precomputed given) {
            return Analysis.compute(g, CONFIG, given, this, steps::add);
        }
    }

    @Test
    void givenResultsEqualComputedOnesFieldForFieldAndAreNotRecomputed() {
        Recorder computing = new Recorder();
        AnalysisResult a = computing.run(Precomputed.NONE);
        // the same three results, computed outside with the settings Analysis documents
        NodeScores pr = PageRank.compute(g, PageRankConfig.defaults().withThreads(3));
        NodeScores core = KCore.compute(g, KCoreConfig.defaults());
        Communities leiden = Leiden.compute(g, LeidenConfig.defaults().withSeed(CONFIG.seed()).withThreads(1));
        Recorder given = new Recorder();
        AnalysisResult b = given.run(Precomputed.NONE.with(pr).with(core).withCommunities(leiden));

        // with more than one thread engagement follows the communities beside the clusters, and pagerank and kcore
        // follow the clusters: all announced together, in step order, after betweenness
        assertEquals(List.of("degree", "betweenness", "pagerank", "kcore", "communities", "clusters", "engagement",
                "cohesion", "audience", "roles"), computing.steps());
        assertEquals(Analysis.STEPS.stream().filter(a.seconds()::containsKey).toList(), List.copyOf(a.seconds().keySet()));
        assertEquals(List.of("degree", "pagerank (given)", "kcore (given)", "betweenness", "communities (given)",
                "clusters", "cohesion", "engagement", "audience", "roles"), given.steps());
        assertTrue(a.seconds().containsKey("pagerank") && a.seconds().containsKey("kcore"), a.seconds().toString());
        assertTrue(!b.seconds().containsKey("pagerank") && !b.seconds().containsKey("kcore"), b.seconds().toString());
        assertTrue(!given.tasks().contains("pagerank") && !given.tasks().contains("kcore"), given.tasks().toString());
        // with more than one thread the clusters run beside the communities and shows no progress of its own
        assertEquals(1, Collections.frequency(computing.tasks(), "leiden"), "communities (clusters beside it)");
        assertEquals(1, Collections.frequency(given.tasks(), "leiden"), "clusters only");

        assertEquals(a.nodes().columns(), b.nodes().columns());
        for (String c : a.nodes().metricColumns()) assertArrayEquals(a.nodes().metric(c), b.nodes().metric(c), c);
        assertArrayEquals(a.nodes().community(), b.nodes().community());
        assertArrayEquals(a.nodes().cluster(), b.nodes().cluster());
        assertEquals(a.nodes().roles(), b.nodes().roles());
        assertArrayEquals(a.roles().mask(), b.roles().mask());
        assertEquals(a.roles().thresholds(), b.roles().thresholds());
        assertArrayEquals(a.communities().membership(), b.communities().membership());
        assertEquals(a.modularity(), b.modularity());
        assertEquals(a.cohesion(), b.cohesion());
        assertEquals(a.clusterCohesion(), b.clusterCohesion());
        assertEquals(a.passionate(), b.passionate());
        assertEquals(a.hubs(), b.hubs());
        assertEquals(a.betweennessSamples(), b.betweennessSamples());
    }

    @Test
    void givenCentralitiesBesideTheClustersRunAreTakenNotRecomputed() {
        AnalysisResult a = new Recorder().run(Precomputed.NONE);
        NodeScores pr = PageRank.compute(g, PageRankConfig.defaults().withThreads(1));
        NodeScores core = KCore.compute(g, KCoreConfig.defaults());
        // the communities are not given, so the two Leiden runs go side by side and pagerank and kcore follow the clusters
        Recorder given = new Recorder();
        AnalysisResult b = given.run(Precomputed.NONE.with(pr).with(core));
        assertEquals(List.of("degree", "betweenness", "pagerank (given)", "kcore (given)", "communities", "clusters",
                "engagement", "cohesion", "audience", "roles"), given.steps());
        assertTrue(!given.tasks().contains("pagerank") && !given.tasks().contains("kcore"), given.tasks().toString());
        assertTrue(!b.seconds().containsKey("pagerank") && !b.seconds().containsKey("kcore"), b.seconds().toString());
        for (String c : a.nodes().metricColumns()) assertArrayEquals(a.nodes().metric(c), b.nodes().metric(c), c);
        assertArrayEquals(a.nodes().cluster(), b.nodes().cluster());
        assertEquals(a.nodes().roles(), b.nodes().roles());
        assertEquals(a.passionate(), b.passionate());
    }

    @Test
    void engagementRolesAndCohesionFollowTheGivenPartition() {
        Communities louvain = Louvain.compute(g, LouvainConfig.defaults().withSeed(7).withThreads(1));
        AnalysisResult leiden = Analysis.compute(g, CONFIG);
        AnalysisResult r = Analysis.compute(g, CONFIG, Precomputed.NONE.withCommunities(louvain), Progress.NONE, s -> { });
        int[] m = louvain.membership();
        assertArrayEquals(m, r.nodes().community());
        assertEquals(Modularity.of(g, m), r.modularity(), 0.0);

        double[] participation = PartitionReference.participation(g, m);
        double[] linked = PartitionReference.linkedCommunities(g, m);
        for (int u = 0; u < g.nodeCount(); u++) {
            assertEquals(participation[u], r.nodes().metric("participation")[u], 1e-12, "participation of " + g.ids().id(u));
            assertEquals(linked[u], r.nodes().metric("linked_communities")[u], 0.0, "linked_communities of " + g.ids().id(u));
        }
        // the test tells the partitions apart: Leiden's participation is not Louvain's
        double[] leidenParticipation = leiden.nodes().metric("participation");
        assertTrue(IntStream.range(0, g.nodeCount()).anyMatch(u -> Math.abs(leidenParticipation[u] - participation[u]) > 1e-9));

        int[] sizes = louvain.sizes();
        Map<Integer, Double> internal = PartitionReference.internalWeight(g, m);
        assertEquals(louvain.count(), r.cohesion().size());
        for (ClusterCohesion c : r.cohesion()) {
            assertEquals(sizes[c.community()], c.size());
            assertEquals(internal.getOrDefault(c.community(), 0.0), c.internalWeight(), 1e-9);
        }
        // the bridge rule reads participation: roles are those of the Louvain engagement
        var expected = Roles.compute(new Roles.Inputs(r.degree(), r.pagerank(), r.kcore(), r.betweenness(),
                Engagement.compute(g, louvain, EngagementConfig.defaults()), r.passionate(), r.clusterKinds().rings()), CONFIG.roles());
        assertArrayEquals(expected.mask(), r.roles().mask());
    }

    @Test
    void hubsAndTheNodeTableFollowGivenScores() {
        // any scores will do: PageRank at damping 0.5 ranks differently from the default
        NodeScores pr = PageRank.compute(g, PageRankConfig.defaults().withDamping(0.5).withThreads(1));
        AnalysisResult r = Analysis.compute(g, CONFIG, Precomputed.NONE.with(pr), Progress.NONE, s -> { });
        double[] given = pr.column("pagerank");
        assertArrayEquals(given, r.nodes().metric("pagerank"));
        List<String> hubs = r.hubs();
        List<String> byGiven = new ArrayList<>(hubs);
        byGiven.sort(Comparator.<String>comparingDouble(id -> -given[g.ids().index(id)]).thenComparing(id -> id));
        assertEquals(byGiven, hubs);
        for (String h : hubs) assertTrue(r.roles().has(h, dev.chorus.roles.Role.HUB));
    }

    @Test
    void aGivenResultOfAnotherGraphIsRefused() {
        InteractionGraph other = GraphLoader.load("datasets/karate/karate_gt.gml", IngestOptions.defaults()).graph();
        NodeScores wrong = KCore.compute(other, KCoreConfig.defaults());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Analysis.compute(g, CONFIG, Precomputed.NONE.with(wrong), Progress.NONE, s -> { }));
        assertTrue(e.getMessage().contains("kcore"), e.getMessage());
    }
}
