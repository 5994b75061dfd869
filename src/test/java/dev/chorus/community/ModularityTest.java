package dev.chorus.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModularityTest {
    static final IngestOptions UNDIRECTED = IngestOptions.defaults().withDirected(false);

    /** Membership from a "node TAB label" file (comment lines start with '#'), labels numbered as met. */
    static int[] partition(InteractionGraph g, String path) throws IOException {
        int[] member = new int[g.nodeCount()];
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(path))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (!labels.contains(f[1])) labels.add(f[1]);
            member[g.ids().index(f[0])] = labels.indexOf(f[1]);
        }
        return member;
    }

    static List<Set<String>> sets(InteractionGraph g, int[] member) {
        List<Set<String>> sets = new ArrayList<>();
        for (int u = 0; u < member.length; u++) {
            while (sets.size() <= member[u]) sets.add(new HashSet<>());
            sets.get(member[u]).add(g.ids().id(u));
        }
        return sets;
    }

    /** JGraphT's simple weighted graph made from the raw arcs: both directions summed, self-loops dropped. */
    static Graph<String, DefaultWeightedEdge> merged(InteractionGraph g) {
        Graph<String, DefaultWeightedEdge> j = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int u = 0; u < g.nodeCount(); u++) j.addVertex(g.ids().id(u));
        Adjacency out = g.out();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (u == v) continue;
                String a = g.ids().id(u);
                String b = g.ids().id(v);
                DefaultWeightedEdge edge = j.getEdge(a, b);
                if (edge == null) {
                    j.setEdgeWeight(j.addEdge(a, b), out.weight(e));
                } else if (g.isDirected()) { // an undirected pair is stored both ways but is one interaction
                    j.setEdgeWeight(edge, j.getEdgeWeight(edge) + out.weight(e));
                }
            }
        }
        return j;
    }

    /**
     * Zachary's karate club split into its two factions (karate.clusters, 16/18): NetworkX 2.8.8
     * {@code community.modularity} gives 0.37146614069691, 0.6216305062458909 at resolution 0.5 and
     * -0.1288625904010519 at resolution 2; with Zachary's interaction counts as weights
     * (karate_weighted_networkx.tsv) 0.40362811791383213, and 0.6541950113378684 at resolution 0.5. The
     * 'club' attribute split of {@code karate_club_graph()} (17/17) gives 0.3582347140039448.
     */
    @Test
    void karateFactionsMatchNetworkXAndJGraphT() throws IOException {
        InteractionGraph g = GraphLoader.load("datasets/karate/karate.edges", UNDIRECTED).graph();
        int[] factions = partition(g, "datasets/karate/karate.clusters");
        assertEquals(0.37146614069691, Modularity.of(g, factions), 1e-14);
        assertEquals(0.6216305062458909, Modularity.of(g.undirected(), factions, 0.5), 1e-14);
        assertEquals(-0.1288625904010519, Modularity.of(g.undirected(), factions, 2.0), 1e-14);
        assertEquals(new UndirectedModularityMeasurer<>(g.toJGraphT()).modularity(sets(g, factions)), Modularity.of(g, factions), 1e-14);
        assertEquals(0.3582347140039448, Modularity.of(g, partition(g, "datasets/karate/karate_networkx_club.tsv")), 1e-14);

        InteractionGraph w = GraphLoader.load("datasets/karate/karate_weighted_networkx.tsv", UNDIRECTED).graph();
        int[] wFactions = partition(w, "datasets/karate/karate.clusters");
        assertEquals(0.40362811791383213, Modularity.of(w, wFactions), 1e-14);
        assertEquals(0.6541950113378684, Modularity.of(w.undirected(), wFactions, 0.5), 1e-14);
        assertEquals(new UndirectedModularityMeasurer<>(w.toJGraphT()).modularity(sets(w, wFactions)), Modularity.of(w, wFactions), 1e-14);
    }

    /** Weighted random graphs, directed (loops and reciprocal arcs included) and undirected, random partitions. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomPartitionsMatchJGraphT(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (boolean directed : new boolean[] {true, false}) {
            int n = 20 + rnd.nextInt(100);
            GraphBuilder b = new GraphBuilder(directed);
            for (int u = 0; u < n; u++) b.addNode("n" + u);
            int rows = rnd.nextInt(5 * n);
            for (int i = 0; i < rows; i++) b.add("n" + rnd.nextInt(n), "n" + rnd.nextInt(n), 0.5 + rnd.nextInt(6));
            InteractionGraph g = b.build();
            Graph<String, DefaultWeightedEdge> j = merged(g);
            for (int parts : new int[] {1, 2, 5, n}) {
                int[] member = new int[n];
                for (int u = 0; u < n; u++) member[u] = rnd.nextInt(parts);
                List<Set<String>> sets = sets(g, member);
                sets.removeIf(Set::isEmpty);
                assertEquals(new UndirectedModularityMeasurer<>(j).modularity(sets), Modularity.of(g, member), 1e-12);
            }
        }
    }

    @Test
    void edgeCases() {
        InteractionGraph empty = new GraphBuilder(false).build();
        assertEquals(0.0, Modularity.of(empty, new int[0]));
        InteractionGraph isolated = new GraphBuilder(false).addNode("a").addNode("b").build();
        assertEquals(0.0, Modularity.of(isolated, new int[] {0, 1}));
        // one clique as one community: Q = 1 - 1 = 0, whatever its size
        GraphBuilder k5 = new GraphBuilder(false);
        for (int u = 0; u < 5; u++) for (int v = u + 1; v < 5; v++) k5.add("c" + u, "c" + v, 1);
        assertEquals(0.0, Modularity.of(k5.build(), new int[5]), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Modularity.of(isolated, new int[] {0}));
    }
}
