package dev.chorus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSR graph against brute force: random multigraphs with repeated rows and self-loops are aggregated by
 * a plain HashMap here and compared arc by arc, both directions, the undirected view, reciprocity, and the
 * JGraphT copy.
 */
class InteractionGraphTest {

    record Rows(GraphBuilder builder, Map<String, Double> pairs) {
    }

    /** Random rows over {@code n} ids (string ids "v0".."v{n-1}"), with repeats and self-loops. */
    static Rows randomRows(long seed, int n, int rows, boolean directed) {
        return randomRows(seed, n, rows, directed, Runtime.getRuntime().availableProcessors());
    }

    static Rows randomRows(long seed, int n, int rows, boolean directed, int threads) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GraphBuilder b = new GraphBuilder(directed, rows, threads);
        Map<String, Double> pairs = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            int s = rnd.nextInt(n);
            int t = rnd.nextInt(10) == 0 ? s : rnd.nextInt(n);
            double w = rnd.nextInt(4);
            b.add("v" + s, "v" + t, w);
            int a = directed ? s : Math.min(s, t);
            int c = directed ? t : Math.max(s, t);
            pairs.merge("v" + a + ">v" + c, w, Double::sum);
        }
        return new Rows(b, pairs);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void directedMatchesBruteForce(long seed) {
        assertMatchesBruteForce(randomRows(seed, 40, 300, true));
    }

    /** Over 2^16 arcs the views are built on the graph's threads (3 here: uneven source ranges and chunks). */
    @ParameterizedTest
    @ValueSource(longs = {6, 7})
    void directedMatchesBruteForceWhenTheViewsAreBuiltInParallel(long seed) {
        assertMatchesBruteForce(randomRows(seed, 3000, 120_000, true, 3));
    }

    private static void assertMatchesBruteForce(Rows r) {
        InteractionGraph g = r.builder().build();
        assertTrue(g.arcCount() > 1 << 16 || g.arcCount() < 1000, "a case per path");
        assertEquals(r.pairs().size(), g.edgeCount());
        assertEquals(r.pairs().size(), g.arcCount());
        double sum = 0;
        int loops = 0;
        int reciprocated = 0;
        for (Map.Entry<String, Double> e : r.pairs().entrySet()) {
            String[] st = e.getKey().split(">");
            int u = g.ids().index(st[0]);
            int v = g.ids().index(st[1]);
            int arc = g.arc(u, v);
            assertTrue(arc >= 0, e.getKey());
            assertEquals(e.getValue(), g.out().weight(arc), 0);
            sum += e.getValue();
            if (u == v) loops++;
            boolean rec = u != v && r.pairs().containsKey(st[1] + ">" + st[0]);
            if (rec) reciprocated++;
            assertEquals(rec, g.isReciprocated(arc), e.getKey());
        }
        assertEquals(sum, g.weightSum(), 1e-9);
        assertEquals(loops, g.selfLoopCount());
        assertEquals((double) reciprocated / (g.arcCount() - loops), g.reciprocity(), 1e-12);
        // in-adjacency: every in-entry mirrors its arc
        for (int v = 0; v < g.nodeCount(); v++) {
            int prev = -1;
            for (int i = g.in().start(v); i < g.in().end(v); i++) {
                int u = g.in().neighbor(i);
                assertTrue(u > prev, "in-rows sorted");
                prev = u;
                int arc = g.inArc(i);
                assertEquals(v, g.out().neighbor(arc));
                assertEquals(g.out().weight(arc), g.in().weight(i), 0);
                assertEquals(arc, g.arc(u, v));
            }
        }
        // undirected view: union of both directions, loops dropped, weights summed
        Adjacency und = g.undirected();
        Map<String, Double> expected = new HashMap<>();
        for (Map.Entry<String, Double> e : r.pairs().entrySet()) {
            String[] st = e.getKey().split(">");
            if (st[0].equals(st[1])) continue;
            expected.merge(st[0] + ">" + st[1], e.getValue(), Double::sum);
            expected.merge(st[1] + ">" + st[0], e.getValue(), Double::sum);
        }
        assertEquals(expected.size(), und.size());
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int i = und.start(u); i < und.end(u); i++) {
                String key = g.ids().id(u) + ">" + g.ids().id(und.neighbor(i));
                assertEquals(expected.get(key), und.weight(i), 1e-12, key);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void undirectedInputStoresEachPairOnceWithBothArcs(long seed) {
        Rows r = randomRows(seed, 30, 200, false);
        InteractionGraph g = r.builder().build();
        assertFalse(g.isDirected());
        assertEquals(r.pairs().size(), g.edgeCount());
        long loops = r.pairs().keySet().stream().filter(k -> k.split(">")[0].equals(k.split(">")[1])).count();
        assertEquals(loops, g.selfLoopCount());
        assertEquals(2 * (r.pairs().size() - loops) + loops, g.arcCount());
        for (Map.Entry<String, Double> e : r.pairs().entrySet()) {
            String[] st = e.getKey().split(">");
            int u = g.ids().index(st[0]);
            int v = g.ids().index(st[1]);
            assertEquals(e.getValue(), g.out().weight(g.arc(u, v)), 0);
            assertEquals(e.getValue(), g.out().weight(g.arc(v, u)), 0);
        }
        assertEquals(r.pairs().values().stream().mapToDouble(Double::doubleValue).sum(), g.weightSum(), 1e-9);
        // the undirected view of an undirected graph is the graph without loops, weights unchanged
        assertEquals(g.arcCount() - g.selfLoopCount(), g.undirected().size());
        for (int u = 0; u < g.nodeCount(); u++) assertTrue(g.out().start(u) <= g.out().end(u));
    }

    @Test
    void jgraphtCopyHasTheSameEdgesAndWeights() {
        for (boolean directed : new boolean[] {true, false}) {
            Rows r = randomRows(7, 25, 150, directed);
            InteractionGraph g = r.builder().build();
            Graph<String, DefaultWeightedEdge> j = g.toJGraphT();
            assertEquals(g.nodeCount(), j.vertexSet().size());
            assertEquals(g.edgeCount(), j.edgeSet().size());
            for (Map.Entry<String, Double> e : r.pairs().entrySet()) {
                String[] st = e.getKey().split(">");
                assertEquals(e.getValue(), j.getEdgeWeight(j.getEdge(st[0], st[1])), 0);
            }
            for (int u = 0; u < g.nodeCount(); u++) {
                String id = g.ids().id(u);
                if (directed) {
                    assertEquals(j.outDegreeOf(id), g.out().degree(u));
                    assertEquals(j.inDegreeOf(id), g.in().degree(u));
                }
            }
        }
    }

    @Test
    void isolatedNodesAndEmptyGraph() {
        InteractionGraph empty = new GraphBuilder(true).build();
        assertEquals(0, empty.nodeCount());
        assertEquals(0, empty.edgeCount());
        assertEquals(0.0, empty.density());
        assertEquals(0.0, empty.reciprocity());
        assertEquals(0, empty.undirected().size());
        InteractionGraph g = new GraphBuilder(true).addNode("lonely").add("a", "b", 1).build();
        assertEquals(3, g.nodeCount());
        assertEquals(0, g.out().degree(g.ids().index("lonely")));
        assertEquals(-1, g.ids().index("nobody"));
        assertEquals(1.0 / 6, g.density(), 1e-15);
    }

    @Test
    void idMapSurvivesGrowthWithShortAndLongIds() {
        IdMap ids = new IdMap();
        Set<String> seen = new HashSet<>();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            int k = rnd.nextInt(60_000);
            String id = k % 3 == 0 ? "user-with-a-long-name-" + k : Integer.toString(k);
            byte[] b = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int before = ids.size();
            int idx = ids.intern(b, 0, b.length);
            assertEquals(seen.add(id) ? before : ids.index(id), idx);
            assertEquals(id, ids.id(idx));
        }
        assertEquals(seen.size(), ids.size());
    }

    /**
     * Rows streamed through the reader path (batched, interned on a worker thread) build the same graph as
     * rows added one by one, including ids too long to batch, which must keep their first-appearance place.
     */
    @Test
    void batchedInterningKeepsFirstAppearanceOrder() {
        StringBuilder text = new StringBuilder();
        GraphBuilder direct = new GraphBuilder(true);
        SplittableRandom rnd = new SplittableRandom(5);
        String huge = "h".repeat(140_000); // larger than a batch buffer
        for (int i = 0; i < 30_000; i++) {
            String s = "u" + rnd.nextInt(50_000);
            String t = i == 12_345 ? huge : "u" + rnd.nextInt(50_000);
            text.append(s).append(' ').append(t).append('\n');
            direct.add(s, t, 1);
        }
        InteractionGraph streamed = GraphLoader.load(dev.chorus.ingest.InputSource.of("x.txt",
                text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                dev.chorus.ingest.IngestOptions.defaults(), r -> { }, dev.chorus.progress.Progress.NONE).graph();
        InteractionGraph expected = direct.build();
        assertEquals(expected.nodeCount(), streamed.nodeCount());
        for (int u = 0; u < expected.nodeCount(); u++) assertEquals(expected.ids().id(u), streamed.ids().id(u));
        assertArrayEquals(expected.out().offsets(), streamed.out().offsets());
        assertArrayEquals(expected.out().neighbors(), streamed.out().neighbors());
    }

    @Test
    void memoryStaysWithinTheBudgetPerArc() {
        Rows r = randomRows(9, 2_000, 50_000, true);
        InteractionGraph g = r.builder().build();
        Map<String, Long> mem = g.memoryBytes();
        double perArc = (double) (mem.get("out") + mem.get("in") + mem.get("reciprocity")) / g.arcCount();
        assertTrue(perArc <= 40, "bytes per arc " + perArc);
    }
}
