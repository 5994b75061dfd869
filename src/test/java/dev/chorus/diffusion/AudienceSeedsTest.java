package dev.chorus.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.community.Communities;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choir and voice seeds on graphs small enough to pick by hand. */
class AudienceSeedsTest {
    private static Communities partition(InteractionGraph g, String... prefixes) {
        int[] labels = new int[g.nodeCount()];
        for (int u = 0; u < labels.length; u++) {
            String id = g.ids().id(u);
            labels[u] = prefixes.length;
            for (int p = 0; p < prefixes.length; p++) if (id.startsWith(prefixes[p])) labels[u] = p;
        }
        return Communities.of("test", g.ids(), labels, Double.NaN, 1, 0, false);
    }

    private static List<String> ids(InteractionGraph g, int[] nodes) {
        return Arrays.stream(nodes).mapToObj(u -> g.ids().id(u)).toList();
    }

    @Test
    void choirSeedsTakeTheBestHeardMembersRoundByRoundAndNeverTheUnheard() {
        GraphBuilder b = new GraphBuilder(true);
        for (String u : List.of("c1", "c2", "c3")) for (String v : List.of("c1", "c2", "c3")) if (!u.equals(v)) b.add(u, v, 1);
        b.add("d1", "d2", 1).add("d2", "d1", 1);
        // c1 is acted on by 3 outsiders, c2 by 1, c3 by none; d1 by 2, d2 by none
        b.add("x1", "c1", 1).add("x2", "c1", 1).add("x3", "c1", 1).add("x1", "c2", 1).add("y1", "d1", 1).add("y2", "d1", 1);
        InteractionGraph g = b.build();
        Communities clusters = partition(g, "c", "d");
        int c = clusters.of("c1");
        int d = clusters.of("d1");
        // d first, one per choir per round: d1, c1; then round two: d2 is unheard, c2
        assertEquals(List.of("d1", "c1", "c2"), ids(g, AudienceSeeds.choirs(g, clusters, new int[] {d, c}, 3, 1)));
        assertEquals(List.of("d1", "c1", "c2"), ids(g, AudienceSeeds.choirs(g, clusters, new int[] {d, c}, 10, 1)), "c3 and d2 are never taken");
        assertEquals(List.of("c1", "c2", "d1"), ids(g, AudienceSeeds.choirs(g, clusters, new int[] {c, d}, 3, 2)));
    }

    @Test
    void voicesAreEachCommunitysMostEngagedMemberWithAnOutsideAudience() {
        GraphBuilder b = new GraphBuilder(true);
        // a1 has the most mutual ties in A but nobody outside acts on it; a2 is heard by b1
        b.add("a1", "a2", 1).add("a2", "a1", 1).add("a1", "a3", 1).add("a3", "a1", 1).add("a2", "a3", 1);
        b.add("b1", "b2", 1).add("b2", "b1", 1);
        b.add("b1", "a2", 1).add("a3", "b2", 1).add("a2", "b1", 1);
        InteractionGraph g = b.build();
        Communities communities = partition(g, "a", "b");
        // A: a2 (a3 has one mutual tie too, but no outside audience). B: b1 and b2 tie on engagement and audience: b1 by id
        assertEquals(List.of("a2", "b1"), ids(g, AudienceSeeds.voices(g, communities, 5)));
        assertEquals(List.of("a2"), ids(g, AudienceSeeds.voices(g, communities, 1)));
    }
}
