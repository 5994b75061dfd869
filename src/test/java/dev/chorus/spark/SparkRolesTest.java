package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.centrality.Centralities;
import dev.chorus.centrality.CentralitySettings;
import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Cohesion;
import dev.chorus.community.CohesionConfig;
import dev.chorus.community.Communities;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.ingest.Column;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.output.ReportJson;
import dev.chorus.progress.Progress;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.EngagementConfig;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.PassionateClusters;
import dev.chorus.roles.Role;
import dev.chorus.roles.RoleAssignment;
import dev.chorus.roles.RoleConfig;
import dev.chorus.roles.Roles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code spark analyze}'s engagement numbers and roles (local[2]) against the embedded engine's own code on shipped
 * datasets. The embedded side is given Spark's label-propagation partition (read from {@code nodes.csv}), as the
 * participation coefficient and the cluster cores depend on the partition, and no betweenness (Spark computes
 * none: neither side can call anyone a bridge). Everything else the embedded side computes itself: degrees,
 * PageRank, coreness, {@link Engagement}, {@link Cohesion}, and {@link Roles#compute} with the default rules.
 */
class SparkRolesTest {
    @TempDir
    static Path tmp;

    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults()),
                Arguments.of("datasets/college-msg/CollegeMsg.txt.gz",
                        IngestOptions.defaults().withColumns(Column.parseList("source,target,timestamp"))),
                Arguments.of("datasets/wiki-vote/Wiki-Vote.txt.gz", IngestOptions.defaults()),
                Arguments.of("datasets/karate/karate_weighted_networkx.tsv", IngestOptions.defaults().withDirected(false)));
    }

    /** The embedded engine's roles on Spark's partition, and the inputs a test reads again. */
    record Reference(NodeScores degree, NodeScores pagerank, double[] betweenness, RoleAssignment roles) {
        /**
         * Embedded degree, PageRank, k-core, and choirs and rings of {@code lpa}; betweenness is Spark's own column
         * (checked against the embedded Betweenness in SparkBetweennessTest; sampled sources are drawn on Spark's node
         * order), so the bridge rule is compared too.
         *
         * @param layers the embedded {@code Layers} columns on typed input, else null
         */
        static Reference of(InteractionGraph g, Map<String, String[]> rows, List<String> header, Communities lpa, NodeScores engagement,
                            NodeScores layers) {
            CentralitySettings settings = CentralitySettings.defaults();
            NodeScores degree = Centralities.DEGREE.compute(g, settings, Progress.NONE);
            NodeScores pagerank = Centralities.PAGERANK.compute(g, settings, Progress.NONE);
            NodeScores kcore = Centralities.KCORE.compute(g, settings, Progress.NONE);
            ClusterConfig clusters = ClusterConfig.defaults();
            List<ClusterCohesion> cohesion = Cohesion.compute(g, lpa, CohesionConfig.defaults().withCoreSize(clusters.coreSize()));
            // choirs (their cores) and rings (their members) of the partition, by the embedded audience and kind rules
            ClusterKinds rules = ClusterKinds.resolve(g, engagement.column("reciprocity"), clusters, RoleConfig.defaults().minZ());
            ClusterRanking kinds = PassionateClusters.compute(lpa, cohesion, ClusterAudience.compute(g, lpa), rules);
            int n = g.nodeCount();
            double[] between = new double[n];
            for (int u = 0; u < n; u++) between[u] = Double.parseDouble(rows.get(g.ids().id(u))[header.indexOf("betweenness")]);
            NodeScores betweenness = new NodeScores("betweenness", g.ids(), List.of("betweenness"), List.of(between), "betweenness", 0, true);
            RoleAssignment roles = Roles.compute(new Roles.Inputs(degree, pagerank, kcore, betweenness, engagement, kinds.choirs(), kinds.rings(), layers),
                    RoleConfig.defaults());
            return new Reference(degree, pagerank, between, roles);
        }
    }

    /** report.json's {@code roles.thresholds} equal {@code expected}'s within {@code relative} (infinite: null), no more, no fewer. */
    static void assertThresholds(JsonNode report, RoleAssignment expected, double relative) {
        JsonNode thresholds = report.at("/roles/thresholds");
        for (Map.Entry<String, Double> t : expected.thresholds().entrySet()) {
            JsonNode actual = thresholds.get(t.getKey());
            if (Double.isInfinite(t.getValue())) assertTrue(actual.isNull(), t.getKey());
            else assertEquals(t.getValue(), actual.asDouble(), relative * Math.abs(t.getValue()), t.getKey());
        }
        assertEquals(expected.thresholds().size(), thresholds.size(), "the same thresholds, betweenness included by both");
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void engagementAndRolesEqualTheEmbeddedEngineOnTheSamePartition(String path, IngestOptions options) throws Exception {
        Path out = Files.createDirectories(tmp.resolve(Path.of(path).getFileName().toString()));
        SparkJob.Config c = new SparkJob.Config(null, path, SparkInput.Options.of(options), out, 2, 42,
                dev.chorus.centrality.PageRankConfig.defaults(), dev.chorus.community.LabelPropagationConfig.defaults().withSeed(42), List.of(),
                dev.chorus.diffusion.SimulationConfig.defaults(), true, null);
        SparkJob.analyze(SparkTestContext.get(), c, new PrintWriter(new StringWriter(), true));
        JsonNode report = ReportJson.read(out.resolve("report.json"));
        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("nodes.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        for (String l : lines.subList(1, lines.size())) rows.put(l.split(",", -1)[0], l.split(",", -1));

        InteractionGraph g = GraphLoader.load(path, options).graph();
        int n = g.nodeCount();
        assertEquals(n, rows.size());
        int[] labels = new int[n];
        for (int u = 0; u < n; u++) labels[u] = Integer.parseInt(rows.get(g.ids().id(u))[header.indexOf("community")]);
        Communities lpa = Communities.of("lpa", g.ids(), labels, Double.NaN, 1, 0, true);

        // engagement: every column, every person
        NodeScores engagement = Engagement.compute(g, lpa, EngagementConfig.defaults());
        for (String col : Engagement.COLUMNS) {
            double[] expected = engagement.column(col);
            int at = header.indexOf(col);
            assertTrue(at > 0, col + " in nodes.csv");
            for (int u = 0; u < n; u++) {
                String cell = rows.get(g.ids().id(u))[at];
                if (Double.isNaN(expected[u])) assertEquals("", cell, col + " of " + g.ids().id(u));
                else assertEquals(expected[u], Double.parseDouble(cell), 1e-12, col + " of " + g.ids().id(u));
            }
        }

        // roles by the embedded rule code on embedded inputs
        Reference ref = Reference.of(g, rows, header, lpa, engagement, null);
        RoleAssignment expected = ref.roles();
        NodeScores pagerank = ref.pagerank();
        NodeScores degree = ref.degree();
        double[] between = ref.betweenness();
        assertThresholds(report, expected, 1e-12);

        // a person may only differ where a value is within the documented rounding of a cut-off; count those
        double[] pr = pagerank.column("pagerank");
        double[] in = degree.column("in");
        double[] out2 = degree.column("out");
        double[] total = degree.column("total");
        Map<String, Double> t = expected.thresholds();
        int differ = 0;
        int nearCutOff = 0;
        int[] count = new int[Role.values().length];
        for (int u = 0; u < n; u++) {
            String cell = rows.get(g.ids().id(u))[header.indexOf("roles")];
            List<String> actual = cell.isEmpty() ? List.of() : List.of(cell.split(";"));
            List<String> want = expected.labels(u);
            for (String r : actual) count[Role.valueOf(r.toUpperCase()).ordinal()]++;
            if (!actual.equals(want)) {
                differ++;
                if (near(pr[u], t.get("pagerank")) || near(in[u], t.get("in")) || near(out2[u], t.get("out")) || near(total[u], t.get("total"))
                        || near(between[u], t.getOrDefault("betweenness", Double.NaN))) {
                    nearCutOff++;
                }
            }
        }
        assertEquals(nearCutOff, differ, "every difference is within rounding of a cut-off");
        System.err.println(path + ": " + differ + " of " + n + " people's roles differ from embedded, all within rounding of a cut-off");
        for (Role r : Role.values()) {
            assertEquals(expected.count(r), report.at("/roles/counts/" + r.label()).asLong(), r.label());
            assertEquals(expected.count(r), count[r.ordinal()], r.label());
        }
        assertTrue(expected.count(Role.HUB) + expected.count(Role.ENGAGER) + expected.count(Role.CLUSTER_CORE) > 0, "roles to compare");

        // hubs: the role's holders by PageRank, as the embedded report lists them
        List<String> hubs = new ArrayList<>();
        report.get("hubs").forEach(h -> hubs.add(h.get("node").asText()));
        List<String> want = java.util.Arrays.stream(expected.nodes(Role.HUB)).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(u -> -pr[u]).thenComparing(u -> g.ids().id(u)))
                .map(u -> g.ids().id(u)).limit(SparkJob.TOP).toList();
        assertEquals(want, hubs);
    }

    private static boolean near(double x, double cutOff) {
        return Double.isFinite(cutOff) && Math.abs(x - cutOff) <= 1e-12 * Math.max(1, Math.abs(cutOff));
    }
}
