package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.centrality.Degree;
import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Cohesion;
import dev.chorus.community.CohesionConfig;
import dev.chorus.community.Triangles;
import dev.chorus.community.LabelPropagationConfig;
import dev.chorus.community.TrianglesConfig;
import dev.chorus.progress.Progress;
import dev.chorus.graph.Adjacency;
import dev.chorus.centrality.DegreeConfig;
import dev.chorus.graph.NodeScores;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.community.Communities;
import dev.chorus.community.ComponentsConfig;
import dev.chorus.community.ConnectedComponents;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Column;
import dev.chorus.ingest.IngestOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark (local[2]) against the embedded engine on shipped real datasets: the embedded engine is the reference,
 * itself tested against NetworkX, JGraphT and published values.
 */
class SparkEngineTest {
    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults()),
                Arguments.of("datasets/college-msg/CollegeMsg.txt.gz",
                        IngestOptions.defaults().withColumns(Column.parseList("source,target,timestamp"))),
                Arguments.of("datasets/karate/karate_weighted_networkx.tsv", IngestOptions.defaults().withDirected(false)));
    }

    record Both(InteractionGraph embedded, SparkGraph spark) {
    }

    static final Map<String, Both> CACHE = new HashMap<>();

    static Both load(String path, IngestOptions options) {
        return CACHE.computeIfAbsent(path, p -> {
            InteractionGraph g = GraphLoader.load(p, options).graph();
            JavaSparkContext sc = SparkTestContext.get();
            SparkInput.Result in = SparkInput.read(sc, p, SparkInput.Options.of(options), 2);
            return new Both(g, SparkGraph.of(in.edges(), in.directed()));
        });
    }

    static <V> Map<String, V> byId(SparkGraph g, JavaPairRDD<Long, V> values) {
        return new HashMap<>(g.ids().join(values).values().mapToPair(x -> x).collectAsMap());
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void graphAndDegreesEqualEmbedded(String path, IngestOptions options) {
        Both b = load(path, options);
        assertEquals(b.embedded().nodeCount(), b.spark().nodeCount());
        assertEquals(b.embedded().edgeCount(), b.spark().graph().edges().count());
        for (boolean weighted : new boolean[] {true, false}) {
            DegreeConfig c = DegreeConfig.defaults().withWeighted(weighted);
            NodeScores d = Degree.compute(b.embedded(), c);
            Map<String, double[]> s = byId(b.spark(), SparkDegree.compute(b.spark(), c, Progress.NONE));
            assertEquals(b.embedded().nodeCount(), s.size());
            for (Map.Entry<String, double[]> e : s.entrySet()) {
                assertEquals(d.get("in", e.getKey()), e.getValue()[0], 1e-9, e.getKey() + " weighted " + weighted);
                assertEquals(d.get("out", e.getKey()), e.getValue()[1], 1e-9, e.getKey() + " weighted " + weighted);
                assertEquals(d.get("total", e.getKey()), e.getValue()[2], 1e-9, e.getKey() + " weighted " + weighted);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void pageRankWithin1e6OfEmbedded(String path, IngestOptions options) {
        Both b = load(path, options);
        PageRankConfig c = PageRankConfig.defaults();
        NodeScores pr = PageRank.compute(b.embedded(), c);
        SparkPageRank.Result spark = SparkPageRank.compute(b.spark(), c, Progress.NONE);
        assertEquals(pr.iterations(), spark.iterations(), "same iterates, same stopping step");
        assertTrue(spark.converged());
        Map<String, Double> s = byId(b.spark(), spark.scores());
        assertEquals(b.embedded().nodeCount(), s.size());
        double sum = 0;
        double maxDiff = 0;
        for (Map.Entry<String, Double> e : s.entrySet()) {
            maxDiff = Math.max(maxDiff, Math.abs(pr.get("pagerank", e.getKey()) - e.getValue()));
            sum += e.getValue();
        }
        assertTrue(maxDiff < 1e-6, "max |spark - embedded| = " + maxDiff);
        assertEquals(1.0, sum, 1e-9);
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void componentsIdenticalToEmbedded(String path, IngestOptions options) {
        Both b = load(path, options);
        Communities wcc = ConnectedComponents.compute(b.embedded(), ComponentsConfig.defaults());
        Map<String, Long> s = byId(b.spark(), SparkComponents.compute(b.spark(), ComponentsConfig.defaults(), Progress.NONE));
        assertEquals(partition(b.embedded(), wcc.membership()), partition(s));
        assertTrue(wcc.count() >= 1);
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void kcoreIdenticalToEmbedded(String path, IngestOptions options) {
        Both b = load(path, options);
        NodeScores k = KCore.compute(b.embedded(), KCoreConfig.defaults());
        Map<String, Integer> s = byId(b.spark(), SparkKCore.compute(b.spark(), KCoreConfig.defaults(), Progress.NONE));
        assertEquals(b.embedded().nodeCount(), s.size());
        s.forEach((id, core) -> assertEquals(k.get("kcore", id), core, 0.0, id));
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void trianglesIdenticalToEmbedded(String path, IngestOptions options) {
        Both b = load(path, options);
        NodeScores t = Triangles.compute(b.embedded(), TrianglesConfig.defaults());
        Map<String, double[]> s = byId(b.spark(), SparkTriangles.compute(b.spark(), TrianglesConfig.defaults(), Progress.NONE));
        assertEquals(b.embedded().nodeCount(), s.size());
        double total = 0;
        for (Map.Entry<String, double[]> e : s.entrySet()) {
            assertEquals(t.get("triangles", e.getKey()), e.getValue()[0], 0.0, e.getKey());
            assertEquals(t.get("clustering", e.getKey()), e.getValue()[1], 1e-12, e.getKey());
            total += e.getValue()[0];
        }
        assertTrue(total > 0);
    }

    /**
     * Label propagation cannot reproduce the embedded engine's asynchronous random order, so it is checked by
     * its defining property: at the end every node holds a label of maximal weight among its neighbours'
     * labels (checked on the embedded undirected view). Then the cohesion metrics of that partition computed by
     * Spark equal the embedded {@code Cohesion} on the same partition.
     */
    @ParameterizedTest
    @MethodSource("datasets")
    void labelPropagationFixedPointAndCohesionEqualEmbedded(String path, IngestOptions options) {
        Both b = load(path, options);
        InteractionGraph g = b.embedded();
        JavaPairRDD<Long, Long> community = SparkComponents.renumberBySize(SparkLabelPropagation.compute(b.spark(), LabelPropagationConfig.defaults().withSeed(7), Progress.NONE).labels()).cache();
        Map<String, Long> labels = byId(b.spark(), community);
        Adjacency adj = g.undirected();
        for (int u = 0; u < g.nodeCount(); u++) {
            if (adj.degree(u) == 0) continue;
            Map<Long, Double> w = new HashMap<>();
            for (int i = adj.start(u); i < adj.end(u); i++) w.merge(labels.get(g.ids().id(adj.neighbor(i))), adj.weight(i), Double::sum);
            double max = w.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertEquals(max, w.getOrDefault(labels.get(g.ids().id(u)), -1.0), 1e-9, "node " + g.ids().id(u) + " holds a non-maximal label");
        }
        int[] membership = new int[g.nodeCount()];
        for (int u = 0; u < membership.length; u++) membership[u] = Math.toIntExact(labels.get(g.ids().id(u)));
        Communities part = Communities.of("lpa", g.ids(), membership, Double.NaN, 1, 0, true);
        List<ClusterCohesion> expected = Cohesion.compute(g, part, CohesionConfig.defaults());
        List<ClusterCohesion> actual = SparkCohesion.compute(b.spark(), community,
                SparkTriangles.compute(b.spark(), TrianglesConfig.defaults(), Progress.NONE), CohesionConfig.defaults(), Progress.NONE);
        assertEquals(expected.size(), actual.size());
        assertTrue(expected.size() > 1, "a real partition");
        // both number communities by decreasing size; match them by a member to be independent of tie order
        Map<String, ClusterCohesion> bySpark = new HashMap<>();
        for (ClusterCohesion c : actual) bySpark.put(String.valueOf(c.community()), c);
        for (ClusterCohesion e : expected) {
            int member = part.members(e.community())[0];
            ClusterCohesion a = bySpark.get(String.valueOf(labels.get(g.ids().id(member))));
            assertEquals(e.size(), a.size());
            Map<String, Number> em = e.asMap();
            Map<String, Number> am = a.asMap();
            for (String col : ClusterCohesion.COLUMNS) {
                if (col.equals("community")) continue;
                double x = em.get(col).doubleValue();
                double y = am.get(col).doubleValue();
                if (Double.isNaN(x) || Double.isInfinite(x)) assertEquals(x, y, col);
                else assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), col + " of community of " + g.ids().id(member));
            }
            assertEquals(e.core(), a.core());
        }
    }

    static Set<Set<String>> partition(InteractionGraph g, int[] membership) {
        Map<Integer, Set<String>> groups = new HashMap<>();
        for (int u = 0; u < membership.length; u++) groups.computeIfAbsent(membership[u], k -> new TreeSet<>()).add(g.ids().id(u));
        return new HashSet<>(groups.values());
    }

    static <L> Set<Set<String>> partition(Map<String, L> labels) {
        Map<L, Set<String>> groups = new HashMap<>();
        labels.forEach((id, l) -> groups.computeIfAbsent(l, k -> new TreeSet<>()).add(id));
        return new HashSet<>(groups.values());
    }

}
