package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Format;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.AsUnweightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

/**
 * Brandes betweenness against published values, NetworkX, JGraphT and brute-force path enumeration. Also holds
 * the fixtures shared with {@link ClosenessTest} and {@link HarmonicTest}: shipped datasets, seeded random edge
 * lists and the JGraphT copy with Chorus's lengths.
 */
class BetweennessTest {
    static final String KARATE = "datasets/karate/karate.edges";
    static final String EMAIL = "datasets/email-eu-core/email-Eu-core.txt.gz";
    static final String FOOTBALL = "datasets/football/football_newman.gml";

    static InteractionGraph karate() {
        return GraphLoader.load(KARATE, IngestOptions.defaults().withDirected(false)).graph();
    }

    /** Zachary's interaction counts as weights (the copy NetworkX ships). */
    static InteractionGraph karateWeighted() {
        return GraphLoader.load("datasets/karate/karate_weighted_networkx.tsv",
                IngestOptions.defaults().withFormat(Format.SNAP).withDirected(false)).graph();
    }

    static InteractionGraph email() {
        return GraphLoader.load(EMAIL, IngestOptions.defaults()).graph();
    }

    /** email-Eu-core read undirected: each pair once, weights of both directions summed. */
    static InteractionGraph emailUndirected() {
        return GraphLoader.load(EMAIL, IngestOptions.defaults().withDirected(false)).graph();
    }

    static InteractionGraph football() {
        return GraphLoader.load(FOOTBALL, IngestOptions.defaults()).graph();
    }

