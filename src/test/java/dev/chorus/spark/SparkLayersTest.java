package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.Layers;
import dev.chorus.analysis.NodeTable;
import dev.chorus.analysis.ReachVsConversation;
import dev.chorus.centrality.CentralitySettings;
import dev.chorus.community.Communities;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.output.ReportJson;
import dev.chorus.output.html.ReportHtml;
import dev.chorus.progress.Progress;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.EngagementConfig;
import dev.chorus.roles.Role;
import dev.chorus.roles.RoleAssignment;
import dev.chorus.roles.Roles;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code spark analyze} (local[2]) on typed input against the embedded engine's own code on the same rows: the
 * per-layer columns ({@link Layers}), {@code reply_share}, every person's roles by the per-layer rules
 * ({@link Roles} with the layers), the resolved thresholds, the hubs and {@code reach_vs_conversation}. As in
 * {@link SparkRolesTest}, the embedded side is given Spark's label-propagation partition (read from
 * {@code nodes.csv}) and Spark's sampled betweenness, the two inputs that are Spark's own by design; everything else
 * it computes itself. Inputs: Higgs Twitter (RT, MT, RE), and a small hand-made graph with every layer's types,
 * mentions and likes in neither, weights other than the row counts, repeated rows, reply self-loops and a row of an
 * unknown type (rejected, the row accounting kept), read directed and undirected.
 */
