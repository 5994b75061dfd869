package dev.chorus.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chorus.graph.NodeScores;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrianglesTest {
    static final TrianglesConfig ONE = new TrianglesConfig(1);

    /** The undirected simple graph as JGraphT sees it, built from the raw arcs (not from our view). */
    static Graph<String, DefaultEdge> simple(InteractionGraph g) {
        Graph<String, DefaultEdge> j = new SimpleGraph<>(DefaultEdge.class);
        for (int u = 0; u < g.nodeCount(); u++) j.addVertex(g.ids().id(u));
        Adjacency out = g.out();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (u != v) j.addEdge(g.ids().id(u), g.ids().id(v));
            }
        }
        return j;
    }

    static long total(NodeScores s) {
        double t = 0;
        for (double x : s.column("triangles")) t += x;
        return Math.round(t) / 3;
    }

    /**
     * Zachary's karate club: 45 triangles and average clustering 0.5706384782076823; node 0 has 18 triangles and
     * clustering 0.15, node 33 has 15 and 0.11029411764705882. Values of NetworkX 2.8.8 ({@code nx.triangles},
     * {@code nx.average_clustering}, {@code nx.clustering} on {@code karate_club_graph()}, whose edge set equals
     * karate.edges).
     */
    @Test
    void karateMatchesNetworkX() {
        InteractionGraph g = GraphLoader.load("datasets/karate/karate.edges", IngestOptions.defaults().withDirected(false)).graph();
        NodeScores s = Triangles.compute(g, TrianglesConfig.defaults());
        assertEquals(45, total(s));
        double avg = 0;
        for (double c : s.column("clustering")) avg += c;
        assertEquals(0.5706384782076823, avg / g.nodeCount(), 1e-15);
        assertEquals(18.0, s.get("triangles", "0"));
        assertEquals(0.15, s.get("clustering", "0"), 1e-15);
        assertEquals(15.0, s.get("triangles", "33"));
        assertEquals(0.11029411764705882, s.get("clustering", "33"), 1e-15);
        assertEquals("triangles", s.algorithm());
    }

    /**
     * Triangle totals of the undirected simple graphs: NetworkX 2.8.8 {@code sum(nx.triangles(G).values()) // 3}
     * on {@code nx.Graph} built from the files with self-loops dropped; SNAP's dataset pages publish the same
     * 105461 (email-Eu-core) and 608389 (wiki-Vote). JGraphT 1.5.3's {@code GraphMetrics.getNumberOfTriangles}
     * is no reference here: it orders equal-degree vertices by {@code System.identityHashCode} and its answer
     * changes from run to run (football: 809, 810 or 811 over 200 constructions of the same graph).
     */
    @ParameterizedTest
    @CsvSource({"datasets/email-eu-core/email-Eu-core.txt.gz, 105461", "datasets/wiki-vote/Wiki-Vote.txt.gz, 608389",
            "datasets/higgs-twitter/higgs-reply_network.edgelist.gz, 244", "datasets/lesmis/lesmis.gml, 467",
            "datasets/football/football_altsoph.edges, 810"})
    void shippedDatasetTotalsMatchNetworkX(String path, long triangles) {
        InteractionGraph g = GraphLoader.load(path, IngestOptions.defaults()).graph();
        assertEquals(triangles, total(Triangles.compute(g, TrianglesConfig.defaults())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"datasets/email-eu-core/email-Eu-core.txt.gz", "datasets/higgs-twitter/higgs-reply_network.edgelist.gz",
            "datasets/lesmis/lesmis.gml", "datasets/football/football_altsoph.edges", "datasets/dolphins/dolphins.edges"})
    void shippedDatasetsMatchJGraphTLocalClustering(String path) {
        assertMatchesJGraphT(GraphLoader.load(path, IngestOptions.defaults()).graph());
    }

    /** Per node: JGraphT's local clustering coefficient, and the triangles it implies, t = c d (d - 1) / 2. */
    static void assertMatchesJGraphT(InteractionGraph g) {
        Graph<String, DefaultEdge> j = simple(g);
        NodeScores s = Triangles.compute(g, TrianglesConfig.defaults());
        Map<String, Double> local = new ClusteringCoefficient<>(j).getScores();
        for (int u = 0; u < g.nodeCount(); u++) {
            String id = g.ids().id(u);
            double d = j.degreeOf(id);
            assertEquals(local.get(id), s.column("clustering")[u], 1e-12, id);
            assertEquals(Math.round(local.get(id) * d * (d - 1) / 2), s.column("triangles")[u], id);
        }
    }

    /** Directed random graphs with loops and reciprocal arcs against counting every triple of nodes. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void smallRandomGraphsMatchBruteForce(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 40;
        boolean[][] adj = new boolean[n][n];
        GraphBuilder b = new GraphBuilder(true);
        for (int u = 0; u < n; u++) b.addNode("n" + u);
        int rows = 60 + rnd.nextInt(300);
        for (int i = 0; i < rows; i++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(n);
            b.add("n" + u, "n" + v, 1 + rnd.nextInt(3));
            if (u != v) adj[u][v] = adj[v][u] = true;
        }
        InteractionGraph g = b.build();
        NodeScores s = Triangles.compute(g, ONE);
        for (int u = 0; u < n; u++) {
            int t = 0;
            int d = 0;
            for (int v = 0; v < n; v++) {
                if (!adj[u][v]) continue;
                d++;
                for (int w = v + 1; w < n; w++) if (adj[u][w] && adj[v][w]) t++;
            }
            String id = "n" + u;
            assertEquals(t, s.get("triangles", id), id);
            assertEquals(d < 2 ? 0.0 : 2.0 * t / (d * (d - 1.0)), s.get("clustering", id), 1e-15, id);
        }
        assertMatchesJGraphT(g);
    }

    @Test
    void sameResultForAnyThreadCount() {
        InteractionGraph g = GraphLoader.load("datasets/wiki-vote/Wiki-Vote.txt.gz", IngestOptions.defaults()).graph();
        NodeScores one = Triangles.compute(g, ONE);
        for (int threads : new int[] {2, 4}) {
            NodeScores many = Triangles.compute(g, ONE.withThreads(threads));
            assertArrayEquals(one.column("triangles"), many.column("triangles"));
            assertArrayEquals(one.column("clustering"), many.column("clustering"));
        }
    }

    @Test
    void emptyGraphIsolatedNodesAndOneClique() {
        NodeScores empty = Triangles.compute(new GraphBuilder(false).build(), ONE);
        assertEquals(0, empty.column("triangles").length);
        NodeScores isolated = Triangles.compute(new GraphBuilder(false).addNode("x").addNode("y").add("z", "z", 1).build(), ONE);
        assertArrayEquals(new double[3], isolated.column("triangles"));
        assertArrayEquals(new double[3], isolated.column("clustering"));
        GraphBuilder clique = new GraphBuilder(true);
        for (int u = 0; u < 7; u++) for (int v = 0; v < 7; v++) if (u != v) clique.add("c" + u, "c" + v, 1);
        NodeScores k7 = Triangles.compute(clique.build(), ONE.withThreads(3));
        for (int u = 0; u < 7; u++) {
            assertEquals(15.0, k7.column("triangles")[u]); // C(6, 2) pairs of neighbours, all adjacent
            assertEquals(1.0, k7.column("clustering")[u]);
        }
    }

    @Test
    void rejectsBadThreads() {
        assertThrows(IllegalArgumentException.class, () -> new TrianglesConfig(0));
    }
}
