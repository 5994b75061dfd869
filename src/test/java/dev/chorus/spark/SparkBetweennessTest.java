package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.centrality.Betweenness;
import dev.chorus.centrality.BetweennessConfig;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.ingest.Column;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.AsUnweightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

/**
 * Distributed betweenness: exact on small graphs against JGraphT's Brandes (an independent implementation), and
 * sampled on shipped datasets against the embedded engine given the embedded run's sources, to floating point.
 */
class SparkBetweennessTest {
    private static final JavaSparkContext SC = SparkTestContext.get();

    private static SparkGraph spark(String path, IngestOptions options) {
        SparkInput.Result in = SparkInput.read(SC, path, SparkInput.Options.of(options), 3);
        return SparkGraph.of(in.edges(), in.directed());
    }

    /** Every source (samples 0): JGraphT's exact unnormalized betweenness (undirected pairs once, as ours). */
    @Test
    void exactEqualsJGraphT() {
        for (String[] c : new String[][] {{"datasets/karate/karate_weighted_networkx.tsv", "undirected"},
                {"datasets/dolphins/dolphins.edges", "undirected"}, {"datasets/email-eu-core/email-Eu-core.txt.gz", "directed"}}) {
            IngestOptions options = c[1].equals("undirected") ? IngestOptions.defaults().withDirected(false) : IngestOptions.defaults();
            InteractionGraph g = GraphLoader.load(c[0], options).graph();
            Graph<String, DefaultWeightedEdge> jg = new AsUnweightedGraph<>(g.toJGraphT());
            Map<String, Double> expected = new BetweennessCentrality<>(jg).getScores();
            SparkGraph sg = spark(c[0], options);
            Broadcast<SparkLocalGraph> b = SparkLocalGraph.broadcast(SC, sg, false);
            try {
                Map<Long, Double> byVertex = SparkBetweenness.compute(SC, sg, b, BetweennessConfig.defaults(), 3, Progress.NONE).collectAsMap();
                Map<Long, String> ids = sg.ids().collectAsMap();
                assertEquals(g.nodeCount(), byVertex.size());
                double max = 0;
                for (Map.Entry<Long, Double> e : byVertex.entrySet()) {
                    double want = expected.get(ids.get(e.getKey()));
                    assertEquals(want, e.getValue(), 1e-9 * Math.max(1, want), c[0] + " node " + ids.get(e.getKey()));
                    max = Math.max(max, want);
                }
                assertTrue(max > 10, "a graph with brokers");
            } finally {
                SparkLocalGraph.release(b);
            }
        }
    }

    /** 200 sampled sources: the embedded estimate to floating point, whatever the partition count. */
    @Test
    void sampledEqualsEmbeddedWithTheSameSources() {
        for (String[] c : new String[][] {{"datasets/email-eu-core/email-Eu-core.txt.gz", ""},
                {"datasets/college-msg/CollegeMsg.txt.gz", "source,target,timestamp"}}) {
            IngestOptions options = c[1].isEmpty() ? IngestOptions.defaults() : IngestOptions.defaults().withColumns(Column.parseList(c[1]));
            InteractionGraph g = GraphLoader.load(c[0], options).graph();
            BetweennessConfig config = BetweennessConfig.defaults().withSamples(200).withSeed(7);
            NodeScores embedded = Betweenness.compute(g, config);
            int[] sources = Betweenness.sources(g.nodeCount(), config);
            assertEquals(200, sources.length);
            String[] sourceIds = new String[sources.length];
            for (int i = 0; i < sources.length; i++) sourceIds[i] = g.ids().id(sources[i]);
            SparkGraph sg = spark(c[0], options);
            Broadcast<SparkLocalGraph> b = SparkLocalGraph.broadcast(SC, sg, false);
            try {
                for (int partitions : new int[] {1, 4}) {
                    double[] spark = SparkBetweenness.compute(SC, b, sourceIds, config, partitions, Progress.NONE);
                    String[] ids = b.value().ids();
                    int positive = 0;
                    for (int i = 0; i < ids.length; i++) {
                        double want = embedded.get("betweenness", ids[i]);
                        assertEquals(want, spark[i], 1e-9 * Math.max(1, want), c[0] + " node " + ids[i] + ", " + partitions + " partitions");
                        if (want > 0) positive++;
                    }
                    assertTrue(positive > 100, "sampled searches reach brokers: " + positive);
                }
            } finally {
                SparkLocalGraph.release(b);
            }
        }
    }
}
