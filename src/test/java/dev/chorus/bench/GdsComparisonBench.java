package dev.chorus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.chorus.centrality.Betweenness;
import dev.chorus.centrality.BetweennessConfig;
import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.graph.NodeScores;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.community.Communities;
import dev.chorus.community.Leiden;
import dev.chorus.community.LeidenConfig;
import dev.chorus.community.Louvain;
import dev.chorus.community.LouvainConfig;
import dev.chorus.community.Modularity;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.neo4j.Neo4jTestServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Chorus against Neo4j Graph Data Science 2.13.9 running in-process (neo4j-harness, {@link Neo4jTestServer}) on
 * the same graph and the same number of threads, side by side in one JVM: PageRank (20 iterations), k-core,
 * Louvain, Leiden and sampled betweenness. GDS is GPLv3, so this lives in test scope and is excluded from
 * {@code mvn test} (tag {@code bench}). Run it with
 * <pre>
 * flock /tmp/chorus-bench.lock mvn -B test -Dtest=GdsComparisonBench -Dchorus.test.excludedGroups=none \
 *     -Dchorus.test.heap=8g -Dchorus.bench.input=/tmp/g10m.txt -Dchorus.bench.samples=100
 * </pre>
 * Results go to {@code target/gds-comparison.json} (and the log to stdout).
 * <p>
 * Loading is not timed. The graph goes into GDS without Neo4j nodes: Chorus's arcs are written as CSV with node
 * indices as ids, read with {@code LOAD CSV} and aggregated by the Cypher projection {@code gds.graph.project}
 * (which accepts integer ids), once as the directed weighted arcs (PageRank, betweenness) and once as Chorus's
 * undirected view, each pair once with summed weight and no self-loops (k-core, Louvain, Leiden). So both sides
 * see exactly the same graphs, and GDS's node ids are Chorus's indices, which makes results comparable node by
 * node: PageRank top-10 overlap and L1 distance after normalizing GDS's scores to sum 1 (GDS does not spread the
 * dangling nodes' mass, Chorus does, as NetworkX), degeneracy, and the modularity of each side's partition
 * computed by Chorus's {@link Modularity} next to what GDS reports.
 */
@Tag("bench")
class GdsComparisonBench {
    private static final String ALGORITHMS = "pagerank,kcore,louvain,leiden,betweenness";

    @Test
    void chorusAgainstGds() throws Exception {
        String input = System.getProperty("chorus.bench.input", "/tmp/g10m.txt");
        int threads = Integer.getInteger("chorus.bench.threads", 2);
        int repeat = Integer.getInteger("chorus.bench.repeat", 1);
        int samples = Integer.getInteger("chorus.bench.samples", 1000);
        List<String> algorithms = List.of(System.getProperty("chorus.bench.algos", ALGORITHMS).split(","));
        PrintWriter log = new PrintWriter(System.out, true);

        Map<String, Object> result = new LinkedHashMap<>();
        InteractionGraph g = Timing.load(input, result);
        result.put("threads", threads);
        GraphDatabaseService db = Neo4jTestServer.get().defaultDatabaseService();
        result.put("gds_version", db.executeTransactionally("RETURN gds.version() AS v", Map.of(),
                r -> r.next().get("v")));
        result.put("load", project(g, db, log));

        for (String algo : algorithms) {
            Map<String, Object> r = new LinkedHashMap<>();
            switch (algo) {
                case "pagerank" -> pageRank(g, db, threads, repeat, log, r);
                case "kcore" -> kCore(g, db, threads, repeat, log, r);
                case "louvain" -> communities(g, db, threads, repeat, log, r, "louvain");
                case "leiden" -> communities(g, db, threads, repeat, log, r, "leiden");
                case "betweenness" -> betweenness(g, db, threads, repeat, samples, log, r);
                default -> throw new IllegalArgumentException("unknown algorithm " + algo + " (available: " + ALGORITHMS + ")");
            }
            double chorus = Timing.best(sub(r, "chorus"));
            double gds = Timing.best(sub(r, "gds"));
            r.put("gds_over_chorus", Timing.round(gds / chorus));
            result.put(algo, r);
            write(result);
        }
        log.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    }

