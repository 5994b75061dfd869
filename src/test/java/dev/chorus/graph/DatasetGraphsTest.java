package dev.chorus.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.ingest.Column;
import dev.chorus.ingest.Format;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InteractionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped real datasets load with exactly the counts their SOURCE.txt gives (verified there independently
 * with python/networkx and against the SNAP pages).
 */
class DatasetGraphsTest {
    static final String HIGGS = "datasets/higgs-twitter/";

    static GraphLoader.Loaded load(String path, IngestOptions options) {
        return GraphLoader.load(path, options);
    }

    static GraphLoader.Loaded load(String path) {
        return load(path, IngestOptions.defaults());
    }

    @Test
    void higgsReply() {
        GraphLoader.Loaded l = load(HIGGS + "higgs-reply_network.edgelist.gz");
        InteractionGraph g = l.graph();
        assertEquals(Format.SNAP, l.format());
        assertEquals(38_918, g.nodeCount());
        assertEquals(32_523, g.edgeCount());
        assertEquals(36_902, g.weightSum(), 0);
        assertEquals(343, g.selfLoopCount());
        assertEquals(32_523, l.rows().read());
        assertEquals(0, l.rows().rejected());
    }

    @Test
    void higgsRetweetAndMention() {
        InteractionGraph rt = load(HIGGS + "higgs-retweet_network.edgelist.gz").graph();
        assertEquals(256_491, rt.nodeCount());
        assertEquals(328_132, rt.edgeCount());
        assertEquals(354_930, rt.weightSum(), 0);
        assertEquals(0, rt.selfLoopCount());
        InteractionGraph mt = load(HIGGS + "higgs-mention_network.edgelist.gz").graph();
        assertEquals(116_408, mt.nodeCount());
        assertEquals(150_818, mt.edgeCount());
        assertEquals(171_237, mt.weightSum(), 0);
        assertEquals(5_353, mt.selfLoopCount());
    }

    /**
     * SOURCE.txt: aggregating the activity rows by (A, B) per type reproduces each weighted layer exactly. So
     * every arc's per-type count must equal the weight of the same arc in that layer, and no arc is missing.
     */
    @Test
    void higgsActivityAggregatesToTheThreeLayers() {
        GraphLoader.Loaded l = load(HIGGS + "higgs-activity_time.txt.gz");
        InteractionGraph g = l.graph();
        assertEquals(563_069, l.rows().read());
        assertEquals(563_069, l.rows().loaded());
        assertEquals(304_691, g.nodeCount());
        assertEquals(List.of(InteractionType.RETWEET, InteractionType.MENTION, InteractionType.REPLY), g.types());
        assertEquals(354_930L, g.rowsByType().get(InteractionType.RETWEET));
        assertEquals(171_237L, g.rowsByType().get(InteractionType.MENTION));
        assertEquals(36_902L, g.rowsByType().get(InteractionType.REPLY));
        assertEquals(563_069, g.weightSum(), 0);
        long[] range = g.timeRange();
        assertEquals(1_341_100_972L, range[0]);
        assertEquals(1_341_705_593L, range[1]);

        String[] layers = {"higgs-retweet_network.edgelist.gz", "higgs-mention_network.edgelist.gz", "higgs-reply_network.edgelist.gz"};
        InteractionType[] types = {InteractionType.RETWEET, InteractionType.MENTION, InteractionType.REPLY};
        for (int k = 0; k < 3; k++) {
            InteractionGraph layer = load(HIGGS + layers[k]).graph();
            long arcsWithType = 0;
            for (int e = 0; e < g.arcCount(); e++) if (g.typeCount(e, types[k]) > 0) arcsWithType++;
            assertEquals(layer.arcCount(), arcsWithType, layers[k]);
            for (int u = 0; u < layer.nodeCount(); u++) {
                int gu = g.ids().index(layer.ids().id(u));
                for (int e = layer.out().start(u); e < layer.out().end(u); e++) {
                    int gv = g.ids().index(layer.ids().id(layer.out().neighbor(e)));
                    int ge = g.arc(gu, gv);
                    assertTrue(ge >= 0);
                    assertEquals(layer.out().weight(e), g.typeCount(ge, types[k]), 0);
                }
            }
        }
    }

    @Test
    void emailEuCore() {
        InteractionGraph g = load("datasets/email-eu-core/email-Eu-core.txt.gz").graph();
        assertEquals(1_005, g.nodeCount());
        assertEquals(25_571, g.edgeCount());
        assertEquals(642, g.selfLoopCount());
        assertEquals(17_730.0 / (25_571 - 642), g.reciprocity(), 1e-12);
        assertEquals(2 * 16_064, g.undirected().size());
    }

