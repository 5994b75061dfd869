package dev.chorus.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles and passionate clusters on constructed graphs whose answers are known by construction. */
class RolesTest {
    @TempDir
    Path tmp;

    /** Loads SNAP 4-column rows "source target time type". */
    private InteractionGraph graph(List<String> rows) throws IOException {
        Path f = tmp.resolve("g" + System.nanoTime() + ".txt");
        Files.write(f, rows);
        return GraphLoader.load(f.toString(), IngestOptions.defaults()).graph();
    }

    private static void clique(List<String> rows, String prefix, int size, String type) {
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (i != j) rows.add(prefix + i + " " + prefix + j + " 1000 " + type);
            }
        }
    }

    private static AnalysisResult analyze(InteractionGraph g) {
        return Analysis.compute(g, AnalysisConfig.defaults().withSeedingRuns(0).withThreads(2));
    }

    @Test
    void starIsAHubNotAClusterAndHeardReciprocalSixCliqueIsAChoir() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) rows.add("leaf" + i + " star 1000 RT");
        clique(rows, "c", 6, "RE");
        // 12 fans, each acting on one clique member: every member is heard by 2 people outside
        for (int j = 0; j < 12; j++) rows.add("fan" + j + " c" + j % 6 + " 1000 RT");
        AnalysisResult r = analyze(graph(rows));
        RoleAssignment roles = r.roles();

        assertTrue(roles.has("star", Role.HUB), () -> "star roles " + roles.labels(r.graph().ids().index("star")));
        assertFalse(roles.has("star", Role.CLUSTER_CORE));
        assertEquals(List.of("star"), r.hubs());
        for (int i = 0; i < 10; i++) assertFalse(roles.has("leaf" + i, Role.HUB));

        int starCluster = r.clusters().of("star");
        assertTrue(r.passionate().stream().noneMatch(c -> c.cluster() == starCluster), "the star is no passionate cluster");
        assertEquals(1, r.passionate().size(), "only the clique is passionate");
        PassionateCluster top = r.passionate().get(0);
        assertEquals(r.clusters().of("c0"), top.cluster());
        assertEquals(6, top.cohesion().size());
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4", "c5"), top.members());
        // reciprocity 1, density 1, clustering C(5,2)/C(7,2) (5 clique neighbours and 2 fans), intensity 2/(1+2):
        // one row each way per pair; reach 12 fans, the largest of any cohesive cluster, so the reach axis is 1
        assertEquals("choir", top.kind());
        assertEquals(12, top.audience().reach());
        assertEquals(12, top.audience().audienceSum());
        assertEquals(2, top.audience().bestMemberAudience());
        assertEquals((2 + 10.0 / 21 + 2.0 / 3) / 4, top.cohesionScore(), 1e-12);
        assertEquals(1, top.reachScore(), 1e-12);
        assertEquals(Math.sqrt(top.cohesionScore()), top.score(), 1e-12);
        assertEquals(5, top.cohesion().core().size());
        for (String id : top.cohesion().core()) assertTrue(roles.has(id, Role.CLUSTER_CORE), id);
        for (int i = 0; i < 6; i++) {
            assertTrue(roles.has("c" + i, Role.ENGAGER), "clique members answer each other");
            assertFalse(roles.has("c" + i, Role.HUB), "reciprocal ties are no hub's");
        }
    }

    @Test
    void nodeJoiningTwoCliquesIsTheOnlyBridge() throws IOException {
        List<String> rows = new ArrayList<>();
        clique(rows, "a", 5, "RE");
        clique(rows, "b", 5, "RE");
        for (int i = 0; i < 5; i++) {
            for (String p : List.of("a", "b")) {
                rows.add("x " + p + i + " 1000 RE");
                rows.add(p + i + " x 1000 RE");
            }
        }
        AnalysisResult r = analyze(graph(rows));
        int x = r.graph().ids().index("x");
        // every ordered pair (a_i, b_j) and (b_j, a_i) has one shortest path, through x
        assertEquals(50.0, r.betweenness().column("betweenness")[x], 1e-9);
        assertEquals(0.5, r.nodes().metric("participation")[x], 1e-12);
        assertEquals(2.0, r.nodes().metric("linked_communities")[x]);
        assertTrue(r.roles().has("x", Role.BRIDGE), () -> "x roles " + r.roles().labels(x));
        assertEquals(1, r.roles().count(Role.BRIDGE));
        assertFalse(r.roles().has("x", Role.HUB), "x answers everyone: not a soloist");
    }

    @Test
    void nodeThatPostsToManyAndNeverRepliesIsABroadcaster() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) rows.add("loud t" + i + " 1000 MT");
        clique(rows, "c", 5, "RE");
        AnalysisResult r = analyze(graph(rows));
        int loud = r.graph().ids().index("loud");
        assertEquals(0.0, r.nodes().metric("reciprocity")[loud]);
        assertTrue(Double.isNaN(r.nodes().metric("answer_rate")[loud]), "nobody acted on loud");
        assertEquals(0.0, r.nodes().metric("reply_share")[loud]);
        assertTrue(r.roles().has("loud", Role.BROADCASTER), () -> "loud roles " + r.roles().labels(loud));
        assertFalse(r.roles().has("loud", Role.ENGAGER));
        assertEquals(1, r.roles().count(Role.BROADCASTER));
        for (int i = 0; i < 5; i++) assertTrue(r.roles().has("c" + i, Role.ENGAGER));
        for (int i = 0; i < 10; i++) assertTrue(r.roles().labels(r.graph().ids().index("t" + i)).isEmpty());
    }

    @Test
    void sizeFilterAndMinScoreDropClusters() throws IOException {
        List<String> rows = new ArrayList<>();
        clique(rows, "c", 6, "RE");
        InteractionGraph g = graph(rows);
        AnalysisConfig small = AnalysisConfig.defaults().withSeedingRuns(0).withClusters(ClusterConfig.defaults().withSize(2, 5));
        assertTrue(Analysis.compute(g, small).clusterKinds().rings().isEmpty());
        AnalysisConfig strict = AnalysisConfig.defaults().withSeedingRuns(0).withClusters(ClusterConfig.defaults().withMinScore(0.95));
        assertTrue(Analysis.compute(g, strict).clusterKinds().rings().isEmpty());
        // alone, the reciprocal clique is heard by nobody: a ring, not a choir, and its members are ring members
        AnalysisResult r = Analysis.compute(g, AnalysisConfig.defaults().withSeedingRuns(0));
        assertEquals(1, r.clusterKinds().rings().size());
        assertTrue(r.passionate().isEmpty());
        for (int i = 0; i < 6; i++) {
            assertTrue(r.roles().has("c" + i, Role.RING_MEMBER));
            assertFalse(r.roles().has("c" + i, Role.CLUSTER_CORE));
        }
    }

    @Test
    void flatDistributionHasNoHighNodes() throws IOException {
        List<String> rows = new ArrayList<>();
        clique(rows, "c", 6, "RT");
        AnalysisResult r = analyze(graph(rows));
        assertEquals(Double.POSITIVE_INFINITY, r.roles().thresholds().get("in"));
        assertEquals(0, r.roles().count(Role.HUB));
        assertEquals(0, r.roles().count(Role.BROADCASTER));
    }
}
