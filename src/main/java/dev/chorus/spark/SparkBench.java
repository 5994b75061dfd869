package dev.chorus.spark;

import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.community.ComponentsConfig;
import dev.chorus.community.ConnectedComponents;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.IngestOptions;
import java.util.Locale;
import dev.chorus.progress.Progress;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Side-by-side benchmark: the embedded engine and Spark on the same machine and input, PageRank and weakly
 * connected components, plus Spark's fixed cost per PageRank iteration (measured on a tiny graph), from which
 * the README's estimate of the cluster size at which Spark overtakes is computed.
 * <p>
 * {@code java <spark flags> -cp target/chorus.jar:$(cat target/spark-classpath.txt) dev.chorus.spark.SparkBench
 * INPUT [MASTER [PARTITIONS [THREADS [FIXED_ITERATIONS]]]]}; prints one line per measurement and a summary with ratios.
 * With {@code analyze} first, the whole {@code analyze} per step on both engines ({@link #analyze}).
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("analyze")) {
            analyze(args[1], args.length > 2 ? args[2] : "local[2]", args.length > 3 ? Integer.parseInt(args[3]) : 4,
                    args.length > 4 ? Integer.parseInt(args[4]) : 2);
            return;
        }
        String input = args[0];
        String master = args.length > 1 ? args[1] : "local[2]";
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        // > 0: PageRank runs exactly this many iterations on both engines (NetworkX's stopping rule, sum of changes
        // < n * 1e-6, stops a million-node graph after one or two iterations)
        int fixed = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int maxIterations = fixed > 0 ? fixed : 100;
        double tolerance = fixed > 0 ? 1e-300 : 1e-6;
        String tiny = "datasets/karate/karate.edges";

        long t = System.nanoTime();
        InteractionGraph g = GraphLoader.load(input, IngestOptions.defaults()).graph();
        double embLoad = secs(t);
        line("embedded load", embLoad, g.nodeCount() + " nodes, " + g.edgeCount() + " edges");
        PageRankConfig pr = PageRankConfig.defaults().withThreads(threads).withMaxIterations(maxIterations).withTolerance(tolerance);
        PageRank.compute(g, pr); // warm-up
        t = System.nanoTime();
        int embIterations = PageRank.compute(g, pr).iterations();
        double embPr = secs(t);
        line("embedded pagerank", embPr, embIterations + " iterations, " + threads + " threads");
        double embWcc = Double.NaN;
        if (fixed == 0) {
            ConnectedComponents.compute(g, ComponentsConfig.defaults());
            t = System.nanoTime();
            int comps = ConnectedComponents.compute(g, ComponentsConfig.defaults()).count();
            embWcc = secs(t);
            line("embedded wcc", embWcc, comps + " components");
        }
        long edges = g.edgeCount();
        g = null;

        JavaSparkContext sc = SparkJob.context(master, partitions);
        try {
            // fixed cost: PageRank iterations on a 78-edge graph are pure scheduling
            SparkGraph small = build(sc, tiny, partitions);
            PageRankConfig twenty = PageRankConfig.defaults().withMaxIterations(20).withTolerance(1e-300);
            SparkPageRank.compute(small, twenty, Progress.NONE).scores().count();
            t = System.nanoTime();
            SparkPageRank.compute(small, twenty, Progress.NONE).scores().count();
            double overhead = secs(t) / 20;
            line("spark iteration overhead", overhead, "per PageRank iteration on karate (78 edges)");

            t = System.nanoTime();
            SparkInput.Result in = SparkInput.read(sc, input, SparkInput.Options.of(IngestOptions.defaults()), partitions);
            in.read().get();
            double sparkRead = secs(t);
            line("spark read+aggregate", sparkRead, in.edges().count() + " edges");
            t = System.nanoTime();
            SparkGraph sg = SparkGraph.of(in.edges(), in.directed());
            sg.graph().edges().count();
            double sparkBuild = secs(t);
            line("spark graph build", sparkBuild, sg.nodeCount() + " nodes");
            t = System.nanoTime();
            SparkPageRank.Result ranks = SparkPageRank.compute(sg, pr, Progress.NONE);
            ranks.scores().count();
            double sparkPr = secs(t);
            line("spark pagerank", sparkPr, ranks.iterations() + " iterations");
            double sparkWcc = Double.NaN;
            if (fixed == 0) {
                t = System.nanoTime();
                long sparkComps = SparkComponents.compute(sg, ComponentsConfig.defaults(), Progress.NONE).values().distinct().count();
                sparkWcc = secs(t);
                line("spark wcc", sparkWcc, sparkComps + " components");
            }

            int cores = sc.defaultParallelism();
            double perIteration = sparkPr / ranks.iterations();
            double work = Math.max(1e-9, perIteration - overhead);
            double edgesPerCoreSecond = edges / (work * Math.min(cores, partitions));
            System.out.printf(Locale.ROOT, "%nsummary: spark/embedded pagerank %.1fx, wcc %.1fx (same machine, %s, %d partitions)%n",
                    sparkPr / embPr, sparkWcc / embWcc, master, partitions);
            System.out.printf(Locale.ROOT, "spark pagerank: %.3f s per iteration = %.3f s fixed + %.3f s work; %.2e edges per core-second%n",
                    perIteration, overhead, work, edgesPerCoreSecond);
            System.out.printf(Locale.ROOT, "embedded pagerank: %.3f s per iteration on %d threads; %.2e edges per thread-second%n",
                    embPr / embIterations, threads, edges * (double) embIterations / (embPr * threads));
        } finally {
            sc.stop();
        }
    }

    /**
     * {@code analyze INPUT [MASTER [PARTITIONS [THREADS]]]}: the embedded {@code analyze} and {@code spark analyze}
     * one after the other in this JVM, with their default settings, and each step's wall time side by side. Steps
     * that exist in one engine only are listed with one time; the embedded load is set against Spark's read + graph.
     * With a {@code spark://} master this JVM is Spark's driver and the executors run elsewhere (the test-scope
     * {@code SparkClusterBench} starts a standalone cluster for it).
     */
    static void analyze(String input, String master, int partitions, int threads) throws java.io.IOException {
        long t0 = System.nanoTime();
        long t = t0;
        InteractionGraph g = GraphLoader.load(input, IngestOptions.defaults()).graph();
        java.util.Map<String, Double> embedded = new java.util.LinkedHashMap<>();
        embedded.put("load", secs(t));
        line("embedded load", embedded.get("load"), g.nodeCount() + " nodes, " + g.edgeCount() + " edges");
        dev.chorus.analysis.AnalysisConfig config = dev.chorus.analysis.AnalysisConfig.defaults().withThreads(threads);
        embedded.putAll(dev.chorus.analysis.Analysis.compute(g, config).seconds());
        embedded.forEach((k, v) -> line("embedded " + k, v, ""));
        double embeddedTotal = secs(t0);
        line("embedded total", embeddedTotal, "load and analysis, wall");
        g = null;
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("chorus-sparkbench");
        t0 = System.nanoTime();
        JavaSparkContext sc = SparkJob.context(master, partitions);
        line("spark context", secs(t0), master);
        java.util.Map<String, Double> spark = new java.util.LinkedHashMap<>();
        try {
            SparkJob.Config c = new SparkJob.Config(null, input, SparkInput.Options.of(IngestOptions.defaults()), out, partitions, config.seed(),
                    PageRankConfig.defaults(), dev.chorus.community.LabelPropagationConfig.defaults().withSeed(config.seed()), java.util.List.of(),
                    dev.chorus.diffusion.SimulationConfig.defaults(), false, null);
            SparkJob.analyze(sc, c, new java.io.PrintWriter(System.err, true), config);
            dev.chorus.output.ReportJson.read(out.resolve("report.json")).path("timings_seconds").fields()
                    .forEachRemaining(e -> spark.put(e.getKey(), e.getValue().asDouble()));
        } finally {
            sc.stop();
        }
        double sparkTotal = secs(t0);
        spark.forEach((k, v) -> line("spark " + k, v, ""));
        line("spark total", sparkTotal, "context, job and stop, wall");
        System.out.printf(Locale.ROOT, "%nsummary: step, embedded s, spark s, spark/embedded (same machine, embedded in this JVM, spark on %s, %d partitions, "
                + "%d threads; totals %.1f s and %.1f s)%n", master, partitions, threads, embeddedTotal, sparkTotal);
        java.util.Map<String, Double> sparkSteps = new java.util.LinkedHashMap<>(spark);
        double sparkLoad = sparkSteps.getOrDefault("read", 0.0) + sparkSteps.getOrDefault("graph", 0.0);
        sparkSteps.remove("read");
        sparkSteps.remove("graph");
        sparkSteps.put("load", sparkLoad);
        java.util.Set<String> steps = new java.util.LinkedHashSet<>(embedded.keySet());
        steps.addAll(sparkSteps.keySet());
        for (String step : steps) {
            Double e = embedded.get(step);
            Double k = sparkSteps.get(step);
            System.out.printf(Locale.ROOT, "%-12s %10s %10s %8s%n", step, e == null ? "-" : String.format(Locale.ROOT, "%.2f", e),
                    k == null ? "-" : String.format(Locale.ROOT, "%.2f", k), e == null || k == null ? "" : String.format(Locale.ROOT, "%.1fx", k / e));
        }
    }

    private static SparkGraph build(JavaSparkContext sc, String path, int partitions) {
        SparkInput.Result in = SparkInput.read(sc, path, SparkInput.Options.of(IngestOptions.defaults()), partitions);
        return SparkGraph.of(in.edges(), in.directed());
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void line(String what, double s, String note) {
        System.out.printf(Locale.ROOT, "bench %-26s %8.3f s  %s%n", what, s, note);
        System.out.flush();
    }
}
