package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.chorus.analysis.Goal;
import dev.chorus.analysis.Layers;
import dev.chorus.analysis.Recommendation;
import dev.chorus.centrality.CentralitySettings;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.output.Summary;
import dev.chorus.progress.Progress;
import dev.chorus.cli.Chorus;
import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Cohesion;
import dev.chorus.community.CohesionConfig;
import dev.chorus.community.Communities;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.output.ReportJson;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.EngagementConfig;
import dev.chorus.roles.PassionateCluster;
import dev.chorus.roles.PassionateClusters;
import dev.chorus.roles.RoleConfig;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Choirs and rings on Spark ({@link SparkAudience}, local[2]): for Spark's own label-propagation partition (read back
 * from {@code nodes.csv}), every community's reach and kind in {@code clusters.csv}, and the choirs, rings, audiences
 * and {@code cluster_kinds} of {@code report.json}, equal what the embedded {@link ClusterAudience},
 * {@link ClusterKinds} and {@link PassionateClusters} give on the same rows and partition. The planted graph has a
 * known choir (a reciprocal 6-clique that outsiders act on) and a known ring (a reciprocal 5-clique nobody outside
 * touches) in random one-way background rows; {@code chorus report --from} on the Spark run shows both.
 */
class SparkRingsTest {
    @TempDir
    static Path tmp;

    static final List<String> CHOIR = List.of("c0", "c1", "c2", "c3", "c4", "c5");
    static final List<String> RING = List.of("r0", "r1", "r2", "r3", "r4");

    /**
     * Four background groups of 30 people, each pair of a group tied one way with probability 0.3 (no tie answered),
     * a few one-way ties between groups; the choir and the ring, every ordered pair with weight 3; 18 background
     * people each act once on a choir member (three per member).
     */
    static Path planted() throws Exception {
        return planted(false);
    }