    private static void pageRank(InteractionGraph g, GraphDatabaseService db, int threads, int repeat, PrintWriter log,
                                 Map<String, Object> r) throws Exception {
        PageRankConfig cfg = PageRankConfig.defaults().withMaxIterations(20).withTolerance(Double.MIN_VALUE).withThreads(threads);
        NodeScores[] ours = new NodeScores[1];
        r.put("chorus", Timing.measure("pagerank chorus", repeat, log, () -> ours[0] = PageRank.compute(g, cfg)));
        Map<String, Object> conf = Map.of("maxIterations", 20, "tolerance", 0.0, "dampingFactor", 0.85,
                "relationshipWeightProperty", "w", "concurrency", threads);
        r.put("gds", Timing.measure("pagerank gds", repeat, log, () -> call(db,
                "CALL gds.pageRank.stats('directed', $c) YIELD ranIterations RETURN ranIterations", conf)));
        double[] theirs = new double[g.nodeCount()];
        db.executeTransactionally("CALL gds.pageRank.stream('directed', $c) YIELD nodeId, score RETURN nodeId, score",
                Map.of("c", conf), res -> {
                    res.forEachRemaining(row -> theirs[((Number) row.get("nodeId")).intValue()] = ((Number) row.get("score")).doubleValue());
                    return null;
                });
        double sum = Arrays.stream(theirs).sum();
        double[] mine = ours[0].column("pagerank");
        double l1 = 0;
        for (int v = 0; v < mine.length; v++) l1 += Math.abs(mine[v] - theirs[v] / sum);
        r.put("l1_after_normalizing_gds", l1);
        r.put("top10_overlap", overlap(top(mine, 10), top(theirs, 10)));
        r.put("top100_overlap", overlap(top(mine, 100), top(theirs, 100)));
    }

    private static void kCore(InteractionGraph g, GraphDatabaseService db, int threads, int repeat, PrintWriter log,
                              Map<String, Object> r) throws Exception {
        NodeScores[] ours = new NodeScores[1];
        g.undirected(); // built on first use (about 0.4 s); both sides get it ready-made
        r.put("chorus", Timing.measure("kcore chorus", repeat, log, () -> ours[0] = KCore.compute(g, KCoreConfig.defaults())));
        Map<String, Object> conf = Map.of("concurrency", threads);
        r.put("gds", Timing.measure("kcore gds", repeat, log, () -> call(db,
                "CALL gds.kcore.stats('undirected', $c) YIELD degeneracy RETURN degeneracy", conf)));
        long degeneracy = db.executeTransactionally("CALL gds.kcore.stats('undirected', $c) YIELD degeneracy RETURN degeneracy",
                Map.of("c", conf), res -> ((Number) res.next().get("degeneracy")).longValue());
        double ourMax = Arrays.stream(ours[0].column(ours[0].rankBy())).max().orElse(0);
        r.put("chorus_degeneracy", (long) ourMax);
        r.put("gds_degeneracy", degeneracy);
        int[] theirs = new int[g.nodeCount()];
        db.executeTransactionally("CALL gds.kcore.stream('undirected', $c) YIELD nodeId, coreValue RETURN nodeId, coreValue",
                Map.of("c", conf), res -> {
                    res.forEachRemaining(row -> theirs[((Number) row.get("nodeId")).intValue()] = ((Number) row.get("coreValue")).intValue());
                    return null;
                });
        double[] mine = ours[0].column(ours[0].rankBy());
        int differ = 0;
        for (int v = 0; v < mine.length; v++) if (mine[v] != theirs[v]) differ++;
        r.put("nodes_with_different_coreness", differ);
        assertEquals(0, differ, "k-core is exact: both sides must agree on every node");
    }

    private static void communities(InteractionGraph g, GraphDatabaseService db, int threads, int repeat, PrintWriter log,
                                    Map<String, Object> r, String algo) throws Exception {
        Communities[] ours = new Communities[1];
        g.undirected();
        if (algo.equals("louvain")) {
            r.put("chorus", Timing.measure("louvain chorus", repeat, log,
                    () -> ours[0] = Louvain.compute(g, LouvainConfig.defaults().withThreads(threads))));
        } else {
            r.put("chorus", Timing.measure("leiden chorus", repeat, log,
                    () -> ours[0] = Leiden.compute(g, LeidenConfig.defaults().withThreads(threads))));
        }
        Map<String, Object> conf = new LinkedHashMap<>(Map.of("relationshipWeightProperty", "w", "concurrency", threads));
        if (algo.equals("leiden")) conf.put("randomSeed", 1L);
        String proc = "gds." + algo;
        double[] reported = new double[1];
        r.put("gds", Timing.measure(algo + " gds", repeat, log, () -> reported[0] = db.executeTransactionally(
                "CALL " + proc + ".stats('undirected', $c) YIELD modularity RETURN modularity", Map.of("c", conf),
                res -> ((Number) res.next().get("modularity")).doubleValue())));
        int[] theirs = new int[g.nodeCount()];
        db.executeTransactionally("CALL " + proc + ".stream('undirected', $c) YIELD nodeId, communityId RETURN nodeId, communityId",
                Map.of("c", conf), res -> {
                    res.forEachRemaining(row -> theirs[((Number) row.get("nodeId")).intValue()] = ((Number) row.get("communityId")).intValue());
                    return null;
                });
        r.put("chorus_modularity", Modularity.of(g, ours[0].membership()));
        r.put("chorus_communities", ours[0].count());
        r.put("gds_modularity_reported", reported[0]);
        r.put("gds_modularity_by_chorus", Modularity.of(g, theirs));
        r.put("gds_communities", Arrays.stream(theirs).distinct().count());
    }

