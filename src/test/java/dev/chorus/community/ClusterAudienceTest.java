package dev.chorus.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.InteractionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outside audiences counted by hand on a small timed graph. */
class ClusterAudienceTest {
    @Test
    void reachOutwardWeightOverlapAndActivitySpan() {
        GraphBuilder b = new GraphBuilder(true);
        // group g = {g1, g2, g3}: internal arcs between t = 100 and t = 300
        b.add("g1", "g2", 1, InteractionType.REPLY, 100).add("g2", "g1", 1, InteractionType.REPLY, 300);
        b.add("g3", "g1", 1, InteractionType.REPLY, 200);
        // outsiders: o1 acts on g1 (weight 3) and g2, o2 on g1; o3 on nobody but is acted on by g3 (not audience)
        b.add("o1", "g1", 3, InteractionType.RETWEET, 0).add("o1", "g2", 1, InteractionType.RETWEET, 1000);
        b.add("o2", "g1", 1, InteractionType.RETWEET, 500).add("g3", "o3", 1, InteractionType.RETWEET, 600);
        b.add("g1", "g1", 5, InteractionType.RETWEET, 700); // a self-loop is nobody's audience
        InteractionGraph g = b.build();
        int[] labels = new int[g.nodeCount()];
        for (int u = 0; u < labels.length; u++) labels[u] = g.ids().id(u).startsWith("g") ? 0 : 1;
        Communities c = Communities.of("test", g.ids(), labels, Double.NaN, 1, 0, false);
        int group = c.of("g1");
        ClusterAudience a = ClusterAudience.compute(g, c).get(group);
        assertEquals(2, a.reach(), "o1 and o2");
        assertEquals(3 + 1 + 1, a.outwardWeight());
        assertEquals(2 + 1, a.audienceSum(), "g1 by o1 and o2, g2 by o1");
        assertEquals(2, a.bestMemberAudience());
        assertEquals(1 - 2.0 / 3, a.sharedShare(), 1e-12);
        assertEquals(1.0, a.aggregateGain(), 1e-12, "g2 adds nobody g1 does not have");
        // internal activity spans 100..300 of the data's 0..1000
        assertEquals(0.2, a.activitySpanShare(), 1e-12);
        ClusterAudience outside = ClusterAudience.compute(g, c).get(1 - group);
        assertEquals(1, outside.reach(), "g3 acted on o3");
        assertTrue(Double.isNaN(outside.activitySpanShare()), "o1, o2, o3 never act on each other");
        int[] perNode = ClusterAudience.outside(g, labels);
        int[] expected = new int[g.nodeCount()];
        expected[g.ids().index("g1")] = 2;
        expected[g.ids().index("g2")] = 1;
        expected[g.ids().index("o3")] = 1;
        assertArrayEquals(expected, perNode);
    }

    @Test
    void withoutTimesTheSpanIsUndefined() {
        InteractionGraph g = new GraphBuilder(true).add("a", "b", 1).add("b", "a", 1).build();
        Communities one = Communities.of("test", g.ids(), new int[2], Double.NaN, 1, 0, false);
        List<ClusterAudience> a = ClusterAudience.compute(g, one);
        assertEquals(0, a.get(0).reach());
        assertTrue(Double.isNaN(a.get(0).activitySpanShare()));
        assertTrue(Double.isNaN(a.get(0).sharedShare()));
    }
}
