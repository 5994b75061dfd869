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
class LoadThreadsTest {
    static InteractionGraph load(String path, IngestOptions options, int threads) {
        return GraphLoader.load(path, options.withThreads(threads)).graph();
    }

    static void assertSameGraph(InteractionGraph a, InteractionGraph b) {
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
        String path = "datasets/higgs-twitter/higgs-activity_time.txt.gz";
        InteractionGraph one = load(path, IngestOptions.defaults(), 1);
        InteractionGraph three = load(path, IngestOptions.defaults(), 3);
        assertEquals(304_691, three.nodeCount());
        assertEquals(354_930L, three.rowsByType().get(InteractionType.RETWEET));
        assertSameGraph(one, three);
    }

    /** Undirected email-Eu-core through the symmetric build: 16,064 non-loop pairs + 642 loops per SOURCE.txt. */
    @Test
    void undirectedEmail() {
        String path = "datasets/email-eu-core/email-Eu-core.txt.gz";
        InteractionGraph one = load(path, IngestOptions.defaults().withDirected(false), 1);
        InteractionGraph three = load(path, IngestOptions.defaults().withDirected(false), 3);
        assertEquals(16_064 + 642, three.edgeCount());
        assertSameGraph(one, three);
    }

    /** A graph file with node attributes (football: 115 teams, 613 games, conference labels). */
    @Test
    void gmlWithAttributes() {
        String path = "datasets/football/football_newman.gml";
        InteractionGraph one = load(path, IngestOptions.defaults(), 1);
        InteractionGraph three = load(path, IngestOptions.defaults(), 3);
        assertEquals(115, three.nodeCount());
        assertEquals(613, three.edgeCount());
        assertSameGraph(one, three);
    }
}
