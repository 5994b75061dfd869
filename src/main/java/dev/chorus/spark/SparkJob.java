package dev.chorus.spark;

import dev.chorus.centrality.Centralities;
import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.centrality.BetweennessConfig;
import dev.chorus.centrality.DegreeConfig;
import dev.chorus.analysis.Seeding;
import dev.chorus.diffusion.SeedingExperimentConfig;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.community.CohesionConfig;
import dev.chorus.community.ComponentsConfig;
import dev.chorus.community.LabelPropagationConfig;
import dev.chorus.community.TrianglesConfig;
import dev.chorus.community.Modularity;
import dev.chorus.diffusion.SimulationConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.progress.Progress;
import dev.chorus.ingest.InputException;
import dev.chorus.ingest.RejectedRow;
import dev.chorus.ingest.RejectedRowsFile;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.output.ClusterCsv;
import dev.chorus.output.Decimal;
import dev.chorus.output.NodesCsv;
import dev.chorus.analysis.GraphStats;
import dev.chorus.analysis.Layers;
import dev.chorus.analysis.NodeTable;
import dev.chorus.analysis.PartialAnalysis;
import dev.chorus.output.ReportJson;
import dev.chorus.analysis.Source;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.EngagementConfig;
import dev.chorus.roles.Role;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@code chorus spark analyze}: the distributed subset of {@code chorus analyze} on Apache Spark. Reads with
 * the embedded readers' row accounting ({@link SparkInput}), builds the GraphX graph and writes
 * {@code nodes.csv}, {@code clusters.csv} and the parts of {@code report.json} Spark computes ({@link SparkReport}) in
 * the embedded engine's formats, so that {@code chorus report --from DIR} renders the page. Results stream to the driver with
 * {@code toLocalIterator}, one partition at a time, so the driver never holds the whole table.
 */
public final class SparkJob {
    /** People and clusters the report names, as the embedded {@code analyze} default. */
    static final int TOP = AnalysisConfig.defaults().top();

    private SparkJob() {
    }

    /**
     * @param master     Spark master URL ({@code local[*]}, {@code spark://...}, {@code yarn}); null: as
     *                   spark-submit set it
     * @param partitions parallelism of the read and of the shuffles; 0 = Spark's default parallelism
     * @param seed       the job's seed, recorded in {@code report.json}
     * @param icSeeds    seeds of the optional spread estimate; empty: none
     * @param ic         settings of that estimate (the embedded simulation's)
     * @param checkpointDir a directory the driver and every executor share (HDFS, or a local path on one machine),
     *                   where the iterative steps write reliable checkpoints; null: none (a lost executor then costs a
     *                   recomputation of every round of the step it interrupted)
     */
    public record Config(String master, String input, SparkInput.Options options, Path out, int partitions, long seed,
                         PageRankConfig pageRank, LabelPropagationConfig lpa, List<String> icSeeds, SimulationConfig ic,
                         boolean quiet, String checkpointDir) {
        public Config {
            icSeeds = icSeeds == null ? List.of() : List.copyOf(icSeeds);
        }
    }

