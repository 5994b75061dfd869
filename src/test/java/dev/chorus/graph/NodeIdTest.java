package dev.chorus.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.IngestOptions.NodeId;
import dev.chorus.ingest.RejectedRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --node-id label} names GML nodes by label (NetworkX's read_gml), without changing the graph. */
class NodeIdTest {
    static final String FOOTBALL = "datasets/football/football_gt.gml";

    @Test
    void footballByLabelIsTheSameGraphRenamed() {
        InteractionGraph byId = GraphLoader.load(FOOTBALL, IngestOptions.defaults()).graph();
        InteractionGraph byLabel = GraphLoader.load(FOOTBALL, IngestOptions.defaults().withNodeId(NodeId.LABEL)).graph();
        assertEquals(115, byLabel.nodeCount());
        assertEquals(byId.edgeCount(), byLabel.edgeCount());
        for (int u = 0; u < byId.nodeCount(); u++) {
            String label = byId.nodeAttributes().get(u, "label");
            int v = byLabel.ids().index(label);
            assertTrue(v >= 0, label);
            assertEquals(byId.undirected().degree(u), byLabel.undirected().degree(v), label);
        }
        // The file's first records: node 0 is BrighamYoung, node 1 FloridaState, and edge [source 1 target 0].
        assertTrue(byLabel.arc(byLabel.ids().index("FloridaState"), byLabel.ids().index("BrighamYoung")) >= 0
                || byLabel.arc(byLabel.ids().index("BrighamYoung"), byLabel.ids().index("FloridaState")) >= 0);
    }

    @Test
    void missingAndDuplicateLabelsAreRejectedRows(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.gml");
        Files.writeString(f, "graph [\n node [ id 1 label \"a\" ]\n node [ id 2 label \"a\" ]\n node [ id 3 ]\n"
                + " node [ id 4 label \"d\" ]\n edge [ source 1 target 4 ]\n edge [ source 2 target 4 ]\n]\n");
        List<RejectedRow> rejected = new ArrayList<>();
        GraphLoader.Loaded l = GraphLoader.load(f.toString(), IngestOptions.defaults().withNodeId(NodeId.LABEL), rejected::add,
                dev.chorus.progress.Progress.NONE);
        assertEquals(List.of("a", "d"), List.of(l.graph().ids().id(0), l.graph().ids().id(1)));
        assertEquals(2, l.graph().nodeCount());
        assertEquals(3, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).reason().contains("label 'a' already names another node"), rejected.get(0).reason());
        assertEquals(3, rejected.get(0).line());
        assertTrue(rejected.get(1).reason().contains("missing field 'label'"), rejected.get(1).reason());
        assertTrue(rejected.get(2).reason().contains("unknown node '2'"), rejected.get(2).reason());
        assertEquals(1, l.graph().edgeCount());
    }
}
