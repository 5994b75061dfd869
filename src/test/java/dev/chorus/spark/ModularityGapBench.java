package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.community.Communities;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.community.CommunitySettings;
import dev.chorus.community.LabelPropagationConfig;
import dev.chorus.community.Modularity;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Column;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * What Spark's communities give up: the modularity of {@link SparkLabelPropagation} (what {@code spark analyze}
 * writes) against the embedded Leiden (what {@code analyze} writes) and the embedded label propagation, on every
 * shipped dataset as {@code scripts/analyze-digest} reads it, three seeds each, all measured with the one
 * {@link Modularity#of(InteractionGraph, int[])} on the same graph. The Spark graph is built from the embedded
 * graph's edges (Spark reads no GML), the way {@link SparkInput} aggregates rows. Writes the README table to
 * {@code target/modularity-gap.md}. Run: {@code mvn test -Dtest=ModularityGapBench -Dchorus.test.excludedGroups=none}.
 */
@Tag("bench")
class ModularityGapBench {
    static final long[] SEEDS = {1, 2, 3};

    record Dataset(String name, String path, IngestOptions options) {
    }

    static final List<Dataset> DATASETS = List.of(
            new Dataset("karate", "datasets/karate/karate_gt.gml", IngestOptions.defaults()),
            new Dataset("dolphins", "datasets/dolphins/dolphins_gt.gml", IngestOptions.defaults()),
            new Dataset("lesmis", "datasets/lesmis/lesmis.gml", IngestOptions.defaults()),
            new Dataset("polbooks", "datasets/polbooks/polbooks_gt.gml", IngestOptions.defaults()),
            new Dataset("football", "datasets/football/football_gt.gml", IngestOptions.defaults()),
            new Dataset("email-eu-core", "datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults()),
            new Dataset("college-msg", "datasets/college-msg/CollegeMsg.txt.gz",
                    IngestOptions.defaults().withColumns(Column.parseList("source,target,timestamp"))),
            new Dataset("wiki-vote", "datasets/wiki-vote/Wiki-Vote.txt.gz", IngestOptions.defaults()),
            new Dataset("nethept", "datasets/nethept/NetHEPT_directed_wc.txt.gz", IngestOptions.defaults().withSkipLines(1)),
            new Dataset("higgs-twitter", "datasets/higgs-twitter/higgs-activity_time.txt.gz", IngestOptions.defaults()));

    @Test
    void labelPropagationAgainstLeiden() throws Exception {
        JavaSparkContext sc = SparkTestContext.get();
        StringBuilder table = new StringBuilder("| dataset | nodes | edges | Leiden Q | embedded LPA Q | Spark LPA Q | gap (Leiden - Spark LPA) "
                + "| communities: Leiden / Spark LPA |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Dataset d : DATASETS) {
            InteractionGraph g = GraphLoader.load(d.path(), d.options()).graph();
            double[] leiden = new double[SEEDS.length];
            double[] lpa = new double[SEEDS.length];
            double[] spark = new double[SEEDS.length];
            int leidenCount = 0;
            int sparkCount = 0;
            SparkGraph sg = SparkGraph.of(edges(sc, g), g.isDirected());
            for (int i = 0; i < SEEDS.length; i++) {
                CommunitySettings s = CommunitySettings.defaults().withSeed(SEEDS[i]);
                Communities l = CommunityAlgorithms.LEIDEN.compute(g, s, Progress.NONE);
                leiden[i] = Modularity.of(g, l.membership());
                lpa[i] = Modularity.of(g, CommunityAlgorithms.LPA.compute(g, s, Progress.NONE).membership());
                Map<String, Long> labels = sg.ids().join(SparkLabelPropagation.compute(sg, LabelPropagationConfig.defaults().withSeed(SEEDS[i]),
                        Progress.NONE).labels()).values().mapToPair(x -> x).collectAsMap();
                assertEquals(g.nodeCount(), labels.size());
                int[] membership = new int[g.nodeCount()];
                for (int u = 0; u < membership.length; u++) membership[u] = (int) (long) labels.get(g.ids().id(u));
                Communities sparkPartition = Communities.of("lpa", g.ids(), membership, Double.NaN, 1, 0, true);
                spark[i] = Modularity.of(g, sparkPartition.membership());
                if (i == 0) {
                    leidenCount = l.count();
                    sparkCount = sparkPartition.count();
                }
            }
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %.3f | %,d / %,d |%n", d.name(), g.nodeCount(), g.edgeCount(),
                    range(leiden), range(lpa), range(spark), mean(leiden) - mean(spark), leidenCount, sparkCount));
            System.out.print(table);
        }
        Files.writeString(Path.of("target/modularity-gap.md"), table);
    }

    /** The graph's edges as {@link SparkInput} hands them to {@link SparkGraph#of}: (source, target) by original id. */
    static JavaPairRDD<Tuple2<String, String>, Double> edges(JavaSparkContext sc, InteractionGraph g) {
        List<Tuple2<Tuple2<String, String>, Double>> list = new ArrayList<>();
        Adjacency out = g.out();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (!g.isDirected() && u > v) continue;
                String a = g.ids().id(u);
                String b = g.ids().id(v);
                if (!g.isDirected() && a.compareTo(b) > 0) list.add(new Tuple2<>(new Tuple2<>(b, a), out.weight(e)));
                else list.add(new Tuple2<>(new Tuple2<>(a, b), out.weight(e)));
            }
        }
        return JavaPairRDD.fromJavaRDD(sc.parallelize(list, 2));
    }

    /** mean (min to max) over the seeds. */
    static String range(double[] q) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double x : q) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", mean(q), min, max);
    }

    static double mean(double[] q) {
        double s = 0;
        for (double x : q) s += x;
        return s / q.length;
    }
}