    /**
     * The csv, tsv and jsonl readers on real data: CollegeMsg's messages rewritten in each format (header,
     * quoted ids, ISO times for csv) must give SOURCE.txt's counts exactly, like the snap original.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"csv", "tsv", "jsonl"})
    void collegeMsgInEveryRowFormat(String format) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        switch (format) {
            case "csv" -> text.append("\uFEFFsender,\"receiver\",time\r\n");
            case "tsv" -> text.append("source\ttarget\ttimestamp\n");
            default -> { }
        }
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                java.nio.file.Files.newInputStream(java.nio.file.Path.of("datasets/college-msg/CollegeMsg.txt.gz")))))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ");
                long t = Long.parseLong(f[2]);
                switch (format) {
                    case "csv" -> text.append('"').append(f[0]).append("\",").append(f[1]).append(',')
                            .append(java.time.Instant.ofEpochSecond(t)).append("\r\n");
                    case "tsv" -> text.append(f[0]).append('\t').append(f[1]).append('\t').append(t).append('\n');
                    default -> text.append("{\"source\":\"").append(f[0]).append("\",\"target\":").append(f[1])
                            .append(",\"timestamp\":").append(t).append(",\"type\":\"message\"}\n");
                }
            }
        }
        GraphLoader.Loaded l = GraphLoader.load(dev.chorus.ingest.InputSource.of("college." + format,
                text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), IngestOptions.defaults(), r -> { },
                dev.chorus.progress.Progress.NONE);
        assertEquals(Format.valueOf(format.toUpperCase()), l.format());
        assertEquals(59_835, l.rows().read());
        assertEquals(59_835, l.rows().loaded());
        assertEquals(1_899, l.graph().nodeCount());
        assertEquals(20_296, l.graph().edgeCount());
        assertEquals(1_082_040_961L, l.graph().timeRange()[0]);
        assertEquals(1_098_777_142L, l.graph().timeRange()[1]);
    }

    @Test
    void collegeMsgWithTimestampColumn() {
        GraphLoader.Loaded l = load("datasets/college-msg/CollegeMsg.txt.gz",
                IngestOptions.defaults().withColumns(Column.parseList("source,target,timestamp")));
        InteractionGraph g = l.graph();
        assertEquals(59_835, l.rows().loaded());
        assertEquals(1_899, g.nodeCount());
        assertEquals(20_296, g.edgeCount());
        assertEquals(2 * 13_838, g.undirected().size());
        assertEquals(0, g.selfLoopCount());
        assertEquals(1_082_040_961L, g.timeRange()[0]);
        assertEquals(1_098_777_142L, g.timeRange()[1]);
        assertEquals(59_835, g.weightSum(), 0);
    }

    @Test
    void wikiVote() {
        InteractionGraph g = load("datasets/wiki-vote/Wiki-Vote.txt.gz").graph();
        assertEquals(7_115, g.nodeCount());
        assertEquals(103_689, g.edgeCount());
        assertEquals(5_854.0 / 103_689, g.reciprocity(), 1e-12);
        assertEquals(2 * 100_762, g.undirected().size());
    }

    @Test
    void netHeptCountLineIsRejectedOrSkipped() {
        String path = "datasets/nethept/NetHEPT_directed_wc.txt.gz";
        GraphLoader.Loaded plain = load(path);
        assertEquals(62_753, plain.rows().read());
        assertEquals(1, plain.rows().rejected());
        assertEquals(1, plain.firstRejected().get(0).line());
        assertTrue(plain.firstRejected().get(0).reason().contains("--skip 1"), plain.firstRejected().get(0).reason());
        GraphLoader.Loaded skipped = load(path, IngestOptions.defaults().withSkipLines(1));
        assertEquals(0, skipped.rows().rejected());
        assertEquals(15_229, skipped.graph().nodeCount());
        assertEquals(62_752, skipped.graph().edgeCount());
        // weighted-cascade probabilities: p(u->v) = 1/indeg(v), so every node's in-weights sum to ~1
        InteractionGraph g = skipped.graph();
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.in().degree(v) > 0) assertEquals(1.0, g.in().weightedDegree(v), 1e-4);
        }
    }

    @Test
    void netHeptMultigraphAggregatesRepeatedPairs() {
        GraphLoader.Loaded l = load("datasets/nethept/NetHEPT_multigraph_wc.txt.gz", IngestOptions.defaults().withSkipLines(1));
        assertEquals(58_891, l.rows().loaded());
        assertEquals(32_235, l.graph().edgeCount());
        assertEquals(2 * 31_376, l.graph().undirected().size());
    }

    @Test
    void karateWeightedTsvIsReadAsWhitespaceEdgeList() {
        GraphLoader.Loaded l = load("datasets/karate/karate_weighted_networkx.tsv", IngestOptions.defaults().withDirected(false));
        assertEquals(Format.SNAP, l.format());
        assertEquals(34, l.graph().nodeCount());
        assertEquals(78, l.graph().edgeCount());
        assertEquals(78, l.rows().loaded());
    }
}
