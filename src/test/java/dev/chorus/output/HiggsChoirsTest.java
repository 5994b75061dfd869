package dev.chorus.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.Source;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Higgs end to end (issue 17): the choirs, the rings, the resolved kind thresholds, the choirs and voices arms and
 * the verdict sentence are all in report.json, which stays valid against its schema.
 */
class HiggsChoirsTest {
    @Test
    void reportCarriesChoirsRingsArmsAndVerdict() throws Exception {
        GraphLoader.Loaded loaded = GraphLoader.load("datasets/higgs-twitter/higgs-activity_time.txt.gz", IngestOptions.defaults());
        InteractionGraph g = loaded.graph();
        AnalysisResult r = Analysis.compute(g, AnalysisConfig.defaults().withSeedingRuns(20).withThreads(2));
        JsonNode j = ReportJson.tree(r, new Source("higgs", "snap", loaded.rows()));
        try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            assertTrue(schema.validate(j).isEmpty(), () -> schema.validate(j).toString());
        }
        // typical audience by its definition, from JGraphT's view of the graph: arcs between distinct people / people
        var jg = g.toJGraphT();
        long arcs = jg.edgeSet().stream().filter(e -> !jg.getEdgeSource(e).equals(jg.getEdgeTarget(e))).count();
        JsonNode thresholds = j.at("/cluster_kinds/thresholds");
        assertEquals((double) arcs / jg.vertexSet().size(), thresholds.get("typical_audience").asDouble(), 1e-9);
        double ringMax = thresholds.get("ring_max_reach_per_member").asDouble();
        double choirMin = thresholds.get("choir_min_reach_per_member").asDouble();
        assertTrue(j.get("passionate_clusters").size() > 0 && j.get("rings").isArray());
        for (JsonNode c : j.get("passionate_clusters")) {
            assertEquals("choir", c.get("kind").asText());
            assertTrue(c.get("reach").asInt() >= choirMin * c.get("size").asInt(), c.toString());
        }
        for (JsonNode c : j.get("rings")) {
            assertEquals("ring", c.get("kind").asText());
            assertTrue(c.get("reach").asInt() <= ringMax * c.get("size").asInt(), c.toString());
        }
        assertEquals(j.get("rings").size(), j.at("/cluster_kinds/counts/ring").asInt());
        assertTrue(j.at("/passionate_clusters/0/core_spread/ic/mean").asDouble() > 0, "the first choir's core is seeded");
        List<String> strategies = new ArrayList<>();
        for (JsonNode a : j.at("/seeding/arms")) strategies.add(a.get("strategy").asText());
        assertTrue(strategies.containsAll(List.of("degree", "pagerank", "clusters", "choirs", "voices", "imm")), strategies.toString());
        List<String> verdict = StreamSupport.stream(j.get("summary").spliterator(), false).map(JsonNode::asText)
                .filter(s -> s.startsWith("Influencers or groups, for awareness?") || s.startsWith("For action instead:")).toList();
        assertEquals(2, verdict.size(), j.get("summary").toString());
        // typed input: awareness (the default goal) on the retweet layer, action on the reply layer, both recommended
        assertEquals("awareness", j.at("/recommendation/goal").asText());
        assertEquals("spread", j.at("/recommendations/awareness/layer").asText());
        assertEquals("talk", j.at("/recommendations/action/layer").asText());
        for (String s : verdict) assertTrue(s.contains(" lost because ") || s.contains("neither lost"), s);
        // the page: the choirs table, the rings table with every ring (Higgs has a few), the plot with one dot per cluster
        String html = dev.chorus.output.html.ReportHtml.html(new ReportData(j, NodeColumns.of(r.nodes()), r.cohesion()));
        assertTrue(html.contains("<table id=\"clusters\">") && html.contains("Possible gamed engagement"));
        if (j.get("rings").size() > 0) assertTrue(html.contains("<table id=\"rings\">"));
        java.util.regex.Matcher plot = java.util.regex.Pattern.compile("<svg id=\"chart-cohesion-reach\"[^>]*>(.*?)</svg>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        assertTrue(plot.find());
        assertEquals(j.get("passionate_clusters").size() + j.get("rings").size() + 2, plot.group(1).split("<circle", -1).length - 1);
        for (String s : verdict) assertTrue(html.contains(s.substring(0, 60)), "the verdict is on the page: " + s);
        java.util.regex.Matcher rvc = java.util.regex.Pattern.compile("<svg id=\"chart-reach-conversation\"[^>]*>(.*?)</svg>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        assertTrue(rvc.find(), "Higgs is typed: the reach-vs-conversation chart is drawn");
        assertEquals(j.at("/reach_vs_conversation/points").size() + 3, rvc.group(1).split("<circle", -1).length - 1);
    }
}