class SparkLayersTest {
    @TempDir
    static Path tmp;

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("hand", IngestOptions.defaults()),
                Arguments.of("hand", IngestOptions.defaults().withDirected(false)),
                Arguments.of("datasets/higgs-twitter/higgs-activity_time.txt.gz", IngestOptions.defaults()));
    }

    /**
     * The three situations of {@code LayerRolesTest} in one graph (a retweeted star that retweets back and an
     * unanswering person replied to by many; an answerer in conversation who is mostly retweeted; a broadcaster
     * replied to by everyone it retweets), plus quotes, comments, messages, mentions, likes and reply self-loops.
     */
    static Path handMade() throws java.io.IOException {
        StringBuilder rows = new StringBuilder("source,target,weight,type\n");
        for (int i = 0; i < 12; i++) {
            rows.append("x").append(i).append(",star,1,RT\nstar,x").append(i).append(",2,RT\ny").append(i).append(",asked,3,RE\n");
        }
        for (int i = 0; i < 6; i++) rows.append("z").append(i).append(",answerer,1,QT\n");
        for (int i = 0; i < 2; i++) rows.append("w").append(i).append(",answerer,2,RE\nanswerer,w").append(i).append(",3,CM\n");
        for (int i = 0; i < 3; i++) rows.append("answerer,q").append(i).append(",4,RT\n");
        for (int i = 0; i < 15; i++) rows.append("bc,p").append(i).append(",1,RT\np").append(i).append(",bc,2,RE\n");
        rows.append("x0,y0,1,MT\ny0,x0,1,LK\ny1,y1,1,RE\nasked,asked,2,RE\nx1,star,1,RT\nx1,star,1,DM\np0,p1,1,DM\np1,p0,5,DM\n"
                + "star,asked,1,MT\nasked,star,1,RE\nq0,bc,1,CM\nx2,star,1,XX\n"); // the last: an unknown type, rejected
        Path file = Files.createDirectories(tmp.resolve("input")).resolve("hand.csv");
        Files.writeString(file, rows);
        return file;
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void layerColumnsReplyShareRolesAndReachEqualTheEmbeddedEngine(String input, IngestOptions options) throws Exception {
        String path = input.equals("hand") ? handMade().toString() : input;
        Path out = Files.createDirectories(tmp.resolve("out").resolve(Path.of(path).getFileName() + (options.directed() == Boolean.FALSE ? "-undirected" : "")));
        SparkJob.Config c = new SparkJob.Config(null, path, SparkInput.Options.of(options), out, 2, 42,
                dev.chorus.centrality.PageRankConfig.defaults(), dev.chorus.community.LabelPropagationConfig.defaults().withSeed(42), List.of(),
                dev.chorus.diffusion.SimulationConfig.defaults(), true, null);
        // the seeding experiment on the layers is SparkLayerSeedingTest's: left out to save time
        SparkJob.analyze(SparkTestContext.get(), c, new PrintWriter(new StringWriter(), true), AnalysisConfig.defaults().withSeed(42).withSeedingRuns(0));
        JsonNode report = ReportJson.read(out.resolve("report.json"));
        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("nodes.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        for (String l : lines.subList(1, lines.size())) rows.put(l.split(",", -1)[0], l.split(",", -1));

        GraphLoader.Loaded loaded = GraphLoader.load(path, options, r -> { }, Progress.NONE);
        InteractionGraph g = loaded.graph();
        assertTrue(Layers.applies(g), "typed input");
        JsonNode accounting = report.at("/input/rows");
        assertEquals(loaded.rows().read(), accounting.get("read").asLong());
        assertEquals(loaded.rows().loaded(), accounting.get("loaded").asLong());
        assertEquals(loaded.rows().rejected(), accounting.get("rejected").asLong());
        assertEquals(input.equals("hand") ? 1 : 0, loaded.rows().rejected());
        int n = g.nodeCount();
        assertEquals(n, rows.size());

        // the embedded columns in the embedded order, the layers after them, then Spark's extras
        List<String> expectedHeader = new ArrayList<>(List.of("node", "in", "out", "total", "pagerank", "kcore", "betweenness", "clustering"));
        expectedHeader.addAll(Engagement.COLUMNS);
        expectedHeader.addAll(List.of("community", "roles", "cluster"));
        expectedHeader.addAll(Layers.COLUMNS);
        expectedHeader.addAll(List.of("triangles", "component"));
        assertEquals(expectedHeader, header);
        if (input.equals("hand")) {
            NodeTable embedded = Analysis.compute(g, AnalysisConfig.defaults().withSeedingRuns(0)).nodes();
            assertEquals(embedded.columns(), header.subList(0, header.size() - 2), "the embedded nodes.csv's columns, in its order");
        }

        int[] labels = new int[n];
        for (int u = 0; u < n; u++) labels[u] = Integer.parseInt(rows.get(g.ids().id(u))[header.indexOf("community")]);
        Communities lpa = Communities.of("lpa", g.ids(), labels, Double.NaN, 1, 0, true);
        CentralitySettings settings = CentralitySettings.defaults();
        NodeScores layers = Layers.compute(g, settings, lpa, Progress.NONE);
        NodeScores engagement = Engagement.compute(g, lpa, EngagementConfig.defaults());
        for (String col : Layers.COLUMNS) assertColumn(g, rows, header, col, layers.column(col), col.startsWith("pagerank") ? 1e-6 : 1e-9);
        for (String col : Engagement.COLUMNS) assertColumn(g, rows, header, col, engagement.column(col), 1e-9);
        assertTrue(java.util.Arrays.stream(engagement.column("reply_share")).anyMatch(x -> x > 0), "replies to compare");

        // roles: the embedded per-layer rules on the embedded numbers
        SparkRolesTest.Reference ref = SparkRolesTest.Reference.of(g, rows, header, lpa, engagement, layers);
        RoleAssignment expected = ref.roles();
        NodeScores pagerank = ref.pagerank();
        // mean and sd summed in Spark's order: on Higgs's 304,691 people within 1e-11 relative
        SparkRolesTest.assertThresholds(report, expected, 1e-9);
        int[] count = new int[Role.values().length];
        for (int u = 0; u < n; u++) {
            String cell = rows.get(g.ids().id(u))[header.indexOf("roles")];
            List<String> actual = cell.isEmpty() ? List.of() : List.of(cell.split(";"));
            assertEquals(expected.labels(u), actual, "roles of " + g.ids().id(u));
            for (String r : actual) count[Role.valueOf(r.toUpperCase()).ordinal()]++;
        }
        for (Role r : Role.values()) {
            if (r == Role.RING_MEMBER) continue;
            assertEquals(expected.count(r), report.at("/roles/counts/" + r.label()).asLong(), r.label());
        }
        assertTrue(expected.count(Role.HUB) > 0 && expected.count(Role.ENGAGER) + expected.count(Role.BROADCASTER) > 0, "layer roles to compare");
        if (input.equals("hand") && g.isDirected()) {
            // LayerRolesTest's readings: reach is being retweeted, a retweet back is no answer
            assertTrue(expected.has("star", Role.HUB));
            assertFalse(expected.has("asked", Role.HUB));
        }
        double[] pr = pagerank.column("pagerank");
        List<String> hubs = new ArrayList<>();
        report.get("hubs").forEach(h -> hubs.add(h.get("node").asText()));
        assertEquals(java.util.Arrays.stream(expected.nodes(Role.HUB)).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(u -> -pr[u]).thenComparing(u -> g.ids().id(u)))
                .map(u -> g.ids().id(u)).limit(SparkJob.TOP).toList(), hubs);

        // reach vs conversation: the embedded lists from the embedded layer columns of everyone
        Map<String, double[]> layerColumns = new LinkedHashMap<>();
        for (String col : Layers.COLUMNS) layerColumns.put(col, layers.column(col));
        NodeTable table = new NodeTable(g.ids(), Map.of(), new int[n], Collections.nCopies(n, List.of()), new int[n], layerColumns);
        ReachVsConversation rvc = ReachVsConversation.of(table);
        JsonNode reach = report.get("reach_vs_conversation");
        assertEquals(ids(g, rvc.spread().subList(0, Math.min(SparkJob.TOP, rvc.spread().size()))), nodes(reach.get("top_spread")));
        assertEquals(ids(g, rvc.talk().subList(0, Math.min(SparkJob.TOP, rvc.talk().size()))), nodes(reach.get("top_talk")));
        assertEquals(rvc.jaccard(), reach.get("jaccard_top").asDouble(), 1e-12);
        Set<String> points = new LinkedHashSet<>(ids(g, rvc.spread()));
        points.addAll(ids(g, rvc.talk()));
        assertEquals(List.copyOf(points), nodes(reach.get("points")));

        JsonSchema schema;
        try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(report);
        assertTrue(errors.isEmpty(), errors::toString);
        List<String> parts = new ArrayList<>();
        report.get("approximate").forEach(a -> parts.add(a.get("part").asText()));
        assertEquals(List.of("communities", "passionate_clusters", "betweenness", "roles.thresholds", "roles.cluster_core"), parts);

        // the page rendered from Spark's files has the roles and the reach-vs-conversation chart, with no note that either is missing
        StringWriter e = new StringWriter();
        assertEquals(0, dev.chorus.cli.Chorus.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(e, true))
                .execute("report", "--from", out.toString()), e.toString());
        String html = Files.readString(out.resolve("report.html"));
        for (String id : ReportHtml.TYPED_CHARTS) assertTrue(html.contains("<svg id=\"" + id + "\""), id);
        assertFalse(html.contains("Not computed by the spark engine: roles"), "roles computed");
    }

    private static void assertColumn(InteractionGraph g, Map<String, String[]> rows, List<String> header, String col, double[] expected, double tolerance) {
        int at = header.indexOf(col);
        assertTrue(at > 0, col + " in nodes.csv");
        for (int u = 0; u < g.nodeCount(); u++) {
            String cell = rows.get(g.ids().id(u))[at];
            if (Double.isNaN(expected[u])) assertEquals("", cell, col + " of " + g.ids().id(u));
            else assertEquals(expected[u], Double.parseDouble(cell), tolerance, col + " of " + g.ids().id(u));
        }
    }

    private static List<String> ids(InteractionGraph g, List<Integer> nodes) {
        return nodes.stream().map(u -> g.ids().id(u)).toList();
    }

    private static List<String> nodes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.get("node").asText()));
        return out;
    }
}