    /**
     * A seeded random graph kept as its edge list, so that brute force never reads Chorus's structures. Node i
     * has id "i"; some nodes are isolated, some have self-loops; weights are 1, or drawn from {0, 1/2, 1, 2, 4}
     * so that lengths 1/w are exact binary fractions and path-length ties are exact.
     */
    record Sample(int n, boolean directed, int[] src, int[] dst, double[] w) {
        static Sample random(long seed, int n, double p, boolean directed, boolean weighted) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] weights = {0, 0.5, 1, 2, 4};
            List<double[]> edges = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                for (int v = directed ? 0 : u; v < n; v++) {
                    if (r.nextDouble() < (u == v ? 0.15 : p)) {
                        edges.add(new double[] {u, v, weighted ? weights[r.nextInt(weights.length)] : 1});
                    }
                }
            }
            return new Sample(n, directed, edges.stream().mapToInt(e -> (int) e[0]).toArray(),
                    edges.stream().mapToInt(e -> (int) e[1]).toArray(),
                    edges.stream().mapToDouble(e -> e[2]).toArray());
        }

        InteractionGraph graph() {
            return build(false);
        }

        /** The same graph with every arc reversed. */
        InteractionGraph reversed() {
            return build(true);
        }

        private InteractionGraph build(boolean reverse) {
            GraphBuilder b = new GraphBuilder(directed);
            for (int i = 0; i < n; i++) b.addNode(String.valueOf(i));
            for (int e = 0; e < src.length; e++) {
                b.add(String.valueOf(reverse ? dst[e] : src[e]), String.valueOf(reverse ? src[e] : dst[e]), w[e]);
            }
            return b.build();
        }

        /** Arc lengths: 1 per arc, or 1/w with zero weights unusable; +infinity where no arc; loops dropped. */
        double[][] lengths(boolean weighted) {
            double[][] len = new double[n][n];
            for (double[] row : len) Arrays.fill(row, Double.POSITIVE_INFINITY);
            for (int e = 0; e < src.length; e++) {
                if (src[e] == dst[e] || (weighted && w[e] == 0)) continue;
                double l = weighted ? 1 / w[e] : 1;
                len[src[e]][dst[e]] = l;
                if (!directed) len[dst[e]][src[e]] = l;
            }
            return len;
        }

        /** d[v][u] by Floyd–Warshall over {@link #lengths}. */
        double[][] distances(boolean weighted) {
            double[][] d = lengths(weighted);
            for (int i = 0; i < n; i++) d[i][i] = 0;
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
                }
            }
            return d;
        }
    }

    /** Scores by id "0".."n-1", whatever order the builder chose for the indices. */
    static double[] byId(NodeScores s, int n) {
        double[] column = s.column(s.rankBy());
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = column[s.ids().index(String.valueOf(i))];
        return out;
    }

    /**
     * JGraphT copy whose edge weights are Chorus's lengths: an unweighted view (every edge 1, so JGraphT's
     * betweenness runs BFS), or 1/w with zero-weight edges removed.
     */
    static Graph<String, DefaultWeightedEdge> jgrapht(InteractionGraph g, boolean weighted) {
        Graph<String, DefaultWeightedEdge> jg = g.toJGraphT();
        if (!weighted) return new AsUnweightedGraph<>(jg);
        List<DefaultWeightedEdge> unusable = new ArrayList<>();
        for (DefaultWeightedEdge e : jg.edgeSet()) {
            double w = jg.getEdgeWeight(e);
            if (w == 0) unusable.add(e);
            else jg.setEdgeWeight(e, 1 / w);
        }
        jg.removeAllEdges(unusable);
        return jg;
    }

    static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static BetweennessConfig config() {
        return BetweennessConfig.defaults().withThreads(2);
    }

    // --- published and NetworkX values ---

    @Test
    void karatePublishedValues() {
        // B. Lantz, "Machine Learning with R", 2nd ed., Packt 2015, ch. 12 "Analyzing and visualizing network
        // data": igraph's betweenness(karate) on Newman's copy of Zachary's graph, printed to 7 decimals (members
        // 1, 3, 33 and 34 are our 0, 2, 32 and 33). The igraph C reference manual's tutorial (lesson 3) prints the
        // maximum, 231.071 at vertex 0. Both count undirected pairs once, unnormalized.
        NodeScores b = Betweenness.compute(karate(), config());
        assertEquals(231.0714286, b.get("betweenness", "0"), 1e-6);
        assertEquals(160.5515873, b.get("betweenness", "33"), 1e-6);
        assertEquals(75.8507937, b.get("betweenness", "2"), 1e-6);
        assertEquals(76.6904762, b.get("betweenness", "32"), 1e-6);
        assertEquals(0.0, b.get("betweenness", "7"), 0);
        assertEquals(List.of("0", "33", "32"), b.top(3));
        // NetworkX normalized=True divides by (n-1)(n-2)/2 per undirected pair: 231.0714.../528
        assertClose(231.07142857142864 / 528, Betweenness.compute(karate(), config().withNormalized(true))
                .get("betweenness", "0"), "normalized");
    }

    @Test
    void matchesNetworkXOnDirectedAndWeightedGraphs() {
        // networkx 2.8.8: betweenness_centrality(G, normalized=False) on email-Eu-core read as a DiGraph
        NodeScores directed = Betweenness.compute(email(), config());
        assertClose(72626.49703228382, directed.get("betweenness", "160"), "email 160");
        assertClose(37695.391701985536, directed.get("betweenness", "86"), "email 86");
        // networkx 2.8.8 on karate_club_graph() with an edge attribute length = 1/weight, weight="length"
        NodeScores weighted = Betweenness.compute(karateWeighted(), config().withWeighted(true));
        assertClose(208.5, weighted.get("betweenness", "0"), "weighted 0");
        assertClose(173.5, weighted.get("betweenness", "33"), "weighted 33");
        assertClose(178.0, weighted.get("betweenness", "2"), "weighted 2");
    }

    // --- JGraphT ---

    @Test
    void agreesWithJGraphTOnShippedDatasets() {
        for (InteractionGraph g : List.of(karate(), football(), email())) {
            assertAgreesWithJGraphT(g, false);
        }
        assertAgreesWithJGraphT(karateWeighted(), true);
    }

    @Test
    void agreesWithJGraphTOnRandomGraphs() {
        for (long seed = 1; seed <= 12; seed++) {
            for (boolean directed : new boolean[] {true, false}) {
                for (boolean weighted : new boolean[] {false, true}) {
                    assertAgreesWithJGraphT(Sample.random(seed, 60, 0.06, directed, weighted).graph(), weighted);
                }
            }
        }
    }

    /**
     * JGraphT's unnormalized scores follow the same convention (undirected pairs once). Its normalization divides
     * the halved undirected score by (n-1)(n-2), so NetworkX's (and ours) is twice JGraphT's on undirected graphs.
     */
    private static void assertAgreesWithJGraphT(InteractionGraph g, boolean weighted) {
        Graph<String, DefaultWeightedEdge> jg = jgrapht(g, weighted);
        var raw = new BetweennessCentrality<>(jg, false).getScores();
        var normalized = new BetweennessCentrality<>(jg, true).getScores();
        BetweennessConfig c = config().withWeighted(weighted);
        NodeScores ours = Betweenness.compute(g, c);
        NodeScores oursNormalized = Betweenness.compute(g, c.withNormalized(true));
        double factor = g.isDirected() ? 1 : 2;
        for (int v = 0; v < g.nodeCount(); v++) {
            String id = g.ids().id(v);
            assertClose(raw.get(id), ours.column("betweenness")[v], "raw " + id);
            assertClose(factor * normalized.get(id), oursNormalized.column("betweenness")[v], "normalized " + id);
        }
    }

    // --- brute force ---

    /** Sum over ordered pairs s != t of (shortest s-t paths through v) / (shortest s-t paths), by enumeration. */
    static double[] bruteForce(Sample s, boolean weighted) {
        double[][] len = s.lengths(weighted);
        double[] b = new double[s.n()];
        for (int from = 0; from < s.n(); from++) {
            for (int to = 0; to < s.n(); to++) {
                if (from == to) continue;
                List<int[]> paths = new ArrayList<>();
                List<Double> lengths = new ArrayList<>();
                boolean[] on = new boolean[s.n()];
                int[] path = new int[s.n()];
                path[0] = from;
                on[from] = true;
                enumerate(len, to, path, 1, 0.0, on, paths, lengths);
                if (paths.isEmpty()) continue;
                double best = lengths.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                double[] through = new double[s.n()];
                int count = 0;
                for (int i = 0; i < paths.size(); i++) {
                    if (lengths.get(i) != best) continue;
                    count++;
                    int[] p = paths.get(i);
                    for (int k = 1; k < p.length - 1; k++) through[p[k]]++;
                }
                for (int v = 0; v < s.n(); v++) b[v] += through[v] / count;
            }
        }
        return b;
    }

    private static void enumerate(double[][] len, int to, int[] path, int size, double length, boolean[] on,
                                  List<int[]> paths, List<Double> lengths) {
        int u = path[size - 1];
        if (u == to) {
            paths.add(Arrays.copyOf(path, size));
            lengths.add(length);
            return;
        }
        for (int v = 0; v < len.length; v++) {
            if (on[v] || len[u][v] == Double.POSITIVE_INFINITY) continue;
            on[v] = true;
            path[size] = v;
            enumerate(len, to, path, size + 1, length + len[u][v], on, paths, lengths);
            on[v] = false;
        }
    }

    @Test
    void matchesBruteForceOnSmallRandomGraphs() {
        for (long seed = 1; seed <= 25; seed++) {
            for (boolean directed : new boolean[] {true, false}) {
                for (boolean weighted : new boolean[] {false, true}) {
                    Sample s = Sample.random(seed, 8, 0.35, directed, weighted);
                    double[] pairs = bruteForce(s, weighted);
                    int n = s.n();
                    BetweennessConfig c = config().withWeighted(weighted);
                    double[] raw = byId(Betweenness.compute(s.graph(), c), n);
                    double[] normalized = byId(Betweenness.compute(s.graph(), c.withNormalized(true)), n);
                    for (int v = 0; v < n; v++) {
                        String what = "seed " + seed + " directed " + directed + " weighted " + weighted + " node " + v;
                        assertClose(directed ? pairs[v] : pairs[v] / 2, raw[v], what);
                        assertClose(pairs[v] / ((n - 1.0) * (n - 2.0)), normalized[v], what);
                    }
                }
            }
        }
    }

    // --- sampling ---

    @Test
    void sampledScalingIsExactOnCycles() {
        // on a cycle every source has the same total dependency, so any sample sums to the exact total: this pins
        // the n/K factor (which NetworkX 2.8.8 drops on directed graphs) in every mode
        for (boolean directed : new boolean[] {true, false}) {
            GraphBuilder b = new GraphBuilder(directed);
            for (int i = 0; i < 12; i++) b.add(String.valueOf(i), String.valueOf((i + 1) % 12), 1);
            InteractionGraph cycle = b.build();
            for (boolean normalized : new boolean[] {false, true}) {
                BetweennessConfig c = config().withNormalized(normalized);
                double exact = Arrays.stream(Betweenness.compute(cycle, c).column("betweenness")).sum();
                double sampled = Arrays.stream(Betweenness.compute(cycle, c.withSamples(5).withSeed(3))
                        .column("betweenness")).sum();
                assertClose(exact, sampled, "directed " + directed + " normalized " + normalized);
            }
        }
    }

    @Test
    void sampledErrorWithinStatedBoundOnEmailEuCore() {
        InteractionGraph g = email();
        int n = g.nodeCount();
        int k = 300;
        double[] exact = Betweenness.compute(g, config()).column("betweenness");
        double[] sampled = Betweenness.compute(g, config().withSamples(k).withSeed(11)).column("betweenness");
        // the Javadoc's bound for all nodes at once, failure probability 1e-3
        double failure = 1e-3;
        double bound = n * (n - 2.0) * Math.sqrt(Math.log(2 * n / failure) / (2 * k));
        double maxError = 0;
        for (int v = 0; v < n; v++) maxError = Math.max(maxError, Math.abs(sampled[v] - exact[v]));
        assertTrue(maxError <= bound, "max error " + maxError + " > bound " + bound);
        assertTrue(maxError > 0, "a 300-of-1005 sample should not be exact");
        // That bound is loose (range n-2 per source). The same Hoeffding argument on each source's total
        // dependency, whose range is known exactly (sum over reachable t of d(s,t) - 1, by BFS here), gives a
        // sharp check of the estimator and its n/K scaling on the node sums.
        double[] perSource = new double[n];
        for (int s = 0; s < n; s++) perSource[s] = pathInteriorsFrom(g, s);
        double range = Arrays.stream(perSource).max().orElseThrow() - Arrays.stream(perSource).min().orElseThrow();
        double totalBound = n * range * Math.sqrt(Math.log(2 / failure) / (2 * k));
        double exactTotal = Arrays.stream(exact).sum();
        assertClose(Arrays.stream(perSource).sum(), exactTotal, "sum of dependencies = sum of path interiors");
        assertTrue(Math.abs(Arrays.stream(sampled).sum() - exactTotal) <= totalBound,
                "total " + Arrays.stream(sampled).sum() + " vs " + exactTotal + " bound " + totalBound);
        assertTrue(totalBound < 0.5 * exactTotal, "the total check must be able to fail");
    }

    /** Sum over t reachable from s of (d(s,t) - 1): the interior nodes of any one shortest path, by BFS. */
    private static double pathInteriorsFrom(InteractionGraph g, int s) {
        int[] dist = new int[g.nodeCount()];
        Arrays.fill(dist, -1);
        int[] queue = new int[g.nodeCount()];
        int tail = 0;
        queue[tail++] = s;
        dist[s] = 0;
        double sum = 0;
        for (int head = 0; head < tail; head++) {
            int u = queue[head];
            if (u != s) sum += dist[u] - 1;
            for (int i = g.out().start(u); i < g.out().end(u); i++) {
                int v = g.out().neighbor(i);
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    queue[tail++] = v;
                }
            }
        }
        return sum;
    }

    @Test
    void sampledIsReproducibleAndExactWhenSamplesCoverAllNodes() {
        InteractionGraph g = email();
        BetweennessConfig c = config().withSamples(100).withSeed(7);
        double[] a = Betweenness.compute(g, c).column("betweenness");
        assertArrayEquals(a, Betweenness.compute(g, c).column("betweenness"));
        assertArrayEquals(a, Betweenness.compute(g, c.withThreads(1)).column("betweenness"));
        assertFalse(Arrays.equals(a, Betweenness.compute(g, c.withSeed(8)).column("betweenness")));
        InteractionGraph k = karate();
        double[] exact = Betweenness.compute(k, config()).column("betweenness");
        assertArrayEquals(exact, Betweenness.compute(k, config().withSamples(34)).column("betweenness"));
        assertArrayEquals(exact, Betweenness.compute(k, config().withSamples(1000)).column("betweenness"));
    }

    // --- batched traversal (several sources per breadth-first search) ---

    @Test
    void batchedTraversalAgreesWithOneSourcePerSearch() {
        List<InteractionGraph> graphs = new ArrayList<>(List.of(karate(), email(), emailUndirected(), football()));
        for (long seed = 1; seed <= 6; seed++) {
            // sparse enough for several components and long paths, with isolated nodes and self-loops
            graphs.add(Sample.random(seed, 70, seed % 2 == 0 ? 0.03 : 0.08, seed % 3 != 0, false).graph());
        }
        for (InteractionGraph g : graphs) {
            for (int samples : new int[] {0, 23}) {
                BetweennessConfig c = config().withSamples(samples).withSeed(5).withThreads(2);
                double[] single = Betweenness.compute(g, c, Progress.NONE, 1).column("betweenness");
                for (int width : new int[] {2, 3, 7, 13, 50, 64}) {
                    double[] batched = Betweenness.compute(g, c, Progress.NONE, width).column("betweenness");
                    for (int v = 0; v < single.length; v++) {
                        assertClose(single[v], batched[v], "width " + width + " samples " + samples + " node " + v);
                    }
                    assertArrayEquals(batched, Betweenness.compute(g, c.withThreads(1), Progress.NONE, width)
                            .column("betweenness"), "1 vs 2 threads, width " + width);
                }
            }
        }
    }

    @Test
    void batchWidthFollowsTheGraphSizeOnly() {
        assertEquals(64, Betweenness.batchWidth(0));
        assertEquals(64, Betweenness.batchWidth(4_194_304));
        assertEquals(63, Betweenness.batchWidth(4_194_305));
        assertEquals(53, Betweenness.batchWidth(4_973_425)); // 50M generated rows: 200 sources in 4 batches of 50
        assertEquals(2, Betweenness.batchWidth(134_217_728));
        assertEquals(1, Betweenness.batchWidth(134_217_729));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.compute(karate(), config(), Progress.NONE, 65));
        assertThrows(IllegalArgumentException.class,
                () -> Betweenness.compute(karate(), config().withWeighted(true), Progress.NONE, 2));
    }

    @Test
    void batchWorkersRunAtOnceOnlyAsFarAsHalfTheHeapHolds() {
        long half = Runtime.getRuntime().maxMemory() / 2;
        assertEquals(2, Betweenness.workersThatFit(2, half / 2));
        assertEquals(1, Betweenness.workersThatFit(2, half / 2 + 1));
        assertEquals(1, Betweenness.workersThatFit(2, Long.MAX_VALUE)); // one always runs
        assertEquals(3, Betweenness.workersThatFit(3, 1));
    }

    // --- threads, progress, edge cases ---

    @Test
    void sameResultForOneAndTwoThreads() {
        InteractionGraph g = email();
        for (boolean weighted : new boolean[] {false, true}) {
            BetweennessConfig c = BetweennessConfig.defaults().withWeighted(weighted);
            assertArrayEquals(Betweenness.compute(g, c.withThreads(1)).column("betweenness"),
                    Betweenness.compute(g, c.withThreads(2)).column("betweenness"));
        }
    }

    @Test
    void reportsSourcesDone() {
        List<String> begun = new ArrayList<>();
        long[] last = {-1};
        Progress recorder = (name, total, unit) -> {
            begun.add(name + " " + total + " " + unit);
            return new Progress.Task() {
                @Override
                public void stepTo(long done) {
                    assertTrue(done >= last[0], "monotone");
                    last[0] = done;
                }

                @Override
                public void close() {
                }
            };
        };
        Betweenness.compute(email(), config().withSamples(200), recorder);
        assertEquals(List.of("betweenness 200 sources"), begun);
        assertEquals(200, last[0]);
    }

    @Test
    void edgeCases() {
        // empty graph and a single node (with a self-loop): nothing to be between
        assertEquals(0, Betweenness.compute(new GraphBuilder(true).build(), config()).column("betweenness").length);
        InteractionGraph single = new GraphBuilder(true).add("a", "a", 1).build();
        assertArrayEquals(new double[] {0}, Betweenness.compute(single, config().withNormalized(true))
                .column("betweenness"));
        // self-loops are never on a shortest path: path 0-1-2 with a loop on 1 (NetworkX: {0: 0, 1: 1, 2: 0})
        for (boolean directed : new boolean[] {true, false}) {
            InteractionGraph loops = new GraphBuilder(directed).add("0", "1", 1).add("1", "1", 1).add("1", "2", 1)
                    .add("2", "2", 3).build();
            assertEquals(1.0, Betweenness.compute(loops, config()).get("betweenness", "1"), 0);
            assertEquals(1.0, Betweenness.compute(loops, config().withWeighted(true)).get("betweenness", "1"), 0);
        }
        // disconnected: two paths and an isolated node; only the middles score, pairs across components add 0
        InteractionGraph parts = new GraphBuilder(false).add("a", "b", 1).add("b", "c", 1).add("d", "e", 1)
                .add("e", "f", 1).add("f", "g", 1).addNode("z").build();
        NodeScores p = Betweenness.compute(parts, config());
        assertEquals(1.0, p.get("betweenness", "b"), 0);
        assertEquals(2.0, p.get("betweenness", "e"), 0);
        assertEquals(0.0, p.get("betweenness", "z"), 0);
        // zero weight: the direct a-c edge is unusable when weighted (a-b-c is then the only path through b), an
        // ordinary edge when unweighted (no one is between a and c)
        InteractionGraph zero = new GraphBuilder(false).add("a", "b", 1).add("b", "c", 1).add("a", "c", 0).build();
        assertEquals(1.0, Betweenness.compute(zero, config().withWeighted(true)).get("betweenness", "b"), 0);
        assertEquals(0.0, Betweenness.compute(zero, config()).get("betweenness", "b"), 0);
        InteractionGraph onlyZero = new GraphBuilder(true).add("a", "b", 0).add("b", "c", 0).build();
        assertArrayEquals(new double[] {0, 0, 0}, Betweenness.compute(onlyZero, config().withWeighted(true))
                .column("betweenness"));
    }

    @Test
    void configRejectsBadValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> BetweennessConfig.defaults().withSamples(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BetweennessConfig.defaults().withThreads(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }
}
