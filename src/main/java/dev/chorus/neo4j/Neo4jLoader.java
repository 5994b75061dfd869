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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import org.neo4j.driver.TransactionContext;

/**
 * Writes an {@link InteractionGraph} into Neo4j in batched transactions, with the statements of
 * {@code cypher/schema.cypher}, {@code load-users.cypher}, {@code load-interactions.cypher},
 * {@code load-graph.cypher} and {@code load-progress.cypher}.
 * <p>
 * The input is read by the ingest readers into the embedded graph first (streaming, in the compact builder),
 * so rows become pairs exactly as in every other command: weights summed per (source, target), per-type
 * counts, undirected pairs once, isolated nodes of graph formats kept. Then users, then interactions, are sent
 * in batches of {@code batchSize} as {@code UNWIND $rows ...}, one managed transaction per batch, by
 * {@code writers} concurrent writers that never touch the same users at the same time ({@link LoadSchedule}):
 * the server runs one transaction per thread, so one writer leaves its other cores idle. Users, sent in id order,
 * are MERGEd (SET of absolute values) and return their element ids, by which the interactions find them;
 * interactions are MERGEd too. A first load (no {@code :User} node in the database when it starts) CREATEs
 * both instead.
 * <p>
 * Every batch transaction also moves its writer's {@code (:ChorusLoadWriter)} count to the batch's number, and
 * first reads it: a batch the count already covers (a retry after a lost commit acknowledgement) is not
 * written again, a crash leaves the counts exact, and {@code resume} goes on after them, with the writers the
 * interrupted load had. So CREATE batches happen exactly once, MERGE batches are idempotent anyway, and a second
 * load of the same input (MERGE path) leaves the same graph. After each commit the counts are copied to the
 * checkpoint file (see {@link Checkpoint}).
 * <p>
 * Cost: one CREATE or MERGE per user (an insert into, or a seek in, the {@code :User(id)} index), one id seek
 * per pair end and one CREATE or MERGE per pair; memory is the embedded graph, one element id per user, the
 * schedule (4 bytes per user, 8 per pair) and one batch of parameter maps per writer.
 */
public final class Neo4jLoader {
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    /** Writers by default: two keep a 2-core server busy (measured in the README); more help bigger servers. */
    public static final int DEFAULT_WRITERS = 2;
    /** More writers than this would outgrow the driver's connection pool (100) long before they helped. */
    public static final int MAX_WRITERS = 64;

    /**
     * @param batchSize  users or interactions per transaction
     * @param writers    concurrent writer transactions (a resumed load keeps the interrupted load's)
     * @param checkpoint where the copy of the progress is saved; {@code null} for none
     * @param resume     go on after the batches the database's progress nodes list, if they are for this load
     */
    public record Config(int batchSize, int writers, Path checkpoint, boolean resume) {
        public Config {
            if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
            if (writers < 1 || writers > MAX_WRITERS) {
                throw new IllegalArgumentException("--writers must be between 1 and " + MAX_WRITERS + ", got " + writers);
            }
            if (resume && checkpoint == null) throw new IllegalArgumentException("--resume needs a checkpoint file");
        }

        public static Config defaults() {
            return new Config(DEFAULT_BATCH_SIZE, DEFAULT_WRITERS, null, false);
        }
    }

    /** Called after each committed batch (progress, and tests that interrupt a load); never concurrently. */
    public interface BatchListener {
        /** @param batch 0 for the first batch committed by this call of {@code load}, then 1, 2, ... */
        void committed(long batch, long totalBatches);
    }

    /**
     * @param batches      batches in the whole load
     * @param resumedAfter batches skipped because the database had them (0 for a fresh load)
     * @param writers      concurrent writers the load ran with
     * @param firstLoad    users and interactions were CREATEd (the database held no user when the load started)
     */
    public record Result(long users, long interactions, double weightSum, long batches, long resumedAfter, int writers,
                         boolean firstLoad, double seconds) {
    }

