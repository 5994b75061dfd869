package dev.chorus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.analysis.Layers;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputSource;
import dev.chorus.ingest.InteractionType;
import dev.chorus.progress.Progress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link LayerGraph} filters the graph's arcs in place; the reference builds the layer from scratch through
 * {@link GraphBuilder}, one row per arc of the graph weighted by its rows of the layer's types, every node added in
 * index order: the two must be the same graph, array for array.
 */
public class LayerGraphTest {
    /** The layer built from rows, as a user of the library would. */
    public static InteractionGraph rebuilt(InteractionGraph g, Set<InteractionType> types) {
        GraphBuilder b = new GraphBuilder(g.isDirected());
        for (int u = 0; u < g.nodeCount(); u++) b.addNode(g.ids().id(u));
        Adjacency out = g.out();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (!g.isDirected() && v < u) continue;
                long rows = 0;
                for (InteractionType t : types) rows += g.typeCount(e, t);
                if (rows > 0) b.add(g.ids().id(u), g.ids().id(v), rows);
            }
        }
        return b.build();
    }

    static void assertSameGraph(InteractionGraph expected, InteractionGraph actual) {
        assertEquals(expected.nodeCount(), actual.nodeCount());
        assertEquals(expected.isDirected(), actual.isDirected());
        for (int u = 0; u < expected.nodeCount(); u++) assertEquals(expected.ids().id(u), actual.ids().id(u));
        for (Adjacency[] a : new Adjacency[][] {{expected.out(), actual.out()}, {expected.in(), actual.in()}}) {
            assertArrayEquals(a[0].offsets(), a[1].offsets());
            assertArrayEquals(a[0].neighbors(), a[1].neighbors());
            assertArrayEquals(a[0].weights(), a[1].weights());
        }
        assertEquals(expected.types(), actual.types());
    }

    @Test
    void higgsLayersEqualTheRebuiltOnes() {
        InteractionGraph g = GraphLoader.load("datasets/higgs-twitter/higgs-activity_time.txt.gz", IngestOptions.defaults()).graph();
        for (Set<InteractionType> layer : java.util.List.of(Layers.SPREAD, Layers.TALK)) {
            InteractionGraph filtered = LayerGraph.of(g, layer);
            assertTrue(filtered.out().size() > 0 && filtered.out().size() < g.out().size());
            assertSameGraph(rebuilt(g, layer), filtered);
        }
    }

    @Test
    void undirectedLayerKeepsBothArcsOfAPairAndTheLoop() {
        String rows = "a b 1 RT\nb a 2 RT\na c 3 RE\nc c 4 RT\nd a 5 MT\nb c 6 RE\nb c 7 RT\n";
        InteractionGraph g = GraphLoader.load(InputSource.of("u.txt", rows.getBytes(StandardCharsets.UTF_8)),
                IngestOptions.defaults().withDirected(false), r -> { }, Progress.NONE).graph();
        for (Set<InteractionType> layer : java.util.List.of(Layers.SPREAD, Layers.TALK)) {
            assertSameGraph(rebuilt(g, layer), LayerGraph.of(g, layer));
        }
        InteractionGraph spread = LayerGraph.of(g, Layers.SPREAD);
        int a = g.ids().index("a"), b = g.ids().index("b");
        assertEquals(2.0, spread.out().weight(spread.out().start(a))); // a-b: two retweets, one per direction
        assertEquals(1, spread.selfLoopCount());
        assertEquals(b, spread.out().neighbor(spread.out().start(a)));
    }
}
