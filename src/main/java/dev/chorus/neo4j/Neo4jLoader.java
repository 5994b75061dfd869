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
import org.neo4j.driver.TransactionContext;

/**
 * Writes an {@link InteractionGraph} into Neo4j in batched transactions, with the statements of
 * {@code cypher/schema.cypher}, {@code load-users.cypher}, {@code load-interactions.cypher},
 * {@code load-graph.cypher} and {@code load-progress.cypher}.
 * <p>
 * The input is read by the ingest readers into the embedded graph first (streaming, in the compact builder),
 * so rows become pairs exactly as in every other command: weights summed per (source, target), per-type
 * counts, undirected pairs once, isolated nodes of graph formats kept. Then users, then interactions, are sent
 * in batches of {@code batchSize} as {@code UNWIND $rows ...}, one managed transaction per batch. Users are
 * MERGEd (SET of absolute values) and return their element ids, by which the interactions find them.
 * Interactions are MERGEd too, except in a first load (no INTERACTED relationship in the database when the
 * load starts), where they are CREATEd.
 * <p>
 * Every batch transaction also moves the {@code (:ChorusLoad)} marker to the batch's number, and first reads
 * it: a batch the marker already lists (a retry after a lost commit acknowledgement) is not written again, a
 * crash leaves the marker exact, and {@code resume} goes on after it. So CREATE batches happen exactly once,
 * MERGE batches are idempotent anyway, and a second load of the same input (MERGE path) leaves the same graph.
 * After each commit the marker is copied to the checkpoint file (see {@link Checkpoint}).
 * <p>
 * Cost: one MERGE per user (index lookup on {@code :User(id)}), one id seek per pair end and one CREATE or
 * MERGE per pair; memory is the embedded graph, one element id per user and one batch of parameter maps.
 */
public final class Neo4jLoader {
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    /**
     * @param batchSize  users or interactions per transaction
     * @param checkpoint where the copy of the progress marker is saved; {@code null} for none
     * @param resume     go on after the batches the database's progress marker lists, if it is for this load
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
     * @param resumedAfter batches skipped because the database had them (0 for a fresh load)
     * @param firstLoad    interactions were CREATEd (the database held none when the load started)
     */
    public record Result(long users, long interactions, double weightSum, long batches, long resumedAfter, boolean firstLoad,
                         double seconds) {
    }

    private Neo4jLoader() {
    }