    private static void betweenness(InteractionGraph g, GraphDatabaseService db, int threads, int repeat, int samples,
                                    PrintWriter log, Map<String, Object> r) throws Exception {
        BetweennessConfig cfg = BetweennessConfig.defaults().withSamples(samples).withSeed(1).withThreads(threads);
        NodeScores[] ours = new NodeScores[1];
        r.put("samples", samples);
        r.put("chorus", Timing.measure("betweenness chorus", repeat, log, () -> ours[0] = Betweenness.compute(g, cfg)));
        Map<String, Object> conf = Map.of("samplingSize", (long) samples, "samplingSeed", 1L, "concurrency", threads);
        r.put("gds", Timing.measure("betweenness gds", repeat, log, () -> call(db,
                "CALL gds.betweenness.stats('directed', $c) YIELD centralityDistribution RETURN 1", conf)));
        // different random sources on each side: compare the heaviest brokers, not node-by-node values
        double[] theirs = new double[g.nodeCount()];
        db.executeTransactionally("CALL gds.betweenness.stream('directed', $c) YIELD nodeId, score RETURN nodeId, score",
                Map.of("c", conf), res -> {
                    res.forEachRemaining(row -> theirs[((Number) row.get("nodeId")).intValue()] = ((Number) row.get("score")).doubleValue());
                    return null;
                });
        r.put("top10_overlap", overlap(top(ours[0].column("betweenness"), 10), top(theirs, 10)));
        r.put("top100_overlap", overlap(top(ours[0].column("betweenness"), 100), top(theirs, 100)));
    }

    /** Projects 'directed' (arcs with weight w) and 'undirected' (Chorus's undirected view) into GDS; timed, not counted. */
    private static Map<String, Object> project(InteractionGraph g, GraphDatabaseService db, PrintWriter log) throws IOException {
        Map<String, Object> load = new LinkedHashMap<>();
        Path dir = Files.createDirectories(Path.of("target", "gds-bench"));
        Path arcs = dir.resolve("arcs.csv").toAbsolutePath();
        Path edges = dir.resolve("edges.csv").toAbsolutePath();
        long t0 = System.nanoTime();
        writeCsv(g.out(), arcs, false);
        writeCsv(g.undirected(), edges, true);
        load.put("csv_s", (System.nanoTime() - t0) / 1e9);
        db.executeTransactionally("CALL gds.graph.list() YIELD graphName CALL gds.graph.drop(graphName) YIELD graphName AS d RETURN count(*)");
        for (String name : List.of("directed", "undirected")) {
            Path file = name.equals("directed") ? arcs : edges;
            long t = System.nanoTime();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("url", file.toUri().toString());
            p.put("undirected", name.equals("directed") ? List.of() : List.of("*"));
            Map<String, Object> stats = db.executeTransactionally(
                    "LOAD CSV FROM $url AS row "
                            + "WITH toInteger(row[0]) AS s, toInteger(row[1]) AS t, toFloat(row[2]) AS w "
                            + "WITH gds.graph.project($name, s, t, {relationshipProperties: {w: w}}, "
                            + "{undirectedRelationshipTypes: $undirected}) AS g "
                            + "RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships",
                    p, res -> res.next());
            double s = (System.nanoTime() - t) / 1e9;
            log.printf("bench gds projection %s: %s in %.1f s%n", name, stats, s);
            load.put(name + "_project_s", s);
            load.put(name + "_nodes", stats.get("nodes"));
            load.put(name + "_relationships", stats.get("relationships"));
        }
        return load;
    }

    /** One line per arc {@code u,v,weight} (node indices); with {@code once} only {@code u < v} (undirected view). */
    private static void writeCsv(Adjacency a, Path file, boolean once) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            StringBuilder line = new StringBuilder();
            for (int u = 0; u < a.nodeCount(); u++) {
                for (int i = a.start(u); i < a.end(u); i++) {
                    int v = a.neighbor(i);
                    if (once && v <= u) continue;
                    line.setLength(0);
                    line.append(u).append(',').append(v).append(',').append(a.weight(i)).append('\n');
                    w.append(line);
                }
            }
        }
    }

    private static Object call(GraphDatabaseService db, String query, Map<String, Object> conf) {
        return db.executeTransactionally(query, Map.of("c", conf), res -> {
            res.forEachRemaining(row -> { });
            return null;
        });
    }

    private static Set<Integer> top(double[] scores, int k) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a]) != 0 ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        return new HashSet<>(Arrays.asList(idx).subList(0, Math.min(k, idx.length)));
    }

    private static int overlap(Set<Integer> a, Set<Integer> b) {
        Set<Integer> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> r, String key) {
        return (Map<String, Object>) r.get(key);
    }

    private static void write(Map<String, Object> result) throws IOException {
        Path out = Path.of("target", "gds-comparison.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    }
}
