package dev.chorus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InteractionType;
import org.junit.jupiter.api.Test;

/**
 * The loader honours the thread count, and the graph does not depend on it: loading with 1 and with 3 threads
 * gives equal ids, adjacency arrays (both directions, with weights), per-arc type counts, times and attributes.
 * Each case also checks a count known from the dataset's SOURCE, so equal empty graphs cannot pass.
 */
public class LoadThreadsTest {
    /** Loads {@code path} on 1 and on 3 threads, asserts the two graphs equal, returns the second. */
    static InteractionGraph sameOnOneAndThreeThreads(String path, IngestOptions options) {
        InteractionGraph one = GraphLoader.load(path, options.withThreads(1)).graph();
        InteractionGraph three = GraphLoader.load(path, options.withThreads(3)).graph();
        assertSameGraph(one, three);
        return three;
    }

    public static void assertSameGraph(InteractionGraph a, InteractionGraph b) {
        assertEquals(a.isDirected(), b.isDirected());
        assertEquals(a.nodeCount(), b.nodeCount());
        for (int u = 0; u < a.nodeCount(); u++) assertEquals(a.ids().id(u), b.ids().id(u));
        for (Adjacency[] pair : new Adjacency[][] {{a.out(), b.out()}, {a.in(), b.in()}, {a.undirected(), b.undirected()}}) {
            assertArrayEquals(pair[0].offsets(), pair[1].offsets());
            assertArrayEquals(pair[0].neighbors(), pair[1].neighbors());
            assertArrayEquals(pair[0].weights(), pair[1].weights());
        }
        assertEquals(a.types(), b.types());
        assertEquals(a.hasTimes(), b.hasTimes());
        for (int e = 0; e < a.arcCount(); e++) {
            assertEquals(a.inArc(e), b.inArc(e));
            assertEquals(a.isReciprocated(e), b.isReciprocated(e));
            for (InteractionType t : a.types()) assertEquals(a.typeCount(e, t), b.typeCount(e, t));
            if (a.hasTimes()) {
                assertEquals(a.firstTime(e), b.firstTime(e));
                assertEquals(a.lastTime(e), b.lastTime(e));
            }
        }
        assertEquals(a.nodeAttributes().names(), b.nodeAttributes().names());
        for (String name : a.nodeAttributes().names()) {
            for (int u = 0; u < a.nodeCount(); u++) assertEquals(a.nodeAttributes().get(u, name), b.nodeAttributes().get(u, name));
        }
    }

    /** Higgs activity: types, times and repeated pairs (563,069 rows, 304,691 users per SOURCE.txt). */
    @Test
    void higgsActivityWithTypesAndTimes() {
        InteractionGraph g = sameOnOneAndThreeThreads("datasets/higgs-twitter/higgs-activity_time.txt.gz", IngestOptions.defaults());
        assertEquals(304_691, g.nodeCount());
        assertEquals(354_930L, g.rowsByType().get(InteractionType.RETWEET));
    }

    /** Undirected email-Eu-core through the symmetric build: 16,064 non-loop pairs + 642 loops per SOURCE.txt. */
    @Test
    void undirectedEmail() {
        InteractionGraph g = sameOnOneAndThreeThreads("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults().withDirected(false));
        assertEquals(16_064 + 642, g.edgeCount());
    }

    /** A graph file with node attributes (football: 115 teams, 613 games, conference labels). */
    @Test
    void gmlWithAttributes() {
        InteractionGraph g = sameOnOneAndThreeThreads("datasets/football/football_newman.gml", IngestOptions.defaults());
        assertEquals(115, g.nodeCount());
        assertEquals(613, g.edgeCount());
        assertEquals("BrighamYoung", g.nodeAttributes().get(g.ids().index("0"), "label")); // node 0 of the file
        assertEquals("7", g.nodeAttributes().get(g.ids().index("0"), "value"));
    }
}