    public static Result load(Neo4jClient client, InteractionGraph g, String input, RowCounts rows, Config config,
                              Progress progress, BatchListener listener) {
        long t0 = System.nanoTime();
        for (String s : CypherFile.bundled("schema.cypher").statements()) client.autoCommit(s, Map.of(), r -> r.consume());
        client.autoCommit("CALL db.awaitIndexes(300)", Map.of(), r -> r.consume());
        List<String> progressStatements = CypherFile.bundled("load-progress.cypher").statements();
        String readMarker = progressStatements.get(0);
        String startMarker = progressStatements.get(1);
        String commitMarker = progressStatements.get(2);
        String finishMarker = progressStatements.get(3);

        int b = config.batchSize();
        long n = g.nodeCount();
        long m = g.edgeCount();
        long nodeBatches = (n + b - 1) / b;
        long total = nodeBatches + (m + b - 1) / b;
        double weightSum = g.weightSum();
        Checkpoint fresh = new Checkpoint(input, g.isDirected(), n, m, weightSum, b, total, 0, false);
        Checkpoint checkpoint = null;
        if (config.resume()) {
            Checkpoint saved = Checkpoint.read(config.checkpoint());
            if (saved != null && !saved.sameLoad(fresh)) {
                throw new IllegalArgumentException("--resume: checkpoint " + config.checkpoint() + " is for another load ("
                        + saved.input() + ", " + saved.nodes() + " users, " + saved.edges() + " interactions, batch size "
                        + saved.batchSize() + "); load without --resume or delete the checkpoint");
            }
            Checkpoint marker = Checkpoint.of(client.list(readMarker, Map.of()).get(0).get("load"));
            // no marker of this load: the database lost the progress (or never had any), so start again
            if (marker != null && marker.sameLoad(fresh)) checkpoint = marker.committed(Math.min(marker.committedBatches(), total));
        }
        if (checkpoint == null) {
            boolean none = client.list("RETURN EXISTS { ()-[:INTERACTED]->() } AS any", Map.of()).get(0).get("any").isFalse();
            checkpoint = new Checkpoint(input, g.isDirected(), n, m, weightSum, b, total, 0, none);
            client.write(startMarker, Map.of("properties", checkpoint.properties()));
        }
        long start = checkpoint.committedBatches();
        if (config.checkpoint() != null) checkpoint.save(config.checkpoint());

        List<String> userStatements = CypherFile.bundled("load-users.cypher").statements();
        String users = userStatements.get(0);
        String lookup = userStatements.get(1);
        String interactions = CypherFile.bundled("load-interactions.cypher").statements().get(checkpoint.createInteractions() ? 1 : 0);
        String[] elementIds = new String[(int) n];
        try (Progress.Task task = progress.begin("loading into Neo4j", n + m, "records")) {
            task.stepTo(Math.min(start * b, n) + Math.max(0, start - nodeBatches) * b);
            UserBatches ub = new UserBatches(g, b);
            for (long batch = 0; batch < nodeBatches && start < total; batch++) {
                List<Map<String, Object>> rowsOf = ub.batch(batch);
                Map<String, Object> params = Map.of("rows", rowsOf);
                int from = (int) (batch * b);
                long current = batch;
                if (batch < start) {
                    copy(client.read(lookup, params, r -> r.list(x -> x.get(0).asString())), rowsOf.size(), elementIds, from);
                    continue;
                }
                copy(client.write(tx -> {
                    // a batch already listed was committed by an attempt whose acknowledgement was lost
                    String statement = committedBefore(tx, readMarker) > current ? lookup : users;
                    List<String> ids = tx.run(statement, params).list(x -> x.get(0).asString());
                    tx.run(commitMarker, Map.of("committed", current + 1)).consume();
                    return ids;
                }, users), rowsOf.size(), elementIds, from);
                checkpoint = committed(config, checkpoint, batch, listener);
                task.stepTo(Math.min((batch + 1) * b, n));
            }
            EdgeBatches eb = new EdgeBatches(g, elementIds, b, Math.max(0, start - nodeBatches));
            for (long batch = Math.max(start, nodeBatches); batch < total; batch++) {
                List<Map<String, Object>> rowsOf = eb.next();
                long current = batch;
                long written = client.write(tx -> {
                    if (committedBefore(tx, readMarker) > current) return (long) rowsOf.size();
                    long pairs = tx.run(interactions, Map.of("rows", rowsOf)).single().get("pairs").asLong();
                    tx.run(commitMarker, Map.of("committed", current + 1)).consume();
                    return pairs;
                }, interactions);
                if (written != rowsOf.size()) {
                    throw new BackendException("Neo4j at " + client.settings().uri() + ": users disappeared during the load (batch " + batch
                            + " wrote " + written + " of " + rowsOf.size() + " interactions); load again without --resume");
                }
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
        String graph = CypherFile.bundled("load-graph.cypher").single();
        client.write(tx -> {
            tx.run(graph, Map.of("properties", meta)).consume();
            return tx.run(finishMarker).consume();
        }, graph);
        if (config.checkpoint() != null) {
            try {
                Files.deleteIfExists(config.checkpoint()); // done: nothing to resume
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + config.checkpoint() + ": " + e.getMessage(), e);
            }
        }
        return new Result(n, m, weightSum, total, start, checkpoint.createInteractions(), (System.nanoTime() - t0) / 1e9);
    }

    /** Batches the progress marker lists as committed, read in the batch's transaction. */
    private static long committedBefore(TransactionContext tx, String readMarker) {
        Checkpoint marker = Checkpoint.of(tx.run(readMarker).single().get("load"));
        if (marker == null) throw new BackendException("the (:ChorusLoad) progress node was deleted during the load; load again without --resume");
        return marker.committedBatches();
    }

    /** Element ids of one user batch, in row order; a missing one means the users changed under the load. */
    private static void copy(List<String> ids, int expected, String[] into, int from) {
        if (ids.size() != expected) {
            throw new BackendException("users disappeared from Neo4j during the load (" + ids.size() + " of " + expected
                    + " found); load again without --resume");
        }
        for (int i = 0; i < expected; i++) into[from + i] = ids.get(i);
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

    /**
     * Stored pairs in (source index, target index) order: every arc if directed, each pair once (u <= v) if not;
     * ends as element ids.
     */
    private static final class EdgeBatches {
        private final InteractionGraph g;
        private final String[] elementIds;
        private final Adjacency out;
        private final int size;
        private final List<InteractionType> types;
        private int u;
        private int e;

        EdgeBatches(InteractionGraph g, String[] elementIds, int size, long skipBatches) {
            this.g = g;
            this.elementIds = elementIds;
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
                rows.add(Map.of("source", elementIds[u], "target", elementIds[out.neighbor(e)], "properties", props));
                e++;
            }
            return rows;
        }
    }
}
