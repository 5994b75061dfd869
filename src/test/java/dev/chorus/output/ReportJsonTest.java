package dev.chorus.output;

import dev.chorus.analysis.Source;
import dev.chorus.analysis.Seeding;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.Analysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.chorus.backtest.Arm;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.backtest.ChoirOutcome;
import dev.chorus.backtest.Outcomes;
import dev.chorus.backtest.Ranking;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.centrality.Betweenness;
import dev.chorus.centrality.BetweennessConfig;
import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.graph.NodeScores;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Cohesion;
import dev.chorus.community.CohesionConfig;
import dev.chorus.community.Communities;
import dev.chorus.community.Leiden;
import dev.chorus.community.LeidenConfig;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * report.json against its JSON Schema (validated by networknt's validator, not by our code), and its numbers
 * against the library's algorithms run independently on the same graph.
 */
class ReportJsonTest {
    static GraphLoader.Loaded loaded;
    static AnalysisResult result;
    static JsonNode json;
    static JsonSchema schema;

    @BeforeAll
    static void analyze() throws Exception {
        loaded = GraphLoader.load("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults());
        result = Analysis.compute(loaded.graph(), AnalysisConfig.defaults().withSeedingRuns(0).withThreads(2));
        json = ReportJson.tree(result, new Source("email.txt.gz", "snap", loaded.rows()));
        try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void validAgainstTheSchema() {
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    /** Typed input: the reach-vs-conversation section validates and names the top people of each layer. */
    @Test
    void typedReportHasReachVsConversation() {
        assertTrue(json.get("reach_vs_conversation") == null, "untyped input has no layer section");
        GraphLoader.Loaded typed = GraphLoader.load(dev.chorus.ingest.InputSource.of("hand.txt",
                "b a 1 RT\nc a 2 RT\nc d 3 RE\nd c 4 RE\na c 5 RE\nb d 6 MT\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                IngestOptions.defaults(), row -> { }, dev.chorus.progress.Progress.NONE);
        JsonNode t = ReportJson.tree(Analysis.compute(typed.graph(), AnalysisConfig.defaults().withSeedingRuns(0)),
                new Source("hand.txt", "snap", typed.rows()));
        assertTrue(schema.validate(t).isEmpty(), () -> schema.validate(t).toString());
        JsonNode rvc = t.get("reach_vs_conversation");
        assertEquals("a", rvc.get("top_spread").get(0).get("node").asText());
        assertEquals("c", rvc.get("top_talk").get(0).get("node").asText());
        assertEquals(0.0, rvc.get("jaccard_top").asDouble());
        assertEquals(3, rvc.get("points").size());
        // a is the only retweeted person, c and d the only talked-to ones: no one is in both lists
        for (JsonNode p : rvc.get("points")) assertEquals(p.get("node").asText().equals("a") ? "spread" : "talk", p.get("top").asText());
        assertTrue(t.get("recommendation").isNull() && t.get("recommendations").isNull(), "no experiment, no recommendation");
        com.fasterxml.jackson.databind.node.ObjectNode bad = t.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("reach_vs_conversation")).put("jaccard_top", 1.5);
        assertFalse(schema.validate(bad).isEmpty(), "a Jaccard above 1 must fail");
    }

    /** --goal: recommendation is the goal's, recommendations hold both, each an arm of the experiment on the goal's layer. */
    @Test
    void recommendationMatchesTheSchemaAndTheGoal() {
        GraphLoader.Loaded typed = GraphLoader.load(dev.chorus.ingest.InputSource.of("hand.txt",
                "b a 1 RT\nc a 2 RT\nc d 3 RE\nd c 4 RE\na c 5 RE\nb d 6 MT\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                IngestOptions.defaults(), row -> { }, dev.chorus.progress.Progress.NONE);
        JsonNode t = ReportJson.tree(Analysis.compute(typed.graph(), AnalysisConfig.defaults().withSeedingRuns(20).withK(2)
                .withGoal(dev.chorus.analysis.Goal.ACTION)), new Source("hand.txt", "snap", typed.rows()));
        assertTrue(schema.validate(t).isEmpty(), () -> schema.validate(t).toString());
        assertEquals("action", t.at("/settings/goal").asText());
        assertEquals("spread", t.at("/seeding/layers/ic").asText());
        assertEquals("talk", t.at("/seeding/layers/threshold").asText());
        JsonNode rec = t.get("recommendation");
        assertEquals(t.at("/recommendations/action"), rec);
        assertEquals("action", rec.get("goal").asText());
        assertEquals("awareness", t.at("/recommendations/awareness/goal").asText());
        assertEquals("talk", rec.get("layer").asText());
        for (String goal : List.of("awareness", "action")) {
            JsonNode r = t.at("/recommendations/" + goal);
            JsonNode arm = null;
            for (JsonNode a : t.at("/seeding/arms")) {
                if (a.get("strategy").equals(r.get("strategy")) && a.get("model").equals(r.get("model"))) arm = a;
            }
            assertEquals(arm.get("seeds"), r.get("seeds"), goal);
            assertEquals(arm.get("mean"), r.get("mean"), goal);
            assertTrue(r.get("reason").asText().contains(String.format(java.util.Locale.ROOT, "%.1f people", r.get("mean").asDouble())), goal);
        }
        ObjectNode noReason = t.deepCopy();
        ((ObjectNode) noReason.get("recommendation")).remove("reason");
        assertFalse(schema.validate(noReason).isEmpty(), "a recommendation without its reason must fail");
        ObjectNode badGoal = t.deepCopy();
        ((ObjectNode) badGoal.at("/recommendations/awareness")).put("goal", "virality");
        assertFalse(schema.validate(badGoal).isEmpty(), "an unknown goal must fail");
    }

    @Test
    void schemaRejectsBrokenReports() {
        ObjectNode missing = json.deepCopy();
        missing.remove("hubs");
        assertFalse(schema.validate(missing).isEmpty(), "a report without hubs must fail");
        ObjectNode badRole = json.deepCopy();
        ((ObjectNode) badRole.get("hubs").get(0)).putArray("roles").add("celebrity");
        assertFalse(schema.validate(badRole).isEmpty(), "an unknown role must fail");
        ObjectNode badShare = json.deepCopy();
        ((ObjectNode) badShare.get("graph")).put("reciprocity", 1.5);
        assertFalse(schema.validate(badShare).isEmpty(), "a reciprocity above 1 must fail");
        // what a Spark report may leave out, an embedded one may not
        ObjectNode noRoles = json.deepCopy();
        noRoles.remove("roles");
        assertFalse(schema.validate(noRoles).isEmpty(), "an embedded report without roles must fail");
        ObjectNode noBetweenness = json.deepCopy();
        ((ObjectNode) noBetweenness.get("hubs").get(0)).remove("betweenness");
        assertFalse(schema.validate(noBetweenness).isEmpty(), "an embedded hub without betweenness must fail");
        ObjectNode badTie = json.deepCopy();
        ((ObjectNode) badTie.get("passionate_clusters").get(0)).putArray("edges").addArray().add(0).add(1);
        assertFalse(schema.validate(badTie).isEmpty(), "a tie without its weight must fail");
        ObjectNode ringAmongChoirs = json.deepCopy();
        ((ObjectNode) ringAmongChoirs.get("passionate_clusters").get(0)).put("kind", "ring");
        assertFalse(schema.validate(ringAmongChoirs).isEmpty(), "a ring among the choirs must fail");
        ObjectNode noReach = json.deepCopy();
        ((ObjectNode) noReach.get("passionate_clusters").get(0)).remove("reach");
        assertFalse(schema.validate(noReach).isEmpty(), "a cluster without reach must fail");
        ObjectNode noRings = json.deepCopy();
        noRings.remove("rings");
        assertFalse(schema.validate(noRings).isEmpty(), "an embedded report without rings must fail");
        assertEquals("embedded", json.get("engine").asText());
    }

    @Test
    void backtestObjectMatchesTheSchemaAndBacktestJson() {
        BacktestResult bt = new BacktestResult(1_000, Long.MAX_VALUE, 40, 13, 20, 10, 2, 3600, List.of(
                new Arm("degree", List.of("160", "62"), new Arm.Prediction("ic", "wc", 10, 5.5, 4.0, 7.0), new Outcomes.Observed(3, 8), null),
                new Arm("random", List.of("1", "2"), new Arm.Prediction("ic", "wc", 10, 0.5, 0.1, 0.9), new Outcomes.Observed(0, 1),
                        new Arm.Draws(5, 1.2, 0, 3, 2.0, 0, 6))),
                List.of(new ChoirOutcome(4, 1, 6, 12, List.of("160", "161"), new Arm.Prediction("ic", "wc", 10, 2.5, 1.0, 4.0),
                                new Outcomes.Observed(2, 5)),
                        new ChoirOutcome(7, 2, 3, 0, List.of("9"), null, new Outcomes.Observed(0, 0))),
                List.of(new Ranking("in_degree", "attention", 0.4, 0.35, 0.45, 0.3), new Ranking("clustering", "attention", Double.NaN, Double.NaN, Double.NaN, 0)),
                java.util.Map.of());
        Source s = new Source("t.csv", "csv", loaded.rows());
        ObjectNode j = ReportJson.tree(result, s, bt, s);
        assertTrue(schema.validate(j).isEmpty(), () -> schema.validate(j).toString());
        assertEquals(BacktestJson.tree(bt, s), j.get("backtest"));
        assertEquals("degree", j.get("backtest").get("verdict").get("observed_winner").asText());
        assertTrue(j.get("summary").toString().contains("In what happened next, degree won"), j.get("summary").toString());
        ObjectNode broken = j.deepCopy();
        ((ObjectNode) broken.get("backtest").get("rankings").get(0)).remove("spearman_ci95");
        assertFalse(schema.validate(broken).isEmpty(), "a ranking without its interval must fail");
        ObjectNode noReach = j.deepCopy();
        ((ObjectNode) noReach.get("backtest").get("arms").get(0).get("observed")).remove("reach");
        assertFalse(schema.validate(noReach).isEmpty(), "an arm without observed reach must fail");
        assertEquals("[\"160\",\"161\"]", j.at("/backtest/choirs/0/core").toString());
        assertEquals(5, j.at("/backtest/choirs/0/observed/reach").asInt());
        assertTrue(j.at("/backtest/choirs/1/predicted").isNull());
        ObjectNode choirWithoutEngagers = j.deepCopy();
        ((ObjectNode) choirWithoutEngagers.at("/backtest/choirs/0/observed")).remove("engagers");
        assertFalse(schema.validate(choirWithoutEngagers).isEmpty(), "a choir without observed engagers must fail");
        ObjectNode noChoirs = j.deepCopy();
        ((ObjectNode) noChoirs.get("backtest")).remove("choirs");
        assertFalse(schema.validate(noChoirs).isEmpty(), "a backtest without choirs must fail");
        // without a backtest the tree is the one analyze always wrote
        assertEquals(json, ReportJson.tree(result, new Source("email.txt.gz", "snap", loaded.rows()), null, null));
    }

    @Test
    void seedingSectionMatchesTheSchema() {
        AnalysisResult r = result;
        Seeding seeding = new Seeding(3, 10, 2, List.of(
                new SeedingArm("degree", "ic", List.of("160", "62", "107"), 10, 12.5, 2.0, 11.1, 13.9, new double[] {3, 9, 12.5}),
                new SeedingArm("clusters", "threshold", List.of("1", "2", "3"), 10, 4.0, 0.0, 4.0, 4.0, new double[0])));
        AnalysisResult with = new AnalysisResult(r.graph(), r.config(), r.nodes(), r.degree(), r.pagerank(), r.kcore(), r.betweenness(),
                r.betweennessSamples(), r.communities(), r.modularity(), r.cohesion(), r.clusters(), r.clusterCohesion(), r.passionate(), r.roles(), r.hubs(), seeding, r.seconds(),
                r.clusterKinds(), r.communityKinds());
        JsonNode j = ReportJson.tree(with, new Source("email.txt.gz", "snap", loaded.rows()));
        assertTrue(schema.validate(j).isEmpty(), () -> schema.validate(j).toString());
        assertEquals(12.5, j.get("seeding").get("arms").get(0).get("mean").asDouble());
        assertEquals("clusters", j.get("seeding").get("arms").get(1).get("strategy").asText());
    }

    @Test
    void numbersEqualTheLibrarysResults() {
        InteractionGraph g = loaded.graph();
        NodeScores pr = PageRank.compute(g, PageRankConfig.defaults());
        NodeScores core = KCore.compute(g, KCoreConfig.defaults());
        NodeScores between = Betweenness.compute(g, BetweennessConfig.defaults()); // exact: 1005 nodes
        assertEquals(0, json.get("settings").get("betweenness_samples").asInt());
        assertEquals(1005, json.get("graph").get("nodes").asInt());
        assertEquals(25571, json.get("graph").get("edges").asInt());
        assertEquals(g.reciprocity(), json.get("graph").get("reciprocity").asDouble(), 0);
        assertEquals(25571, json.get("input").get("rows").get("read").asLong());
        assertTrue(json.get("hubs").size() > 0);
        for (JsonNode h : json.get("hubs")) {
            String id = h.get("node").asText();
            assertEquals(pr.get("pagerank", id), h.get("pagerank").asDouble(), 0, id);
            assertEquals(core.get("kcore", id), h.get("kcore").asDouble(), 0, id);
            assertEquals(between.get("betweenness", id), h.get("betweenness").asDouble(), 1e-9 * Math.max(1, between.get("betweenness", id)), id);
            assertTrue(result.roles().has(id, dev.chorus.roles.Role.HUB));
        }
        // hubs come highest PageRank first
        for (int i = 1; i < json.get("hubs").size(); i++) {
            assertTrue(json.get("hubs").get(i - 1).get("pagerank").asDouble() >= json.get("hubs").get(i).get("pagerank").asDouble());
        }
        Communities leiden = Leiden.compute(g, LeidenConfig.defaults().withSeed(42));
        assertEquals(leiden.count(), json.get("communities").get("count").asInt());
        Communities cpm = Leiden.compute(g, LeidenConfig.defaults().withSeed(42).withQuality(LeidenConfig.Quality.CPM).withResolution(0.5));
        assertEquals(cpm.count(), json.get("communities").get("clusters").asInt());
        List<ClusterCohesion> cohesion = Cohesion.compute(g, cpm, CohesionConfig.defaults());
        assertTrue(json.get("passionate_clusters").size() > 0, "email-Eu-core has choirs");
        var jg = g.toJGraphT();
        for (JsonNode c : json.get("passionate_clusters")) {
            // reach by brute force on JGraphT: distinct sources of edges into a member from a non-member
            Set<String> members = new java.util.HashSet<>(new ObjectMapper().convertValue(c.get("members"), List.class));
            Set<String> outsiders = new java.util.HashSet<>();
            for (String m : members) for (var e : jg.incomingEdgesOf(m)) if (!members.contains(jg.getEdgeSource(e))) outsiders.add(jg.getEdgeSource(e));
            assertEquals(outsiders.size(), c.get("reach").asInt());
            assertEquals("choir", c.get("kind").asText());
            ClusterCohesion expected = cohesion.get(c.get("cluster").asInt());
            assertEquals(expected.size(), c.get("size").asInt());
            assertEquals(expected.size(), c.get("members").size());
            assertEquals(expected.density(), c.get("cohesion").get("density").asDouble(), 0);
            assertEquals(expected.reciprocity(), c.get("cohesion").get("reciprocity").asDouble(), 0);
            assertEquals(expected.core(), new ObjectMapper().convertValue(c.get("core"), List.class));
            double mean = 0;
            int parts = 0;
            for (JsonNode p : c.get("parts")) {
                mean += p.asDouble();
                parts++;
            }
            assertEquals(mean / parts, c.get("axes").get("cohesion").asDouble(), 1e-12);
            assertEquals(Math.sqrt(mean / parts * c.get("axes").get("reach").asDouble()), c.get("score").asDouble(), 1e-12);
            assertTrue(expected.size() >= 5 && expected.size() <= 150);
        }
        for (String role : List.of("hub", "periphery_hub", "bridge", "engager", "broadcaster", "cluster_core")) {
            assertEquals(result.roles().count(roleNamed(role)), json.get("roles").get("counts").get(role).asInt(), role);
        }
    }

    private static dev.chorus.roles.Role roleNamed(String label) {
        for (dev.chorus.roles.Role r : dev.chorus.roles.Role.values()) if (r.label().equals(label)) return r;
        throw new AssertionError(label);
    }
}
