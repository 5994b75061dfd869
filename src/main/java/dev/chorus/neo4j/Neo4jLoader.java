package dev.chorus.neo4j;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeAttributes;
import dev.chorus.ingest.Interaction;
import dev.chorus.ingest.InteractionType;
import dev.chorus.ingest.RowCounts;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link InteractionGraph} into Neo4j in batched transactions, with the statements of
 * {@code cypher/schema.cypher}, {@code load-users.cypher}, {@code load-interactions.cypher} and
 * {@code load-graph.cypher}.
 * <p>
 * The input is read by the ingest readers into the embedded graph first (streaming, in the compact builder),
 * so rows become pairs exactly as in every other command: weights summed per (source, target), per-type
 * counts, undirected pairs once, isolated nodes of graph formats kept. Then users, then interactions, are sent
 * in batches of {@code batchSize} as {@code UNWIND $rows ... MERGE ... SET} of absolute values, one managed
 * transaction per batch: a batch the driver retries after a transient error, a batch written again after a
 * resume, or a whole second load leave exactly the same graph. After each commit the batch number goes to the
 * checkpoint file; {@code resume} skips the batches it lists.
 * <p>
 * Cost: one MERGE per user and per pair (index lookups on {@code :User(id)}); memory is the embedded graph plus
 * one batch of parameter maps.
 */
public final class Neo4jLoader {
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    /**
     * @param batchSize  users or interactions per transaction
     * @param checkpoint where the last committed batch is recorded; {@code null} for none
     * @param resume     skip the batches a matching checkpoint lists as committed
     */
    public record Config(int batchSize, Path checkpoint, boolean resume) {
        public Config {
            if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
            if (resume && checkpoint == null) throw new IllegalArgumentException("--resume needs a checkpoint file");
        }

        public static Config defaults() {
            return new Config(DEFAULT_BATCH_SIZE, null, false);
        }
    }

    /** Called after each committed batch (progress, and tests that interrupt a load). */
    public interface BatchListener {
        void committed(long batch, long totalBatches);
    }

    /**
     * @param batches      batches in the whole load
     * @param resumedAfter batches skipped because the checkpoint had them (0 for a fresh load)
     */
    public record Result(long users, long interactions, double weightSum, long batches, long resumedAfter, double seconds) {
    }

    private Neo4jLoader() {
    }