    /** With {@code typed}, every row also gets an interaction type drawn from both layers' types (and others). */
    static synchronized Path planted(boolean typed) throws Exception {
        Path file = tmp.resolve(typed ? "planted-typed.csv" : "planted.csv");
        if (Files.exists(file)) return file;
        Random r = new Random(7);
        StringBuilder b = new StringBuilder("source,target,weight\n");
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < 30; i++) {
                for (int j = i + 1; j < 30; j++) {
                    if (r.nextDouble() >= 0.3) continue;
                    boolean forward = r.nextBoolean();
                    String u = "b" + g + "_" + i;
                    String v = "b" + g + "_" + j;
                    b.append(forward ? u : v).append(',').append(forward ? v : u).append(",1\n");
                }
            }
        }
        for (int k = 0; k < 8; k++) b.append("b").append(k % 4).append('_').append(r.nextInt(30)).append(",b").append((k + 1) % 4).append('_')
                .append(r.nextInt(30)).append(",1\n");
        for (List<String> group : List.of(CHOIR, RING)) {
            for (String u : group) for (String v : group) if (!u.equals(v)) b.append(u).append(',').append(v).append(",3\n");
        }
        for (int k = 0; k < 18; k++) b.append("b").append(k % 4).append('_').append(k).append(',').append(CHOIR.get(k % 6)).append(",1\n");
        if (typed) {
            Random t = new Random(11);
            List<String> types = List.of("RT", "QT", "RE", "CM", "DM", "MT");
            StringBuilder withTypes = new StringBuilder("source,target,weight,type\n");
            for (String line : b.toString().split("\n")) {
                if (!line.startsWith("source")) withTypes.append(line).append(',').append(types.get(t.nextInt(types.size()))).append('\n');
            }
            b = withTypes;
        }
        Files.writeString(file, b);
        return file;
    }

    static Stream<Arguments> inputs() throws Exception {
        String planted = planted().toString();
        return Stream.of(Arguments.of("planted", planted, IngestOptions.defaults()),
                // undirected: no ring (reciprocity is not recorded), the choir keeps its rule
                Arguments.of("planted-undirected", planted, IngestOptions.defaults().withDirected(false)),
                Arguments.of("email-eu-core", "datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults()),
                Arguments.of("karate", "datasets/karate/karate_weighted_networkx.tsv", IngestOptions.defaults().withDirected(false)));
    }

    /** A Spark run's output directory and the embedded kinds of its partition. */
    record Run(Path out, JsonNode report, InteractionGraph g, Communities lpa, List<ClusterCohesion> cohesion, List<ClusterAudience> audience,
               ClusterRanking kinds, Map<String, List<String>> nodes, List<String> header) {
        static final Map<String, Run> RUNS = new HashMap<>();

        /** The run of {@code name}, made once per test class. */
        static synchronized Run of(String input, IngestOptions options, String name) throws Exception {
            Run run = RUNS.get(name);
            if (run == null) {
                run = make(input, options, name);
                RUNS.put(name, run);
            }
            return run;
        }

        private static Run make(String input, IngestOptions options, String name) throws Exception {
            Path out = Files.createDirectories(tmp.resolve("out-" + name));
            SparkJob.Config c = new SparkJob.Config(null, input, SparkInput.Options.of(options), out, 2, 42,
                    dev.chorus.centrality.PageRankConfig.defaults(), dev.chorus.community.LabelPropagationConfig.defaults().withSeed(42), List.of(),
                    dev.chorus.diffusion.SimulationConfig.defaults(), true, null);
            SparkJob.analyze(SparkTestContext.get(), c, new PrintWriter(new StringWriter(), true));
            Map<String, List<String>> nodes = new HashMap<>();
            List<List<String>> lines = csv(out.resolve("nodes.csv"));
            List<String> header = lines.get(0);
            for (List<String> row : lines.subList(1, lines.size())) nodes.put(row.get(0), row);
            InteractionGraph g = GraphLoader.load(input, options).graph();
            int[] labels = new int[g.nodeCount()];
            for (int u = 0; u < labels.length; u++) labels[u] = Integer.parseInt(nodes.get(g.ids().id(u)).get(header.indexOf("community")));
            Communities lpa = Communities.of("lpa", g.ids(), labels, Double.NaN, 1, 0, true);
            ClusterConfig clusters = ClusterConfig.defaults();
            List<ClusterCohesion> cohesion = Cohesion.compute(g, lpa, CohesionConfig.defaults().withCoreSize(clusters.coreSize()));
            List<ClusterAudience> audience = ClusterAudience.compute(g, lpa);
            double[] reciprocity = Engagement.compute(g, lpa, EngagementConfig.defaults()).column("reciprocity");
            ClusterKinds rules = ClusterKinds.resolve(g, reciprocity, clusters, RoleConfig.defaults().minZ());
            ClusterRanking kinds = PassionateClusters.compute(lpa, cohesion, audience, rules);
            return new Run(out, ReportJson.read(out.resolve("report.json")), g, lpa, cohesion, audience, kinds, nodes, header);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void reachAndKindEqualTheEmbeddedRulesOnTheSamePartition(String name, String input, IngestOptions options) throws Exception {
        Run run = Run.of(input, options, name);
        ClusterRanking kinds = run.kinds();

        // clusters.csv: every community's reach and kind
        List<List<String>> lines = csv(run.out().resolve("clusters.csv"));
        List<String> header = lines.get(0);
        for (List<String> row : lines.subList(1, lines.size())) {
            int c = Integer.parseInt(row.get(header.indexOf("community")));
            assertEquals(String.valueOf(run.audience().get(c).reach()), row.get(header.indexOf("reach")), "reach of " + c);
            assertEquals(kinds.kinds().get(c), row.get(header.indexOf("kind")), "kind of " + c);
        }
        assertEquals(run.lpa().count(), lines.size() - 1);

        // report.json: the resolved thresholds, the counts, and the choirs and rings with their audiences, in order
        JsonNode report = run.report();
        kinds.rules().thresholds().forEach((k, v) -> {
            JsonNode actual = report.at("/cluster_kinds/thresholds/" + k);
            if (Double.isNaN(v)) assertTrue(actual.isNull(), k);
            else assertEquals(v, actual.asDouble(), 1e-12 * Math.max(1, Math.abs(v)), k);
        });
        for (String kind : List.of(ClusterKinds.CHOIR, ClusterKinds.RING, ClusterKinds.OTHER)) {
            assertEquals(kinds.count(kind), report.at("/cluster_kinds/counts/" + kind).asLong(), kind);
        }
        assertClusters(kinds.choirs(), report.get("passionate_clusters"));
        assertClusters(kinds.rings(), report.get("rings"));
        if (name.startsWith("planted")) {
            // the planted choir is heard either way; the planted ring is one only where answers are recorded
            assertEquals(1, kinds.count(ClusterKinds.CHOIR), name);
            assertEquals(options.directed() == Boolean.FALSE ? 0 : 1, kinds.count(ClusterKinds.RING), name);
        }
        System.err.println(name + ": " + kinds.count(ClusterKinds.CHOIR) + " choirs, " + kinds.count(ClusterKinds.RING) + " rings, "
                + kinds.count(ClusterKinds.OTHER) + " other, as embedded on Spark's partition");

        // roles: cores of the choirs, members of the rings
        int roles = run.header().indexOf("roles");
        Set<String> ringMembers = new TreeSet<>();
        run.nodes().forEach((id, row) -> {
            if (List.of(row.get(roles).split(";")).contains("ring_member")) ringMembers.add(id);
        });
        Set<String> expected = new TreeSet<>();
        kinds.rings().forEach(p -> expected.addAll(p.members()));
        assertEquals(expected, ringMembers);
        assertEquals(expected.size(), report.at("/roles/counts/ring_member").asLong());

        Set<ValidationMessage> errors;
        try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
            errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(report);
        }
        assertTrue(errors.isEmpty(), errors::toString);
    }

    /** The report's clusters are the embedded ones in order: index, size, kind, scores, audience, members (as a set), drawn ties. */
    private static void assertClusters(List<PassionateCluster> expected, JsonNode actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            PassionateCluster e = expected.get(i);
            JsonNode a = actual.get(i);
            String at = e.kind() + " " + e.rank();
            assertEquals(e.rank(), a.get("rank").asInt(), at);
            assertEquals(e.cluster(), a.get("cluster").asInt(), at);
            assertEquals(e.cohesion().size(), a.get("size").asInt(), at);
            assertEquals(e.kind(), a.get("kind").asText(), at);
            assertEquals(e.audience().reach(), a.get("reach").asInt(), at);
            assertEquals(e.score(), a.get("score").asDouble(), 1e-12, at);
            assertEquals(e.reachScore(), a.at("/axes/reach").asDouble(), 1e-12, at);
            JsonNode audience = a.get("audience");
            assertEquals(e.audience().outwardWeight(), audience.get("outward_weight").asDouble(), 1e-9, at);
            assertEquals(e.audience().audienceSum(), audience.get("audience_sum").asLong(), at);
            assertEquals(e.audience().bestMemberAudience(), audience.get("best_member_audience").asInt(), at);
            assertEquals(new TreeSet<>(e.members()), new TreeSet<>(ReportJsonStrings.of(a.get("members"))), at);
            assertEquals(e.rank() <= ReportJson.DRAWN_CLUSTERS, a.has("edges"), at);
            if (a.has("edges")) assertEquals(a.at("/cohesion/internal_edges").asInt(), a.get("edges").size(), at);
        }
    }

    /** A CSV file without quoted cells (the fixtures' ids hold no commas) as rows of cells, the header first. */
    static List<List<String>> csv(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().map(l -> List.of(l.split(",", -1))).toList();
    }

    /** Text values of a JSON array. */
    private static final class ReportJsonStrings {
        static List<String> of(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(x -> out.add(x.asText()));
            return out;
        }
    }

    @Test
    void thePlantedChoirAndRingAreFoundAndTheReportShowsThem() throws Exception {
        Run run = Run.of(planted().toString(), IngestOptions.defaults(), "planted");
        int community = run.header().indexOf("community");
        int choir = Integer.parseInt(run.nodes().get(CHOIR.get(0)).get(community));
        int ring = Integer.parseInt(run.nodes().get(RING.get(0)).get(community));
        for (String id : CHOIR) assertEquals(choir, Integer.parseInt(run.nodes().get(id).get(community)), id);
        for (String id : RING) assertEquals(ring, Integer.parseInt(run.nodes().get(id).get(community)), id);
        assertEquals(ClusterKinds.CHOIR, run.kinds().kinds().get(choir));
        assertEquals(ClusterKinds.RING, run.kinds().kinds().get(ring));
        assertEquals(18, run.audience().get(choir).reach(), "18 outsiders act on the choir");
        assertEquals(0, run.audience().get(ring).reach(), "nobody outside touches the ring");
        JsonNode report = run.report();
        assertEquals(choir, report.at("/passionate_clusters/0/cluster").asInt());
        assertEquals(ring, report.at("/rings/0/cluster").asInt());
        assertEquals(new TreeSet<>(CHOIR), new TreeSet<>(ReportJsonStrings.of(report.at("/passionate_clusters/0/members"))));
        assertEquals(new TreeSet<>(RING), new TreeSet<>(ReportJsonStrings.of(report.at("/rings/0/members"))));

        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Chorus.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute("report", "--from", run.out().toString());
        assertEquals(0, code, e.toString());
        String html = Files.readString(run.out().resolve("report.html"));
        assertFalse(html.contains("Not computed by the spark engine: the clusters' reach"), "reach is computed on Spark");
        String choirs = section(html, "Choirs: cohesive clusters that are heard");
        assertTrue(choirs.contains("<table id=\"clusters\">"), choirs);
        assertTrue(choirs.contains("<tr><td>1</td><td>" + choir + "</td><td>6</td>"), "the planted choir first: " + choirs);
        String rings = section(html, "Possible gamed engagement");
        assertTrue(rings.contains("<table id=\"rings\">"), rings);
        assertTrue(rings.contains("<tr><td>" + ring + "</td><td>5</td><td>0</td>"), "the planted ring, unheard: " + rings);
        assertTrue(html.contains("<svg id=\"chart-cohesion-reach\""), "the cohesion-reach chart");
        assertFalse(html.contains("Cohesion against reach not computed"));
        for (String sentence : ReportJsonStrings.of(report.get("summary"))) {
            assertFalse(sentence.contains("so no rings") || sentence.contains("not told apart"), sentence);
        }
    }

    static Stream<Arguments> seedingInputs() throws Exception {
        return Stream.of(Arguments.of("planted", false), Arguments.of("planted-typed", true));
    }

    /**
     * report.json's {@code recommendation} and {@code recommendations} are the embedded {@link Recommendation#choose}
     * applied to the arms of the report, with the embedded engine's reciprocity ({@link Engagement}'s, or on typed input
     * the conversation layer's, {@link Layers}): every field, the reason included; and the page shows them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seedingInputs")
    void recommendationsAreTheEmbeddedRuleOnSparksArms(String name, boolean typed) throws Exception {
        Run run = Run.of(planted(typed).toString(), IngestOptions.defaults(), name);
        JsonNode report = run.report();
        JsonNode seeding = report.get("seeding");
        boolean layered = seeding.at("/layers/ic").asText().equals("spread");
        assertEquals(typed, layered, "typed input with rows in both layers: each model on its goal's layer");
        List<SeedingArm> arms = new ArrayList<>();
        for (JsonNode a : seeding.get("arms")) {
            double[] curve = new double[a.get("curve").size()];
            for (int i = 0; i < curve.length; i++) curve[i] = a.get("curve").get(i).asDouble();
            arms.add(new SeedingArm(a.get("strategy").asText(), a.get("model").asText(), ReportJsonStrings.of(a.get("seeds")), a.get("runs").asInt(),
                    a.get("mean").asDouble(), a.get("sd").asDouble(), a.get("ci95_low").asDouble(), a.get("ci95_high").asDouble(), curve));
        }
        assertEquals(2 * SparkSeeding.STRATEGIES.size(), arms.size());
        InteractionGraph g = run.g();
        double[] reciprocity = layered
                ? Layers.compute(g, CentralitySettings.defaults(), run.lpa(), Progress.NONE).column("reciprocity_talk")
                : Engagement.compute(g, run.lpa(), EngagementConfig.defaults()).column("reciprocity");
        int thresholdK = seeding.get("threshold_k").asInt();
        for (Goal goal : Goal.values()) {
            Recommendation want = Recommendation.choose(goal, layered, arms, reciprocity, g.ids());
            JsonNode got = report.at("/recommendations/" + goal.cliName());
            String at = name + " " + goal.cliName();
            assertEquals(goal.cliName(), got.get("goal").asText(), at);
            assertEquals(want.arm().strategy(), got.get("strategy").asText(), at);
            assertEquals(want.arm().seeds(), ReportJsonStrings.of(got.get("seeds")), at);
            assertEquals(Summary.reason(want, thresholdK), got.get("reason").asText(), at);
            assertEquals(want.arm().model(), got.get("model").asText(), at);
            assertEquals(layered ? goal.layer() : "all", got.get("layer").asText(), at);
            assertEquals(want.arm().mean(), got.get("mean").asDouble(), 0, at);
            assertEquals(want.credibility(), got.get("credibility").asDouble(), 1e-12, at);
            assertEquals(want.forCredibility(), got.get("for_credibility").asBoolean(), at);
            if (want.runnerUp() == null) {
                assertTrue(got.get("runner_up").isNull(), at);
            } else {
                assertEquals(want.runnerUp().strategy(), got.at("/runner_up/strategy").asText(), at);
                assertEquals(want.runnerUpCredibility(), got.at("/runner_up/credibility").asDouble(), 1e-12, at);
                assertEquals(want.tied(), got.at("/runner_up/tied").asBoolean(), at);
            }
        }
        assertEquals("awareness", report.at("/settings/goal").asText());
        assertEquals(report.at("/recommendations/awareness"), report.get("recommendation"), "the recommendation of settings.goal");
        assertTrue(ReportJsonStrings.of(report.get("summary")).stream().anyMatch(x -> x.startsWith("Recommended seeds for awareness")),
                report.get("summary").toString());

        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Chorus.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute("report", "--from", run.out().toString());
        assertEquals(0, code, e.toString());
        String html = Files.readString(run.out().resolve("report.html"));
        assertTrue(html.contains("<b>Recommended for awareness</b>"), "the goal's recommendation on the page");
        assertTrue(html.contains("For action instead"), "and the other goal's");
    }

    /** The page from a heading to the next. */
    private static String section(String html, String heading) {
        int from = html.indexOf("<h2>" + heading);
        assertTrue(from >= 0, heading);
        int to = html.indexOf("<h2>", from + 4);
        return html.substring(from, to < 0 ? html.length() : to);
    }
}
