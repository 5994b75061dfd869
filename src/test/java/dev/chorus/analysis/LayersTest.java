package dev.chorus.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.centrality.CentralitySettings;
import dev.chorus.community.Communities;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputSource;
import dev.chorus.progress.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-layer columns on a four-person graph worked out by hand. Spread: b and c retweet a. Talk: c and d reply
 * to each other, a replies to c. b mentions d (no layer). PageRank with damping d = 0.85 and n = 4, dangling mass
 * spread uniformly:
 * <ul>
 * <li>spread: a, d dangling; b = c = d = x with x = 0.15/4 + 0.85 (a + x)/4 and a = x + 2 (0.85) x, so
 * x = 1/(4 + 2 d) = 1/5.7 and a = (1 + 2 d)/5.7;</li>
 * <li>talk: b dangling; a = b = B = 0.15/4 + 0.85 B/4, so B = 1/21; c = B + d (a + dd) and dd = B + d c give
 * c = (1 + 2 d) B / (1 - d^2) and dd = B + d c.</li>
 * </ul>
 */
class LayersTest {
    static final String ROWS = "b a 1 RT\nc a 2 RT\nc d 3 RE\nd c 4 RE\na c 5 RE\nb d 6 MT\n";
    static final double D = 0.85;

    @TempDir
    Path tmp;

    static InteractionGraph graph() {
        return GraphLoader.load(InputSource.of("hand.txt", ROWS.getBytes(StandardCharsets.UTF_8)), IngestOptions.defaults(),
                r -> { }, Progress.NONE).graph();
    }

    /** On two threads layers and engagement run after the communities beside the clusters: same hand values, every step timed. */
    @Test
    void analysisOnTwoThreadsCarriesTheHandValues() {
        InteractionGraph g = graph();
        AnalysisResult r = Analysis.compute(g, AnalysisConfig.defaults().withSeedingRuns(0).withThreads(2));
        int a = g.ids().index("a"), c = g.ids().index("c"), d = g.ids().index("d");
        double x = 1 / (4 + 2 * D);
        assertEquals((1 + 2 * D) * x, r.nodes().metric("pagerank_spread")[a], 2e-6);
        double bb = 1 / 21.0;
        double cc = (1 + 2 * D) * bb / (1 - D * D);
        assertEquals(bb + D * cc, r.nodes().metric("pagerank_talk")[d], 2e-6);
        // c talks with d (both ways) and a (one way): half its ties mutual
        assertEquals(0.5, r.nodes().metric("reciprocity_talk")[c]);
        assertEquals(0.5, r.nodes().metric("answer_rate_talk")[c]);
        assertEquals(Analysis.STEPS.stream().filter(step -> !step.equals("seeding")).toList(), List.copyOf(r.seconds().keySet()));
    }

    @Test
    void columnsMatchTheHandComputation() {
        InteractionGraph g = graph();
        NodeScores s = Layers.compute(g, CentralitySettings.defaults(), Communities.of("one", g.ids(), new int[g.nodeCount()], 0, 1, 1, true), Progress.NONE);
        int a = g.ids().index("a"), b = g.ids().index("b"), c = g.ids().index("c"), d = g.ids().index("d");
        double x = 1 / (4 + 2 * D);
        double[] prSpread = s.column("pagerank_spread");
        assertEquals((1 + 2 * D) * x, prSpread[a], 2e-6);
        for (int u : new int[] {b, c, d}) assertEquals(x, prSpread[u], 2e-6);
        double bb = 1 / 21.0;
        double cc = (1 + 2 * D) * bb / (1 - D * D);
        double[] prTalk = s.column("pagerank_talk");
        assertEquals(bb, prTalk[a], 2e-6);
        assertEquals(bb, prTalk[b], 2e-6);
        assertEquals(cc, prTalk[c], 2e-6);
        assertEquals(bb + D * cc, prTalk[d], 2e-6);
        assertEquals(List.of(2.0, 0.0, 0.0, 0.0), List.of(s.column("in_spread")[a], s.column("in_spread")[b], s.column("in_spread")[c], s.column("in_spread")[d]));
        assertEquals(List.of(0.0, 0.0, 2.0, 1.0), List.of(s.column("in_talk")[a], s.column("in_talk")[b], s.column("in_talk")[c], s.column("in_talk")[d]));
        // c talks with d (both ways) and a (one way): half its ties mutual, and it answered one of the two who talked to it
        double[] rec = s.column("reciprocity_talk");
        double[] ans = s.column("answer_rate_talk");
        assertEquals(0.0, rec[a]);
        assertTrue(Double.isNaN(rec[b]) && Double.isNaN(ans[b]) && Double.isNaN(ans[a]));
        assertEquals(0.5, rec[c]);
        assertEquals(1.0, rec[d]);
        assertEquals(0.5, ans[c]);
        assertEquals(1.0, ans[d]);
    }

    @Test
    void analyzeAppendsTheColumnsOnTypedInputOnly() throws Exception {
        Path typed = tmp.resolve("hand.txt");
        Files.writeString(typed, ROWS);
        Path untyped = tmp.resolve("plain.txt");
        Files.writeString(untyped, "b a\nc a\nc d\nd c\na c\nb d\n");
        AnalysisResult t = Analysis.compute(GraphLoader.load(typed.toString(), IngestOptions.defaults()).graph(),
                AnalysisConfig.defaults().withSeedingRuns(0));
        AnalysisResult u = Analysis.compute(GraphLoader.load(untyped.toString(), IngestOptions.defaults()).graph(),
                AnalysisConfig.defaults().withSeedingRuns(0));
        List<String> cols = t.nodes().columns();
        assertEquals(u.nodes().columns(), cols.subList(0, u.nodes().columns().size()), "existing columns keep their order");
        assertEquals(Layers.COLUMNS, cols.subList(u.nodes().columns().size(), cols.size()), "layer columns come last");
        assertFalse(u.nodes().columns().stream().anyMatch(Layers.COLUMNS::contains));
        assertTrue(ReachVsConversation.of(u.nodes()) == null);
        ReachVsConversation r = ReachVsConversation.of(t.nodes());
        // spread: only a was retweeted; talk: c (most central) then d; no overlap
        assertEquals(List.of(t.graph().ids().index("a")), r.spread());
        assertEquals(List.of(t.graph().ids().index("c"), t.graph().ids().index("d")), r.talk());
        assertEquals(0.0, r.jaccard());
    }
}