    public static Result load(Neo4jClient client, InteractionGraph g, String input, RowCounts rows, Config config,
                              Progress progress, BatchListener listener) {
        long t0 = System.nanoTime();
        for (String s : CypherFile.bundled("schema.cypher").statements()) client.autoCommit(s, Map.of(), r -> r.consume());
        client.autoCommit("CALL db.awaitIndexes(300)", Map.of(), r -> r.consume());

        int b = config.batchSize();
        long n = g.nodeCount();
        long m = g.edgeCount();
        long nodeBatches = (n + b - 1) / b;
        long total = nodeBatches + (m + b - 1) / b;
        double weightSum = g.weightSum();
        Checkpoint fresh = new Checkpoint(input, g.isDirected(), n, m, weightSum, b, total, 0);
        long start = 0;
        if (config.resume()) {
            Checkpoint saved = Checkpoint.read(config.checkpoint());
            if (saved != null) {
                if (!saved.sameLoad(fresh)) {
                    throw new IllegalArgumentException("--resume: checkpoint " + config.checkpoint() + " is for another load ("
                            + saved.input() + ", " + saved.nodes() + " users, " + saved.edges() + " interactions, batch size "
                            + saved.batchSize() + "); load without --resume or delete the checkpoint");
                }
                start = Math.min(saved.committedBatches(), total);
            }
        }
        Checkpoint checkpoint = fresh.committed(start);
        if (config.checkpoint() != null) checkpoint.save(config.checkpoint());

        String users = CypherFile.bundled("load-users.cypher").single();
        String interactions = CypherFile.bundled("load-interactions.cypher").single();
        try (Progress.Task task = progress.begin("loading into Neo4j", n + m, "records")) {
            task.stepTo(Math.min(start * b, n) + Math.max(0, start - nodeBatches) * b);
            UserBatches ub = new UserBatches(g, b);
            for (long batch = start; batch < nodeBatches; batch++) {
                List<Map<String, Object>> rowsOf = ub.batch(batch);
                client.write(users, Map.of("rows", rowsOf));
                checkpoint = committed(config, checkpoint, batch, listener);
                task.stepTo(Math.min((batch + 1) * b, n));
            }
            EdgeBatches eb = new EdgeBatches(g, b, Math.max(0, start - nodeBatches));
            for (long batch = Math.max(start, nodeBatches); batch < total; batch++) {
                List<Map<String, Object>> rowsOf = eb.next();
                client.write(interactions, Map.of("rows", rowsOf));
                checkpoint = committed(config, checkpoint, batch, listener);
                task.stepTo(n + Math.min((batch - nodeBatches + 1) * b, m));
            }
        }

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("directed", g.isDirected());
        meta.put("input", input);
        meta.put("nodes", n);
        meta.put("edges", m);
        meta.put("weight_sum", weightSum);
        meta.put("types", g.types().stream().map(InteractionType::label).toList());
        meta.put("rows_read", rows.read());
        meta.put("rows_loaded", rows.loaded());
        meta.put("rows_rejected", rows.rejected());
        client.write(CypherFile.bundled("load-graph.cypher").single(), Map.of("properties", meta));
        if (config.checkpoint() != null) {
            try {
                Files.deleteIfExists(config.checkpoint()); // done: nothing to resume
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + config.checkpoint() + ": " + e.getMessage(), e);
            }
        }
        return new Result(n, m, weightSum, total, start, (System.nanoTime() - t0) / 1e9);
    }

    private static Checkpoint committed(Config config, Checkpoint checkpoint, long batch, BatchListener listener) {
        Checkpoint next = checkpoint.committed(batch + 1);
        if (config.checkpoint() != null) next.save(config.checkpoint());
        if (listener != null) listener.committed(batch, next.totalBatches());
        return next;
    }

    /** Property name of an interaction type's count on INTERACTED relationships. */
    public static String countProperty(InteractionType t) {
        return t.label();
    }

    /** Users in index order (first appearance), with load_order and graph-format attributes. */
    private static final class UserBatches {
        private final InteractionGraph g;
        private final int size;

        UserBatches(InteractionGraph g, int size) {
            this.g = g;
            this.size = size;
        }

        List<Map<String, Object>> batch(long batch) {
            IdMap ids = g.ids();
            NodeAttributes attrs = g.nodeAttributes();
            int from = (int) (batch * size);
            int to = (int) Math.min((long) from + size, g.nodeCount());
            List<Map<String, Object>> rows = new ArrayList<>(to - from);
            for (int u = from; u < to; u++) {
                Map<String, Object> props = new HashMap<>(4);
                for (String name : attrs.names()) {
                    String v = attrs.get(u, name);
                    if (v != null && !name.equals("id")) props.put(name, v);
                }
                props.put("load_order", u);
                rows.add(Map.of("id", ids.id(u), "properties", props));
            }
            return rows;
        }
    }

    /** Stored pairs in (source index, target index) order: every arc if directed, each pair once (u <= v) if not. */
    private static final class EdgeBatches {
        private final InteractionGraph g;
        private final Adjacency out;
        private final int size;
        private final List<InteractionType> types;
        private int u;
        private int e;

        EdgeBatches(InteractionGraph g, int size, long skipBatches) {
            this.g = g;
            this.out = g.out();
            this.size = size;
            this.types = g.types();
            this.e = g.nodeCount() == 0 ? 0 : out.start(0);
            for (long skip = skipBatches * size; skip > 0 && advance(); skip--) {
                e++;
            }
        }

        /** Moves to the next stored pair; false at the end. */
        private boolean advance() {
            while (u < g.nodeCount()) {
                if (e < out.end(u) && (g.isDirected() || out.neighbor(e) >= u)) return true;
                if (e < out.end(u)) {
                    e++;
                } else if (++u < g.nodeCount()) {
                    e = out.start(u);
                }
            }
            return false;
        }

        List<Map<String, Object>> next() {
            List<Map<String, Object>> rows = new ArrayList<>(size);
            IdMap ids = g.ids();
            while (rows.size() < size && advance()) {
                Map<String, Object> props = new HashMap<>(8);
                props.put("weight", out.weight(e));
                for (InteractionType t : types) {
                    int c = g.typeCount(e, t);
                    if (c > 0) props.put(countProperty(t), c);
                }
                if (g.firstTime(e) != Interaction.NO_TIME) {
                    props.put("first_time", g.firstTime(e));
                    props.put("last_time", g.lastTime(e));
                }
                rows.add(Map.of("source", ids.id(u), "target", ids.id(out.neighbor(e)), "properties", props));
                e++;
            }
            return rows;
        }
    }
}