    /** What a run produced: row accounting, graph size, files written. */
    public record Summary(long read, long loaded, long rejected, long nodes, long edges, int communities, List<Path> files,
                          SimulationResult ic, double seconds) {
        public String json() {
            StringBuilder b = new StringBuilder("{\"engine\": \"spark\", \"nodes\": ").append(nodes).append(", \"edges\": ").append(edges)
                    .append(", \"rows\": {\"read\": ").append(read).append(", \"loaded\": ").append(loaded)
                    .append(", \"rejected\": ").append(rejected).append("}, \"communities\": ").append(communities);
            if (ic != null) {
                b.append(", \"ic\": {\"model\": \"").append(ic.model()).append("\", \"runs\": ").append(ic.runs())
                        .append(", \"mean\": ").append(num(ic.mean())).append(", \"ci95_low\": ").append(num(ic.ci95Low()))
                        .append(", \"ci95_high\": ").append(num(ic.ci95High())).append('}');
            }
            b.append(", \"files\": [");
            for (int i = 0; i < files.size(); i++) {
                b.append(i == 0 ? "" : ", ").append('"').append(files.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return b.append("], \"seconds\": ").append(Math.round(seconds * 1000) / 1000.0).append('}').toString();
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Decimal.of(v) : "null";
    }

    /** The JVM flags Spark needs on Java 17 are the launcher's business; this only builds the context. */
    public static JavaSparkContext context(String master, int partitions) {
        SparkConf conf = new SparkConf().setAppName("chorus");
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--master is required outside spark-submit (e.g. --master 'local[*]')");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        if (!conf.contains("spark.jars") && !conf.get("spark.master").startsWith("local")) {
            // outside spark-submit nobody ships the application: executors would get lambdas without their classes
            conf.set("spark.jars", applicationJar());
        }
        if (partitions > 0) conf.setIfMissing("spark.default.parallelism", Integer.toString(partitions));
        // GraphX's Pregel (components) checkpoints its graph every this many supersteps, when a checkpoint
        // directory is set (SparkGraph#round explains why); and the files go when their RDD does
        conf.setIfMissing("spark.graphx.pregel.checkpointInterval", Integer.toString(SparkGraph.CHECKPOINT_EVERY));
        conf.setIfMissing("spark.cleaner.referenceTracking.cleanCheckpoints", "true");
        if (!conf.contains("spark.serializer")) {
            // Java serialization of the shuffled tuples, arrays and maps cost more than the work on them (GraphX's
            // tuning guide asks for Kryo); GraphX registers its own classes
            conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
            conf.set("spark.kryo.registrator", ChorusKryo.class.getName());
            org.apache.spark.graphx.GraphXUtils.registerKryoClasses(conf);
        }
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        return sc;
    }

    /**
     * The jar Chorus runs from, which executors on a cluster need as spark-submit would ship it. Running from a
     * classes directory (an IDE) has no jar to ship: one clear line instead of executors failing task after task.
     */
    static String applicationJar() {
        java.security.CodeSource source = SparkJob.class.getProtectionDomain().getCodeSource();
        Path jar;
        try {
            jar = source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (jar == null || !java.nio.file.Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("a cluster master needs the Chorus jar to ship to executors, but Chorus runs from "
                    + jar + ": build it (mvn package -DskipTests) and run ./chorus spark ... or spark-submit target/chorus.jar");
        }
        return jar.toUri().toString();
    }

    public static Summary analyze(Config c, PrintWriter err) {
        JavaSparkContext sc = context(c.master(), c.partitions());
        try {
            return analyze(sc, c, err);
        } finally {
            sc.stop();
        }
    }

    public static Summary analyze(JavaSparkContext sc, Config c, PrintWriter err) {
        return analyze(sc, c, err, AnalysisConfig.defaults().withSeed(c.seed()));
    }

    /**
     * @param analysis the embedded analysis settings Spark shares: betweenness samples, the seeding experiment's
     *                 budget and runs (0: not run), cluster and role settings; its seed should be {@code c.seed()}
     */
    public static Summary analyze(JavaSparkContext sc, Config c, PrintWriter err, AnalysisConfig analysis) {
        Log log = new Log(err, c.quiet());
        if (c.checkpointDir() == null) {
            if (!sc.isLocal() && !sc.getCheckpointDir().isPresent()) {
                err.println("chorus: warning: no --checkpoint-dir: an executor lost mid-job makes Spark recompute the iterative "
                        + "step it interrupted from its first round, which can take long; give a directory the driver and all "
                        + "executors share (e.g. hdfs:///tmp/chorus-checkpoints)");
            }
            return analyze(sc, c, err, analysis, log);
        }
        sc.setCheckpointDir(c.checkpointDir());
        String checkpoints = sc.getCheckpointDir().get();
        log.line("checkpoints in " + checkpoints);
        try {
            return analyze(sc, c, err, analysis, log);
        } finally {
            try {
                org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(checkpoints);
                dir.getFileSystem(sc.hadoopConfiguration()).delete(dir, true);
            } catch (java.io.IOException e) {
                err.println("chorus: warning: could not delete the checkpoints in " + checkpoints + ": " + e.getMessage());
            }
        }
    }

    private static Summary analyze(JavaSparkContext sc, Config c, PrintWriter err, AnalysisConfig analysis, Log log) {
        long t0 = System.nanoTime();
        Steps steps = new Steps();
        int partitions = c.partitions() > 0 ? c.partitions() : sc.defaultParallelism();
        log.line("reading " + c.input() + " on " + sc.master() + " (" + partitions + " partitions)");
        SparkInput.Result in = SparkInput.read(sc, c.input(), c.options(), partitions);
        SparkInput.Accounting acc;
        try {
            acc = in.read().get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                // Hadoop's "Input path does not exist" / "matches 0 files": the user's path, an input error
                if (t.getClass().getSimpleName().equals("InvalidInputException")) throw new InputException(c.input() + ": " + t.getMessage(), e);
            }
            throw e;
        }
        steps.mark("read");
        for (String w : acc.warnings()) err.println("chorus: warning: " + w);
        Path out = c.out();
        List<Path> files = new ArrayList<>();
        if (acc.rows().rejected() > 0) {
            Path rejects = out.resolve("rejected.tsv");
            try (RejectedRowsFile f = new RejectedRowsFile(rejects)) {
                for (RejectedRow r : acc.rejected()) f.accept(r);
            }
            files.add(rejects);
            // the embedded engine's check (GraphLoader): rows that all failed are an input error, not an empty graph
            if (acc.rows().allRejected()) throw acc.rows().noRowRead(c.input(), "; rejected rows in " + rejects);
            err.printf("chorus: %s: %d rows read = %d loaded + %d rejected; rejected rows in %s%n", c.input(), acc.rows().read(),
                    acc.rows().loaded(), acc.rows().rejected(), rejects);
        }
        long edges = in.edges().count();
        if (edges == 0) throw new InputException(c.input() + ": no interactions loaded (" + acc.rows().read() + " rows read)");
        SparkGraph g = SparkGraph.of(in.edges(), acc.typed() ? in.layers() : null, in.directed());
        steps.mark("graph");
        log.line(String.format("graph: %d nodes, %d edges (%s), %d rows read = %d loaded + %d rejected", g.nodeCount(), edges,
                g.isDirected() ? "directed" : "undirected", acc.rows().read(), acc.rows().loaded(), acc.rows().rejected()));
        // nodes.csv columns as the embedded analyze writes them (metrics, community, roles, cluster), the
        // metrics Spark does not compute left out, and Spark's extra columns at the end
        Map<String, JavaPairRDD<Long, double[]>> columns = new LinkedHashMap<>();
        columns.put(String.join(",", Centralities.DEGREE.columns()), keep(sc, SparkDegree.compute(g, DegreeConfig.defaults(), log)));
        steps.mark(Centralities.DEGREE.name());
        columns.put(Centralities.PAGERANK.column(), keep(sc, SparkPageRank.compute(g, c.pageRank(), log).scores().mapValues(v -> new double[] {v})));
        steps.mark(Centralities.PAGERANK.name());
        columns.put(Centralities.KCORE.column(), keep(sc, SparkKCore.compute(g, KCoreConfig.defaults(), log).mapValues(v -> new double[] {v})));
        steps.mark(Centralities.KCORE.name());
        // one broadcast of the whole graph serves betweenness and the seeding experiment; released at the end
        org.apache.spark.broadcast.Broadcast<SparkLocalGraph> local = SparkLocalGraph.broadcast(sc, g, seedOnLayers(g, analysis));
        try {
            return analyze(sc, c, err, analysis, t0, steps, log, partitions, acc, in, edges, g, columns, files, local);
        } finally {
            SparkLocalGraph.release(local);
        }
    }

    private static Summary analyze(JavaSparkContext sc, Config c, PrintWriter err, AnalysisConfig analysis, long t0, Steps steps, Log log,
                                   int partitions, SparkInput.Accounting acc, SparkInput.Result in, long edges, SparkGraph g,
                                   Map<String, JavaPairRDD<Long, double[]>> columns, List<Path> files,
                                   org.apache.spark.broadcast.Broadcast<SparkLocalGraph> local) {
        Path out = c.out();
        SparkLabelPropagation.Result lpa = SparkLabelPropagation.compute(g, c.lpa(), log);
        if (!lpa.converged()) log.line("lpa: not converged: --max-iterations reached");
        JavaPairRDD<Long, Long> community = keep(sc, SparkComponents.renumberBySize(lpa.labels()));
        steps.mark("communities");
        JavaPairRDD<Long, double[]> triangles = keep(sc, SparkTriangles.compute(g, TrianglesConfig.defaults(), log));
        columns.put("clustering", triangles.mapValues(t -> new double[] {t[1]}));
        steps.mark("clustering");
        // typed input: reach and conversation read apart, and the reply share that the engagement columns carry
        SparkLayers.Result layers = null;
        if (g.typed()) {
            layers = SparkLayers.compute(sc, g, c.pageRank(), log);
            steps.mark("layers");
        }
        JavaPairRDD<Long, double[]> engagement = keep(sc, SparkEngagement.compute(g, community, layers == null ? null : layers.replyShare(),
                EngagementConfig.defaults(), log));
        columns.put(String.join(",", SparkEngagement.COLUMNS), engagement);
        steps.mark("engagement");
        JavaPairRDD<Long, double[]> communityColumn = community.mapValues(v -> new double[] {v});
        columns.put(CommunityAlgorithms.COLUMN, communityColumn);
        columns.put("roles", g.ids().mapValues(id -> new double[] {Double.NaN})); // role bits, filled by SparkRoles
        columns.put("cluster", communityColumn);
        if (layers != null) columns.put(String.join(",", Layers.COLUMNS), layers.columns()); // after the embedded columns, as there
        columns.put("triangles", triangles.mapValues(t -> new double[] {t[0]}));
        columns.put("component", keep(sc, SparkComponents.compute(g, ComponentsConfig.defaults(), log).mapValues(v -> new double[] {v})));
        steps.mark("components");
        int samples = analysis.betweennessSamplesFor((int) g.nodeCount());
        JavaPairRDD<Long, Double> betweenness = SparkBetweenness.compute(sc, g, local, BetweennessConfig.defaults().withSamples(samples)
                .withSeed(analysis.seed()), partitions, log);
        columns = after(columns, Centralities.KCORE.column(), Centralities.BETWEENNESS.column(), betweenness.mapValues(v -> new double[] {v}));
        steps.mark(Centralities.BETWEENNESS.name());
        ClusterConfig clusterConfig = analysis.clusters();
        List<ClusterCohesion> clusters = SparkCohesion.compute(g, community, triangles,
                CohesionConfig.defaults().withCoreSize(clusterConfig.coreSize()), log);
        steps.mark("cohesion");
        // every community's audience over the edges, and its kind by the embedded rules: choirs and rings
        GraphStats stats = SparkReport.graphStats(g, edges);
        List<ClusterAudience> audience = SparkAudience.compute(g, community, clusters.size());
        ClusterKinds rules = SparkAudience.kinds(g, edges, stats.selfLoops(), engagement, clusterConfig, analysis.roles().minZ());
        SparkReport.Passionate passionate = SparkReport.passionate(g, community, clusters, audience, rules, ReportJson.DRAWN_CLUSTERS);
        ClusterRanking kinds = passionate.ranking();
        steps.mark("audience");
        log.line(String.format("audience: %d choirs, %d rings", kinds.choirs().size(), kinds.rings().size()));
        Path clustersCsv = out.resolve("clusters.csv");
        ClusterCsv.write(clustersCsv, clusters, kinds);
        files.add(clustersCsv);
        log.line("wrote " + clustersCsv + " (" + clusters.size() + " communities)");
        NodeRows table = nodeRows(g, columns);
        SparkRoles.Result roles = SparkRoles.compute(table, SparkReport.cores(kinds), SparkReport.ringMembers(kinds), analysis.roles(), log);
        table = roles.table();
        steps.mark("roles");
        Path nodes = out.resolve("nodes.csv");
        writeNodes(nodes, table);
        files.add(nodes);
        steps.mark("nodes.csv");
        log.line("wrote " + nodes);
        Seeding seeding = null;
        if (analysis.seedingRuns() > 0) {
            SeedingExperimentConfig sec = SeedingExperimentConfig.defaults().withK(analysis.k()).withRuns(analysis.seedingRuns())
                    .withSeed(analysis.seed());
            seeding = SparkSeeding.compute(sc, local, table, community, clusters, kinds, sec, seedOnLayers(g, analysis), partitions, log);
            steps.mark("seeding");
        }
        SimulationResult ic = null;
        if (!c.icSeeds().isEmpty()) {
            ic = SparkCascade.simulate(sc, local, c.icSeeds(), c.ic(), partitions, log);
            steps.mark("ic");
            log.line(String.format(java.util.Locale.ROOT, "ic: mean spread %.3f (95%% CI %.3f..%.3f, %d runs)", ic.mean(), ic.ci95Low(),
                    ic.ci95High(), ic.runs()));
        }
        List<Map<String, Object>> hubs = SparkReport.top(table, TOP, Role.HUB, Centralities.PAGERANK.column());
        PartialAnalysis.Roles roleReport = new PartialAnalysis.Roles(roles.rules(), roles.counts(), SparkReport.topByRole(table, TOP, roles.rules()));
        NodeTable layerTops = SparkReport.layerTops(table);
        table.rows().unpersist(false);
        engagement.unpersist(false);
        steps.mark("report");
        Path report = out.resolve("report.json");
        com.fasterxml.jackson.databind.node.ObjectNode tree = ReportJson.tree(new PartialAnalysis("spark", new Source(c.input(), format(acc, c.options()), acc.rows()), stats, TOP,
                c.seed(), clusterConfig, CommunityAlgorithms.LPA.name(), clusters.size(), Modularity.of(clusters), hubs, kinds,
                passionate.choirEdges(), passionate.ringEdges(), ic, steps.seconds(), roleReport, layerTops, approximate(seeding), seeding,
                analysis.goal()));
        // what Spark computes beyond PartialAnalysis, under the embedded names
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("settings")).put("betweenness_samples", samples)
                .put("k", analysis.k()).put("seeding_runs", analysis.seedingRuns());
        ReportJson.write(tree, report);
        files.add(report);
        log.line("wrote " + report + " (render it with: chorus report --from " + out + ")");
        return new Summary(acc.rows().read(), acc.rows().loaded(), acc.rows().rejected(), g.nodeCount(), edges, clusters.size(), files,
                ic, (System.nanoTime() - t0) / 1e9);
    }

    /** Whether the seeding experiment runs, on typed input, each model on its goal's layer, as the embedded analyze. */
    private static boolean seedOnLayers(SparkGraph g, AnalysisConfig analysis) {
        return g.typed() && analysis.seedOnLayers() && analysis.seedingRuns() > 0;
    }

    /**
     * Materializes a step's per-vertex result and keeps it: the columns are only read when {@code nodes.csv} is
     * written, and an executor lost in between would otherwise have its partitions recomputed through the whole
     * step (for iterative kernels, every round; see {@link SparkGraph#round}). With a checkpoint
     * directory the result is also written there, which cuts its lineage: a lost partition is read back.
     */
    static <K, V> JavaPairRDD<K, V> keep(JavaSparkContext sc, JavaPairRDD<K, V> rdd) {
        rdd.persist(StorageLevel.MEMORY_AND_DISK());
        if (sc.getCheckpointDir().isPresent()) rdd.checkpoint();
        rdd.count();
        return rdd;
    }

    /** {@code columns} with {@code key} inserted right after {@code previous}: a column's place in nodes.csv, not its step's. */
    private static Map<String, JavaPairRDD<Long, double[]>> after(Map<String, JavaPairRDD<Long, double[]>> columns, String previous, String key,
                                                                 JavaPairRDD<Long, double[]> column) {
        Map<String, JavaPairRDD<Long, double[]>> out = new LinkedHashMap<>();
        columns.forEach((k, v) -> {
            out.put(k, v);
            if (k.equals(previous)) out.put(key, column);
        });
        return out;
    }

    /**
     * What in this report is approximate or read differently from the embedded engine, in words: the parts of
     * {@code report.json} a reader should not take as the embedded engine's numbers.
     *
     * @param seeding the seeding experiment, or null when it did not run
     */
    static List<PartialAnalysis.Approximate> approximate(Seeding seeding) {
        List<PartialAnalysis.Approximate> a = new ArrayList<>();
        a.add(new PartialAnalysis.Approximate("communities", "label propagation, not Leiden: a heuristic that does not optimise modularity; "
                + "on the shipped datasets its modularity is below Leiden's (README, \"Communities on Spark\")"));
        a.add(new PartialAnalysis.Approximate("passionate_clusters", "choirs and rings among the label-propagation communities, not "
                + "the embedded engine's Leiden clusters: reach, audience and kind by the embedded rules (cluster_kinds); "
                + "evidence.activity_span_share is null, as Spark's edges carry no times"));
        a.add(new PartialAnalysis.Approximate("betweenness", "sampled the same way as the embedded engine (Brandes & Pich: "
                + "settings.betweenness_samples sources, same seed and scaling), drawn on Spark's node order (by id), so the sources, and "
                + "the estimates, can differ from an embedded run's; exact (no sampling) on graphs as small as the embedded engine's cut-off"));
        a.add(new PartialAnalysis.Approximate("roles.thresholds", "percentiles exact (a distributed sort); mean and standard deviation "
                + "summed in Spark's order, equal to the embedded engine's up to rounding that grows with the number of people (about 1e-11 "
                + "relative on the 304,691 people of Higgs Twitter)"));
        a.add(new PartialAnalysis.Approximate("roles.cluster_core", "the cores of the choirs among the label-propagation communities, "
                + "not of the embedded engine's Leiden clusters; ring_member likewise from their rings"));
        if (seeding != null) {
            // on typed input each model runs on its goal's layer as embedded (seeding.layers says which): nothing to note there
            a.add(new PartialAnalysis.Approximate("seeding", "the group arms (clusters, choirs, voices) seed from the label-propagation "
                    + "communities, not the embedded engine's Leiden clusters; there is no imm arm (sequential over its RR sets) and no core "
                    + "arms, so the recommendations choose among the arms Spark runs" + (seeding.layered() ? "" : "; every model on the whole graph")));
        }
        return a;
    }

    /** The {@code nodes.csv} table: its header and (id, values in header order after {@code node}) rows. */
    record NodeRows(List<String> header, JavaRDD<Tuple2<String, double[]>> rows) {
    }

    /**
     * Gathers the per-vertex columns onto the ids in one shuffle (the cells of every column, tagged with their
     * place in the row, grouped with the id): one join per column cost a shuffle each. Persisted, as the CSV and
     * the report's top rows both read it. A column without a value for a vertex leaves NaN.
     */
    static NodeRows nodeRows(SparkGraph g, Map<String, JavaPairRDD<Long, double[]>> columns) {
        List<String> header = new ArrayList<>(List.of("node"));
        JavaPairRDD<Long, Tuple2<Integer, double[]>> cells = null;
        for (Map.Entry<String, JavaPairRDD<Long, double[]>> col : columns.entrySet()) {
            int at = header.size() - 1;
            header.addAll(List.of(col.getKey().split(",")));
            JavaPairRDD<Long, Tuple2<Integer, double[]>> tagged = col.getValue().mapValues(v -> new Tuple2<>(at, v));
            cells = cells == null ? tagged : cells.union(tagged);
        }
        int width = header.size() - 1;
        JavaRDD<Tuple2<String, double[]>> rows = g.ids().cogroup(cells).values().flatMap(x -> {
            Iterator<String> id = x._1().iterator();
            if (!id.hasNext()) return java.util.Collections.emptyIterator();
            double[] row = new double[width];
            java.util.Arrays.fill(row, Double.NaN);
            for (Tuple2<Integer, double[]> cell : x._2()) System.arraycopy(cell._2(), 0, row, cell._1(), cell._2().length);
            return List.of(new Tuple2<>(id.next(), row)).iterator();
        });
        return new NodeRows(header, rows.persist(StorageLevel.MEMORY_AND_DISK()));
    }

    /** Writes the rows as CSV, streamed from the executors one partition at a time. */
    static void writeNodes(Path path, NodeRows table) {
        Iterator<Tuple2<String, double[]>> rows = table.rows().toLocalIterator();
        NodesCsv.write(path, table.header(), new Iterator<Map.Entry<String, double[]>>() {
            public boolean hasNext() {
                return rows.hasNext();
            }

            public Map.Entry<String, double[]> next() {
                Tuple2<String, double[]> r = rows.next();
                return Map.entry(r._1(), r._2());
            }
        });
    }

    /** The format the files were read as (the first file's when they differ), else as asked. */
    private static String format(SparkInput.Accounting acc, SparkInput.Options options) {
        for (SparkInput.FileReport f : acc.files()) if (f.format() != null) return f.format();
        return options.format().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Wall time between marks, for {@code report.json}'s {@code timings_seconds}. Spark evaluates lazily, so a step's
     * time includes the deferred work the step forced, not exactly its own.
     */
    static final class Steps {
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void mark(String step) {
            long now = System.nanoTime();
            seconds.put(step, (now - last) / 1e9);
            last = now;
        }

        Map<String, Double> seconds() {
            return seconds;
        }
    }

    /**
     * Progress lines on stderr (Spark's own logging is set to WARN): one line when a kernel's task ends, with the
     * iterations or runs it reported. Spark evaluates lazily, so a line can come before the work it names is done.
     */
    static final class Log implements Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private final long start = System.nanoTime();

        Log(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public Task begin(String name, long total, String unit) {
            return new Task() {
                private long done;

                @Override
                public void stepTo(long d) {
                    done = d;
                }

                @Override
                public void close() {
                    line(done > 0 ? name + ": " + done + " " + unit : name);
                }
            };
        }

        void line(String s) {
            if (quiet) return;
            err.printf("chorus: spark: [%.1fs] %s%n", (System.nanoTime() - start) / 1e9, s);
            err.flush();
        }
    }
}