    private Neo4jLoader() {
    }

    public static Result load(Neo4jClient client, InteractionGraph g, String input, RowCounts rows, Config config,
                              Progress progress, BatchListener listener) {
        long t0 = System.nanoTime();
        for (String s : CypherFile.bundled("schema.cypher").statements()) client.autoCommit(s, Map.of(), r -> r.consume());
        client.autoCommit("CALL db.awaitIndexes(300)", Map.of(), r -> r.consume());
        List<String> progressStatements = CypherFile.bundled("load-progress.cypher").statements();

        int b = config.batchSize();
        long fingerprint = Checkpoint.fingerprint(g);
        Checkpoint checkpoint = null;
        if (config.resume()) {
            Checkpoint saved = Checkpoint.read(config.checkpoint());
            if (saved != null && !saved.sameLoad(g, fingerprint, b)) {
                throw new IllegalArgumentException("--resume: checkpoint " + config.checkpoint() + " is for another load ("
                        + saved.input() + ", " + saved.nodes() + " users, " + saved.edges() + " interactions, batch size "
                        + saved.batchSize() + "); load without --resume or delete the checkpoint");
            }
            org.neo4j.driver.Record r = client.list(progressStatements.get(0), Map.of()).get(0);
            Checkpoint marker = Checkpoint.of(r.get("load"), r.get("committed"));
            // no progress of this load: the database lost it (or never had any), so start again
            if (marker != null && marker.sameLoad(g, fingerprint, b)) checkpoint = marker;
        }
        LoadSchedule schedule = new LoadSchedule(g, b, checkpoint != null ? checkpoint.writers() : config.writers());
        if (checkpoint != null && !checkpoint.fits(schedule)) { // cut otherwise: not this load's progress
            checkpoint = null;
            schedule = new LoadSchedule(g, b, config.writers());
        }
        if (checkpoint == null) {
            boolean none = client.list("RETURN EXISTS { (:User) } AS any", Map.of()).get(0).get("any").isFalse();
            checkpoint = Checkpoint.start(input, g, fingerprint, b, schedule.writers, schedule.totalBatches(), none);
            client.write(progressStatements.get(2), Map.of("properties", checkpoint.properties()));
        }
        if (config.checkpoint() != null) checkpoint.save(config.checkpoint());

        String[] elementIds = new String[g.nodeCount()];
        int statement = checkpoint.firstLoad() ? 1 : 0; // MERGE, or CREATE
        List<String> users = CypherFile.bundled("load-users.cypher").statements();
        String interactions = CypherFile.bundled("load-interactions.cypher").statements().get(statement);
        Writers writers = new Writers(client, g, config, schedule, checkpoint, elementIds, users.get(statement), users.get(2), interactions,
                progressStatements, listener);
        try (Progress.Task task = progress.begin("loading into Neo4j", (long) g.nodeCount() + g.edgeCount(), "records")) {
            writers.run(task);
        }

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("directed", g.isDirected());
        meta.put("input", input);
        meta.put("nodes", (long) g.nodeCount());
        meta.put("edges", g.edgeCount());
        meta.put("weight_sum", g.weightSum());
        meta.put("types", g.types().stream().map(InteractionType::label).toList());
        meta.put("rows_read", rows.read());
        meta.put("rows_loaded", rows.loaded());
        meta.put("rows_rejected", rows.rejected());
        String graph = CypherFile.bundled("load-graph.cypher").single();
        client.write(tx -> {
            tx.run(graph, Map.of("properties", meta)).consume();
            return tx.run(progressStatements.get(4)).consume();
        }, graph);
        if (config.checkpoint() != null) {
            try {
                Files.deleteIfExists(config.checkpoint()); // done: nothing to resume
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + config.checkpoint() + ": " + e.getMessage(), e);
            }
        }
        return new Result(g.nodeCount(), g.edgeCount(), g.weightSum(), schedule.totalBatches(), checkpoint.committedBatches(),
                schedule.writers, checkpoint.firstLoad(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The writers of one load: writer k runs its batches of the {@link LoadSchedule} in order, skips those its
     * progress node lists, and waits for the others at the end of each phase (users, then each round).
     */
    private static final class Writers {
        private final Neo4jClient client;
        private final InteractionGraph g;
        private final Config config;
        private final LoadSchedule schedule;
        private final String[] elementIds;
        private final String interactions;
        private final String users;
        private final String lookup;
        private final String readCount;
        private final String commitCount;
        private final BatchListener listener;
        private final Phaser phaseEnd;
        // guarded by this: the progress copy, the listener and the progress bar see one commit at a time
        private Checkpoint checkpoint;
        private long committedNow;
        private long recordsDone;
        private Progress.Task task;
        private volatile boolean failed;

        Writers(Neo4jClient client, InteractionGraph g, Config config, LoadSchedule schedule, Checkpoint checkpoint, String[] elementIds,
                String users, String lookup, String interactions, List<String> progressStatements, BatchListener listener) {
            this.client = client;
            this.g = g;
            this.config = config;
            this.schedule = schedule;
            this.checkpoint = checkpoint;
            this.elementIds = elementIds;
            this.interactions = interactions;
            this.users = users;
            this.lookup = lookup;
            this.readCount = progressStatements.get(1);
            this.commitCount = progressStatements.get(3);
            this.listener = listener;
            this.phaseEnd = new Phaser(schedule.writers);
        }

        void run(Progress.Task task) {
            this.task = task;
            for (int w = 0; w < schedule.writers; w++) {
                List<LoadSchedule.Batch> done = schedule.batches.get(w).subList(0, (int) (long) checkpoint.committed().get(w));
                for (LoadSchedule.Batch batch : done) recordsDone += batch.size();
            }
            task.stepTo(recordsDone);
            if (schedule.writers == 1) {
                write(0);
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(schedule.writers, r -> {
                Thread t = new Thread(r, "chorus-neo4j-writer");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < schedule.writers; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        try {
                            write(writer);
                        } catch (RuntimeException | Error e) {
                            stopOthers();
                            throw e;
                        }
                        return null;
                    }));
                }
                RuntimeException first = null;
                for (Future<?> f : writers) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        // a writer that failed, not one it stopped
                        if (e.getCause() instanceof Stopped) continue;
                        if (first == null) first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while loading into Neo4j", e);
                    }
                }
                if (first != null) throw first;
            } finally {
                phaseEnd.forceTermination(); // no writer stays parked, whatever happened
                pool.shutdownNow();
            }
        }

        /** Makes the other writers stop before their next batch, and wakes those waiting for this one, for good. */
        private void stopOthers() {
            failed = true;
            phaseEnd.forceTermination();
        }

        /** Writer {@code w}'s batches, in order. */
        private void write(int w) {
            List<LoadSchedule.Batch> batches = schedule.batches.get(w);
            long skip;
            synchronized (this) {
                skip = checkpoint.committed().get(w);
            }
            int phase = 0;
            for (int i = 0; i < batches.size(); i++) {
                LoadSchedule.Batch batch = batches.get(i);
                for (; phase < batch.phase(); phase++) awaitOthers();
                if (failed) throw new Stopped();
                long current = i;
                if (batch.users()) {
                    Map<String, Object> params = Map.of("rows", userRows(batch));
                    if (i < skip) {
                        copy(client.read(lookup, params, r -> r.list(x -> x.get(0).asString())), batch, false);
                        continue;
                    }
                    copy(client.write(tx -> {
                        // a batch already counted was committed by an attempt whose acknowledgement was lost
                        String statement = committedBefore(tx, w) > current ? lookup : users;
                        List<String> ids = tx.run(statement, params).list(x -> x.get(0).asString());
                        tx.run(commitCount, Map.of("writer", w, "committed", current + 1)).consume();
                        return ids;
                    }, users), batch, true);
                } else {
                    if (i < skip) continue;
                    List<Map<String, Object>> rowsOf = pairRows(w, batch);
                    long written = client.write(tx -> {
                        if (committedBefore(tx, w) > current) return (long) rowsOf.size();
                        long pairs = tx.run(interactions, Map.of("rows", rowsOf)).single().get("pairs").asLong();
                        tx.run(commitCount, Map.of("writer", w, "committed", current + 1)).consume();
                        return pairs;
                    }, interactions);
                    if (written != rowsOf.size()) {
                        throw new BackendException("Neo4j at " + client.settings().uri() + ": users disappeared during the load (a batch of writer "
                                + w + " wrote " + written + " of " + rowsOf.size() + " interactions); load again without --resume");
                    }
                }
                committed(w, i, batch);
            }
            for (; phase < schedule.phases - 1; phase++) awaitOthers();
        }

        private void awaitOthers() {
            if (schedule.writers == 1) return;
            // also the memory barrier that shows the users phase's element ids to every writer
            if (phaseEnd.arriveAndAwaitAdvance() < 0) throw new Stopped();
        }

        private synchronized void committed(int w, int i, LoadSchedule.Batch batch) {
            checkpoint = checkpoint.committed(w, i + 1);
            if (config.checkpoint() != null) checkpoint.save(config.checkpoint());
            recordsDone += batch.size();
            task.stepTo(recordsDone);
            if (listener == null) return;
            try {
                listener.committed(committedNow++, checkpoint.totalBatches());
            } catch (RuntimeException | Error e) {
                stopOthers(); // before the lock is released, so no writer starts another batch
                throw e;
            }
        }

        /** Batches writer {@code w}'s progress node lists, read in the batch's transaction. */
        private long committedBefore(TransactionContext tx, int w) {
            List<org.neo4j.driver.Record> r = tx.run(readCount, Map.of("writer", w)).list();
            if (r.isEmpty()) throw new BackendException("the load's (:ChorusLoadWriter) progress nodes were deleted during the load; load again without --resume");
            return r.get(0).get("committed").asLong();
        }

        /** Element ids of one user batch, in row order; a missing one means the users changed under the load. */
        private void copy(List<String> ids, LoadSchedule.Batch batch, boolean wrote) {
            if (ids.size() != batch.size()) {
                throw new BackendException("users disappeared from Neo4j during the load (" + ids.size() + " of " + batch.size()
                        + " found" + (wrote ? "" : " while resuming") + "); load again without --resume");
            }
            for (int i = 0; i < ids.size(); i++) elementIds[schedule.userOrder[batch.from() + i]] = ids.get(i);
        }

        /** The users of one batch, in schedule order, with load_order and graph-format attributes. */
        private List<Map<String, Object>> userRows(LoadSchedule.Batch batch) {
            IdMap ids = g.ids();
            NodeAttributes attrs = g.nodeAttributes();
            List<Map<String, Object>> rows = new ArrayList<>(batch.size());
            for (int at = batch.from(); at < batch.to(); at++) {
                int u = schedule.userOrder[at];
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

        /** Stored pairs of one batch of writer {@code w}, ends as element ids. */
        private List<Map<String, Object>> pairRows(int w, LoadSchedule.Batch batch) {
            Adjacency out = g.out();
            List<InteractionType> types = g.types();
            int[] arcs = schedule.arcs[w];
            int[] sources = schedule.sources[w];
            List<Map<String, Object>> rows = new ArrayList<>(batch.size());
            for (int at = batch.from(); at < batch.to(); at++) {
                int e = arcs[at];
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
                rows.add(Map.of("source", elementIds[sources[at]], "target", elementIds[out.neighbor(e)], "properties", props));
            }
            return rows;
        }
    }

    /** A writer that stopped because another one failed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped: another writer failed", null, false, false);
        }
    }

    /** Property name of an interaction type's count on INTERACTED relationships. */
    public static String countProperty(InteractionType t) {
        return t.label();
    }
}
