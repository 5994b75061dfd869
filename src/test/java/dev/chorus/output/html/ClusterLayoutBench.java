package dev.chorus.output.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.Source;
import dev.chorus.generate.SocialGraphGenerator;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.output.ReportJson;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison behind {@link ClusterLayout}'s Javadoc and README: the hand-written layout against JGraphT's
 * {@code FRLayoutAlgorithm2D} (defaults, and tuned to 200 iterations and normalization 0.3), on the clusters
 * {@code analyze --seed 7} draws for Higgs, email-Eu-core, karate, les Misérables and a generated graph, and on
 * graphs whose right drawing is known. Per layout, means over 10 seeds of {@link LayoutQuality}; time as the ratio
 * to the hand-written layout, both timed side by side (best of 5 batches).
 */
@Tag("bench")
class ClusterLayoutBench {
    record Cluster(String name, int m, List<int[]> edges, long seed) {
    }

    interface Layout {
        double[][] of(int m, List<int[]> edges, long seed);
    }

    static final List<String> NAMES = List.of("hand-written", "JGraphT (100, 0.5)", "JGraphT (200, 0.3)");
    static final List<Layout> LAYOUTS = List.of(ClusterLayout::layout, ClusterLayoutTest::jgrapht, (m, e, s) -> tuned(m, e, s));

    @TempDir
    Path tmp;

    @Test
    void compare() throws Exception {
        List<Cluster> drawn = new ArrayList<>();
        drawn.addAll(drawn("higgs", "datasets/higgs-twitter/higgs-activity_time.txt.gz"));
        drawn.addAll(drawn("email-eu", "datasets/email-eu-core/email-Eu-core.txt.gz"));
        drawn.addAll(drawn("karate", "datasets/karate/karate_gt.gml"));
        drawn.addAll(drawn("lesmis", "datasets/lesmis/lesmis.gml"));
        Path gen = tmp.resolve("generated.txt");
        try (OutputStream out = Files.newOutputStream(gen)) {
            new SocialGraphGenerator(20_000, 100_000, 3, 0.15, 0.2, 0.8, true).write(out, rows -> { });
        }
        drawn.addAll(drawn("generated", gen.toString()));
        List<Cluster> known = List.of(new Cluster("grid 7x7", 49, LayoutQuality.grid(7), 7), new Cluster("cycle 30", 30, LayoutQuality.cycle(30), 7),
                new Cluster("binary tree 63", 63, LayoutQuality.binaryTree(63), 7),
                new Cluster("planted 3x20", 60, LayoutQuality.planted(3, 20, 0.4, 0.02, 11), 7),
                new Cluster("planted 5x30", 150, LayoutQuality.planted(5, 30, 0.3, 0.005, 11), 7));
        report("drawn clusters", drawn);
        report("graphs with a known drawing", known);
    }

    /** The clusters report.html draws, as ClusterDrawing reads them from report.json. */
    static List<Cluster> drawn(String name, String input) {
        GraphLoader.Loaded loaded = GraphLoader.load(input, IngestOptions.defaults());
        AnalysisResult r = Analysis.compute(loaded.graph(), AnalysisConfig.defaults().withSeed(7).withSeedingRuns(0));
        JsonNode tree = ReportJson.tree(r, new Source(input, "auto", loaded.rows()));
        List<Cluster> l = new ArrayList<>();
        for (JsonNode p : tree.path("passionate_clusters")) {
            if (!p.has("edges")) break;
            List<int[]> edges = new ArrayList<>();
            for (JsonNode e : p.path("edges")) edges.add(new int[] {e.get(0).asInt(), e.get(1).asInt()});
            l.add(new Cluster(name + " #" + p.path("rank").asInt(), p.path("members").size(), edges, 7 + p.path("cluster").asInt()));
        }
        return l;
    }

    static void report(String title, List<Cluster> clusters) {
        System.out.println(title + " (" + clusters.size() + "): crossings, stress, r(drawn, hop), min gap px, time ratio");
        double[][] sum = new double[LAYOUTS.size()][5];
        int correlated = 0;
        for (Cluster c : clusters) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s m=%3d e=%4d", c.name(), c.m(), c.edges().size()));
            double[] ms = new double[LAYOUTS.size()];
            for (int i = 0; i < LAYOUTS.size(); i++) ms[i] = time(LAYOUTS.get(i), c);
            boolean hasR = false;
            for (int i = 0; i < LAYOUTS.size(); i++) {
                double[] q = new double[4];
                for (int s = 0; s < 10; s++) {
                    LayoutQuality lq = LayoutQuality.of(LAYOUTS.get(i).of(c.m(), c.edges(), c.seed() + 1000L * s), c.m(), c.edges());
                    q[0] += lq.crossings() / 10.0;
                    q[1] += lq.stress() / 10;
                    q[2] += Double.isNaN(lq.distanceHopCorrelation()) ? 0 : lq.distanceHopCorrelation() / 10;
                    hasR |= !Double.isNaN(lq.distanceHopCorrelation());
                    q[3] += lq.minSeparationPx() / 10;
                }
                for (int k = 0; k < 4; k++) sum[i][k] += q[k];
                sum[i][4] += ms[i];
                line.append(String.format(Locale.ROOT, " | %.1f %.3f %.2f %.1f x%.2f", q[0], q[1], q[2], q[3], ms[i] / ms[0]));
            }
            if (hasR) correlated++;
            System.out.println(line);
        }
        for (int i = 0; i < LAYOUTS.size(); i++) {
            System.out.printf(Locale.ROOT, "  mean %-18s crossings %.1f, stress %.4f, r %.3f (over %d non-cliques), min gap %.1f px, time x%.2f%n", NAMES.get(i),
                    sum[i][0] / clusters.size(), sum[i][1] / clusters.size(), sum[i][2] / correlated, correlated, sum[i][3] / clusters.size(),
                    sum[i][4] / sum[0][4]);
        }
    }

    /** Milliseconds per layout, best of 5 batches after a warm-up. */
    static double time(Layout layout, Cluster c) {
        int reps = c.m() > 40 ? 5 : 50;
        for (int w = 0; w < reps; w++) layout.of(c.m(), c.edges(), w);
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < 5; b++) {
            long t0 = System.nanoTime();
            for (int w = 0; w < reps; w++) layout.of(c.m(), c.edges(), w);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6 / reps);
        }
        return best;
    }

    static double[][] tuned(int m, List<int[]> edges, long seed) {
        return ClusterLayoutTest.jgrapht(m, edges, seed, 200, 0.3);
    }
}
