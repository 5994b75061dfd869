package dev.chorus.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CohesionTest {
    static final CohesionConfig CONFIG = new CohesionConfig(3, 2);

    /**
     * A 4-clique a,b,c,d where every interaction is answered (a<->b weight 2 each way, the other pairs 1 each
     * way) and b talks to itself (5); a star h -> x1, x2, x3 where only x1 answers; a -> h (3) joins them; z is
     * isolated.
     */
    static InteractionGraph cliqueAndStar(boolean directed) {
        GraphBuilder b = new GraphBuilder(directed);
        b.add("a", "b", 2).add("b", "a", 2);
        String[][] pairs = {{"a", "c"}, {"a", "d"}, {"b", "c"}, {"b", "d"}, {"c", "d"}};
        for (String[] p : pairs) b.add(p[0], p[1], 1).add(p[1], p[0], 1);
        b.add("b", "b", 5);
        b.add("h", "x1", 1).add("h", "x2", 1).add("h", "x3", 1).add("x1", "h", 1);
        b.add("a", "h", 3);
        b.addNode("z");
        return b.build();
    }

    static Communities cliqueStarZ(InteractionGraph g) {
        int[] labels = new int[g.nodeCount()];
        for (String id : List.of("h", "x1", "x2", "x3")) labels[g.ids().index(id)] = 1;
        labels[g.ids().index("z")] = 2;
        return Communities.of("given", g.ids(), labels, Double.NaN, 1, 0, true);
    }

    /**
     * By hand, on the merged view: weights ab 4, ac = ad = bc = bd = cd = 2, ah 3, hx1 2, hx2 = hx3 = 1, so
     * weighted degrees a 11, b 8, c 6, d 6, h 7, x1 2, x2 1, x3 1 (total volume 42). Clique: W_in 14, cut 3,
     * conductance 3 / min(31, 11); clustering a 3/6, b = c = d 1 (b's loop is dropped). Star: W_in 4, cut 3,
     * conductance 3 / min(11, 31), arcs h->x1, h->x2, h->x3, x1->h of which two are answered.
     */
    @Test
    void everyMetricByHand() {
        InteractionGraph g = cliqueAndStar(true);
        List<ClusterCohesion> all = Cohesion.compute(g, cliqueStarZ(g), CONFIG);
        assertEquals(3, all.size());
        ClusterCohesion clique = all.get(0);
        assertEquals(new ClusterCohesion(0, 4, 6, 14, 3, 1.0, 1.0, 3 / 11.0, (0.5 + 1 + 1 + 1) / 4, 4, 1.0, 14 / 3.0,
                14 / 6.0, List.of("a", "b", "c")), clique);
        ClusterCohesion star = all.get(1);
        assertEquals(new ClusterCohesion(1, 4, 3, 4, 3, 0.5, 0.5, 3 / 11.0, 0.0, 0, 0.0, 4 / 3.0, 4 / 6.0,
                List.of("h", "x1", "x2")), star);
        ClusterCohesion z = all.get(2);
        assertEquals(new ClusterCohesion(2, 1, 0, 0, 0, 0.0, 0.0, 0.0, 0.0, 0, 0.0, Double.NaN, 0.0, List.of()), z);

        // the same rows read as undirected: one edge per pair, no direction, hence no reciprocity
        InteractionGraph u = cliqueAndStar(false);
        List<ClusterCohesion> undirected = Cohesion.compute(u, cliqueStarZ(u), CONFIG);
        for (int c = 0; c < 3; c++) {
            Map<String, Number> d = all.get(c).asMap();
            Map<String, Number> un = undirected.get(c).asMap();
            for (String column : ClusterCohesion.COLUMNS) {
                if (column.equals("reciprocity")) assertTrue(Double.isNaN(un.get(column).doubleValue()));
                else assertEquals(d.get(column), un.get(column), column);
            }
        }
    }

    @Test
    void fieldsAreNamedInOneOrder() {
        InteractionGraph g = cliqueAndStar(true);
        ClusterCohesion clique = Cohesion.compute(g, cliqueStarZ(g), CONFIG).get(0);
        Map<String, Number> m = clique.asMap();
        assertEquals(ClusterCohesion.COLUMNS, new ArrayList<>(m.keySet()));
        assertEquals(4, m.get("size"));
        assertEquals(6L, m.get("internal_edges"));
        assertEquals(14.0, m.get("internal_weight"));
        assertEquals(3 / 11.0, m.get("conductance"));
        assertEquals(14 / 6.0, m.get("weight_per_pair"));
        assertEquals(List.of("a", "b", "c", "d"), Cohesion.compute(g, cliqueStarZ(g), CONFIG.withCoreSize(10)).get(0).core());
        assertEquals(List.of(), Cohesion.compute(g, cliqueStarZ(g), CONFIG.withCoreSize(0)).get(0).core());
    }

    /**
     * Every metric against a direct computation from the raw arcs (adjacency matrices, all triples), for two
     * partitions computed together (one triangle enumeration for both, as the analysis does) on 1 and 2 threads.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void smallRandomGraphsMatchBruteForce(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 30;
        double[][] w = new double[n][n]; // w[u][v]: weight of arc u -> v
        GraphBuilder b = new GraphBuilder(true);
        for (int u = 0; u < n; u++) b.addNode("n" + u);
        int rows = 40 + rnd.nextInt(200);
        for (int i = 0; i < rows; i++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(n);
            double x = 1 + rnd.nextInt(4);
            b.add("n" + u, "n" + v, x);
            w[u][v] += x;
        }
        InteractionGraph g = b.build();
        List<Communities> partitions = new ArrayList<>();
        for (int groups : new int[] {4, 9}) {
            int[] labels = new int[n];
            for (int u = 0; u < n; u++) labels[u] = rnd.nextInt(groups);
            partitions.add(Communities.of("given", g.ids(), labels, Double.NaN, 1, 0, true));
        }
        int[] node = new int[n]; // our index of "n" + u
        for (int u = 0; u < n; u++) node[u] = g.ids().index("n" + u);
        for (int threads : new int[] {1, 2}) {
            Cohesion.WithTriangles both = Cohesion.withTriangles(g, partitions, CONFIG.withThreads(threads), Progress.NONE);
            for (int p = 0; p < partitions.size(); p++) matchesBruteForce(w, node, partitions.get(p), both.cohesion().get(p), "seed " + seed + " partition " + p);
            // the per-node triangles the analysis reads from the same count: brute force over the undirected view
            for (int u = 0; u < n; u++) {
                int degree = 0;
                int triangles = 0;
                for (int v = 0; v < n; v++) {
                    if (v == u || w[u][v] + w[v][u] == 0) continue;
                    degree++;
                    for (int x = v + 1; x < n; x++) if (x != u && w[u][x] + w[x][u] > 0 && w[v][x] + w[x][v] > 0) triangles++;
                }
                double clustering = degree < 2 ? 0 : 2.0 * triangles / (degree * (degree - 1.0));
                assertEquals(triangles, both.triangles().column("triangles")[node[u]], "n" + u);
                assertEquals(clustering, both.triangles().column("clustering")[node[u]], 1e-15, "n" + u);
            }
        }
    }

    private static void matchesBruteForce(double[][] w, int[] node, Communities parts, List<ClusterCohesion> got, String partition) {
        int n = w.length;
        double totalVolume = 0;
        for (int u = 0; u < n; u++) for (int v = 0; v < n; v++) if (u != v) totalVolume += w[u][v];
        totalVolume *= 2;
        for (int c = 0; c < parts.count(); c++) {
            final int cc = c;
            int[] in = IntStream.range(0, n).filter(u -> parts.membership()[node[u]] == cc).toArray();
            boolean[] isIn = new boolean[n];
            for (int u : in) isIn[u] = true;
            long edges = 0;
            long arcs = 0;
            long answered = 0;
            long triangles = 0;
            double inside = 0;
            double cut = 0;
            double volume = 0;
            double clustering = 0;
            double[] internalDegree = new double[n];
            for (int u : in) {
                int d = 0;
                int t = 0;
                for (int v = 0; v < n; v++) {
                    if (v == u) continue;
                    double uv = w[u][v] + w[v][u];
                    volume += uv;
                    if (adjacent(w, u, v)) d++;
                    if (!isIn[v]) {
                        cut += uv;
                        continue;
                    }
                    internalDegree[u] += uv;
                    if (v > u) {
                        inside += uv;
                        if (adjacent(w, u, v)) edges++;
                    }
                    if (w[u][v] > 0) {
                        arcs++;
                        if (w[v][u] > 0) answered++;
                    }
                }
                for (int v = 0; v < n; v++) {
                    for (int x = v + 1; x < n; x++) {
                        if (v == u || x == u || !adjacent(w, u, v) || !adjacent(w, u, x) || !adjacent(w, v, x)) continue;
                        t++;
                        if (isIn[v] && isIn[x] && u < v) triangles++;
                    }
                }
                clustering += d < 2 ? 0 : 2.0 * t / (d * (d - 1.0));
            }
            int s = in.length;
            double pairs = s * (s - 1) / 2.0;
            ClusterCohesion m = got.get(c);
            String where = partition + " community " + c;
            assertEquals(c, m.community(), where);
            assertEquals(s, m.size(), where);
            assertEquals(edges, m.internalEdges(), where);
            assertEquals(inside, m.internalWeight(), 1e-9, where);
            assertEquals(cut, m.externalWeight(), 1e-9, where);
            assertEquals(s < 2 ? 0 : edges / pairs, m.density(), 1e-12, where);
            assertEquals(arcs == 0 ? 0 : (double) answered / arcs, m.reciprocity(), 1e-12, where);
            double smaller = Math.min(volume, totalVolume - volume);
            assertEquals(smaller == 0 ? 0 : cut / smaller, m.conductance(), 1e-12, where);
            assertEquals(clustering / s, m.averageClustering(), 1e-12, where);
            assertEquals(triangles, m.internalTriangles(), where);
            assertEquals(s < 3 ? 0 : triangles / (pairs * (s - 2) / 3), m.triangleDensity(), 1e-12, where);
            assertEquals(inside / cut, m.internalExternalRatio(), 1e-9, where);
            assertEquals(s < 2 ? 0 : inside / pairs, m.weightPerPair(), 1e-12, where);
            List<Integer> core = new ArrayList<>();
            for (int u : in) if (internalDegree[u] > 0) core.add(u);
            core.sort(Comparator.<Integer>comparingDouble(u -> -internalDegree[u]).thenComparing(u -> "n" + u));
            assertEquals(core.subList(0, Math.min(3, core.size())).stream().map(u -> "n" + u).toList(), m.core(), where);
        }
    }

    private static boolean adjacent(double[][] w, int u, int v) {
        return u != v && (w[u][v] > 0 || w[v][u] > 0);
    }

    /**
     * On real graphs and their label-propagation and component partitions: values in range, weights add up
     * to the total, and sum_c [W_in/W - (vol_c/2W)^2] is the modularity Chorus computes (checked against JGraphT
     * in ModularityTest), which ties internal weight, cut and volume together.
     */
    @ParameterizedTest
    @ValueSource(strings = {"datasets/email-eu-core/email-Eu-core.txt.gz", "datasets/karate/karate_weighted_networkx.tsv",
            "datasets/higgs-twitter/higgs-reply_network.edgelist.gz", "datasets/lesmis/lesmis.gml"})
    void invariantsOnRealGraphs(String path) {
        InteractionGraph g = GraphLoader.load(path, IngestOptions.defaults()).graph();
        for (Communities parts : List.of(LabelPropagation.compute(g, LabelPropagationConfig.defaults()),
                ConnectedComponents.compute(g, ComponentsConfig.defaults()))) {
            List<ClusterCohesion> all = Cohesion.compute(g, parts, CONFIG);
            assertEquals(parts.count(), all.size());
            double total = 0;
            for (int u = 0; u < g.nodeCount(); u++) total += g.undirected().weightedDegree(u);
            double half = total / 2;
            double weight = 0;
            double q = 0;
            for (ClusterCohesion c : all) {
                for (double x : new double[] {c.density(), c.conductance(), c.averageClustering(), c.triangleDensity()}) {
                    assertTrue(x >= 0 && x <= 1, c::toString);
                }
                assertTrue(g.isDirected() ? c.reciprocity() >= 0 && c.reciprocity() <= 1 : Double.isNaN(c.reciprocity()));
                assertTrue(c.core().size() <= 3);
                weight += c.internalWeight() + c.externalWeight() / 2;
                double volume = 2 * c.internalWeight() + c.externalWeight();
                q += c.internalWeight() / half - (volume / total) * (volume / total);
            }
            assertEquals(half, weight, 1e-9 * half);
            assertEquals(Modularity.of(g, parts.membership()), q, 1e-12);
        }
    }

    @Test
    void sameResultForAnyThreadCount() {
        InteractionGraph g = GraphLoader.load("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults()).graph();
        Communities parts = LabelPropagation.compute(g, LabelPropagationConfig.defaults());
        assertEquals(Cohesion.compute(g, parts, CONFIG.withThreads(1)).toString(), Cohesion.compute(g, parts, CONFIG.withThreads(4)).toString());
    }

    @Test
    void emptyGraphIsolatedNodesAndOneClique() {
        InteractionGraph empty = new GraphBuilder(true).build();
        assertEquals(List.of(), Cohesion.compute(empty, ConnectedComponents.compute(empty, ComponentsConfig.defaults()), CONFIG));
        InteractionGraph isolated = new GraphBuilder(true).addNode("x").addNode("y").build();
        List<ClusterCohesion> alone = Cohesion.compute(isolated, ConnectedComponents.compute(isolated, ComponentsConfig.defaults()), CONFIG);
        assertEquals(2, alone.size());
        for (ClusterCohesion c : alone) {
            assertEquals(new ClusterCohesion(c.community(), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, List.of()), c);
        }
        GraphBuilder b = new GraphBuilder(false);
        for (int u = 0; u < 6; u++) for (int v = u + 1; v < 6; v++) b.add("c" + u, "c" + v, 2);
        InteractionGraph k6 = b.build();
        ClusterCohesion one = Cohesion.compute(k6, ConnectedComponents.compute(k6, ComponentsConfig.defaults()), CONFIG).get(0);
        assertEquals(6, one.size());
        assertEquals(15, one.internalEdges());
        assertEquals(1.0, one.density());
        assertEquals(1.0, one.triangleDensity());
        assertEquals(20, one.internalTriangles());
        assertEquals(1.0, one.averageClustering());
        assertEquals(0.0, one.conductance());
        assertEquals(Double.POSITIVE_INFINITY, one.internalExternalRatio());
        assertEquals(2.0, one.weightPerPair());
        assertEquals(List.of("c0", "c1", "c2"), one.core());
    }

    @Test
    void rejectsBadSettingsAndForeignPartitions() {
        assertThrows(IllegalArgumentException.class, () -> new CohesionConfig(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CohesionConfig(3, 0));
        InteractionGraph g = cliqueAndStar(true);
        InteractionGraph other = new GraphBuilder(true).add("p", "q", 1).build();
        Communities foreign = ConnectedComponents.compute(other, ComponentsConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> Cohesion.compute(g, foreign, CONFIG));
    }
}
