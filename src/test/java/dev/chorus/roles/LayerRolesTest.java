package dev.chorus.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.analysis.Layers;
import dev.chorus.centrality.Centralities;
import dev.chorus.centrality.CentralitySettings;
import dev.chorus.community.Communities;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputSource;
import dev.chorus.progress.Progress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-layer role rules on their own: each small typed graph is classified twice by {@link Roles#compute}, once
 * with the layer columns (typed input: reach from the spreading layer, answering from the conversation layer) and
 * once without (every rule on the whole graph), so that the difference is the layer rule alone. The numbers the
 * rules read are worked out by hand and checked first. In each graph one person dominates the metric in question, so
 * "high" (99th percentile and mean + 2 sd) is simply the maximum.
 */
class LayerRolesTest {
    static InteractionGraph graph(String rows) {
        return GraphLoader.load(InputSource.of("hand.txt", rows.getBytes(StandardCharsets.UTF_8)), IngestOptions.defaults(), r -> { },
                Progress.NONE).graph();
    }

    record Both(InteractionGraph g, NodeScores engagement, NodeScores layers, RoleAssignment typed, RoleAssignment whole) {
        double engagement(String column, String id) {
            return engagement.column(column)[g.ids().index(id)];
        }

        double layer(String column, String id) {
            return layers.column(column)[g.ids().index(id)];
        }
    }

    static Both classify(String rows) {
        InteractionGraph g = graph(rows);
        CentralitySettings s = CentralitySettings.defaults().withThreads(1);
        Communities one = Communities.of("one", g.ids(), new int[g.nodeCount()], 0, 1, 1, true);
        NodeScores degree = Centralities.DEGREE.compute(g, s, Progress.NONE);
        NodeScores pagerank = Centralities.PAGERANK.compute(g, s, Progress.NONE);
        NodeScores kcore = Centralities.KCORE.compute(g, s, Progress.NONE);
        NodeScores betweenness = Centralities.BETWEENNESS.compute(g, s, Progress.NONE);
        NodeScores engagement = Engagement.compute(g, one, EngagementConfig.defaults());
        NodeScores layers = Layers.compute(g, s, one, Progress.NONE);
        RoleConfig config = RoleConfig.defaults();
        return new Both(g, engagement, layers,
                Roles.compute(new Roles.Inputs(degree, pagerank, kcore, betweenness, engagement, List.of(), List.of(), layers), config),
                Roles.compute(new Roles.Inputs(degree, pagerank, kcore, betweenness, engagement, List.of(), List.of()), config));
    }

    /**
     * star is retweeted by x0..x11 and retweets each back; asked is replied to by y0..y11 and never answers. On the
     * whole graph both receive 12 (the maximum), but star's ties are all mutual (reciprocity 1): only asked is a hub.
     * By layer, reach is being retweeted: star has in_spread 12 and no conversation (reciprocity_talk undefined, which
     * passes), so star is the hub; asked has in_spread 0 and is no hub, however much it is talked to.
     */
    @Test
    void hubReachIsReadOnTheSpreadingLayerAndARetweetBackIsNoAnswer() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 12; i++) rows.append("x").append(i).append(" star 1 RT\nstar x").append(i).append(" 2 RT\ny").append(i).append(" asked 3 RE\n");
        Both b = classify(rows.toString());
        assertEquals(1.0, b.engagement("reciprocity", "star"));
        assertEquals(0.0, b.engagement("reciprocity", "asked"));
        assertEquals(12.0, b.layer("in_spread", "star"));
        assertEquals(0.0, b.layer("in_spread", "asked"));
        assertEquals(12.0, b.layer("in_talk", "asked"));
        assertTrue(Double.isNaN(b.layer("reciprocity_talk", "star")));
        assertEquals(0.0, b.layer("reciprocity_talk", "asked"));

        assertTrue(b.whole().has("asked", Role.HUB));
        assertFalse(b.whole().has("star", Role.HUB));
        assertTrue(b.typed().has("star", Role.HUB));
        assertFalse(b.typed().has("asked", Role.HUB));
        assertEquals(1, b.typed().count(Role.HUB));
        assertEquals(12.0, b.typed().thresholds().get("in"), "the in threshold is of in_spread: its maximum");
    }

    /**
     * answerer is retweeted by z0..z5 (nobody answers a retweet), replied to by w0 and w1, replies to both, and
     * retweets q0..q2. On the whole graph it answered 2 of the 8 who acted on it (0.25) and 2 of its 5 rows are replies
     * (0.4): no engager (both under 0.5). In conversation it answered everyone who talked to it (answer_rate_talk 1).
     */
    @Test
    void answeringIsReadOnTheConversationLayer() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 6; i++) rows.append("z").append(i).append(" answerer 1 RT\n");
        for (int i = 0; i < 2; i++) rows.append("w").append(i).append(" answerer 2 RE\nanswerer w").append(i).append(" 3 RE\n");
        for (int i = 0; i < 3; i++) rows.append("answerer q").append(i).append(" 4 RT\n");
        Both b = classify(rows.toString());
        assertEquals(0.25, b.engagement("answer_rate", "answerer"));
        assertEquals(0.4, b.engagement("reply_share", "answerer"));
        assertEquals(1.0, b.layer("answer_rate_talk", "answerer"));
        assertFalse(b.whole().has("answerer", Role.ENGAGER));
        assertTrue(b.typed().has("answerer", Role.ENGAGER));
        // w0 and w1 answer too, but act only once each: under minActivity (2) on both readings
        assertFalse(b.typed().has("w0", Role.ENGAGER));
    }

    /**
     * bc retweets p0..p14 and each p replies to bc, who never replies: every tie is mutual on the whole graph
     * (reciprocity 1, answer rate 1), so bc is no broadcaster there. In conversation bc answered none of the 15
     * (reciprocity_talk 0, answer_rate_talk 0), posts the most (out 15, at least its in 15), and none of its rows are
     * replies: a broadcaster.
     */
    @Test
    void broadcasterSilenceIsReadOnTheConversationLayer() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 15; i++) rows.append("bc p").append(i).append(" 1 RT\np").append(i).append(" bc 2 RE\n");
        Both b = classify(rows.toString());
        assertEquals(1.0, b.engagement("reciprocity", "bc"));
        assertEquals(1.0, b.engagement("answer_rate", "bc"));
        assertEquals(0.0, b.engagement("reply_share", "bc"));
        assertEquals(0.0, b.layer("reciprocity_talk", "bc"));
        assertEquals(0.0, b.layer("answer_rate_talk", "bc"));
        assertFalse(b.whole().has("bc", Role.BROADCASTER));
        assertTrue(b.typed().has("bc", Role.BROADCASTER));
        assertEquals(1, b.typed().count(Role.BROADCASTER));
    }
}
