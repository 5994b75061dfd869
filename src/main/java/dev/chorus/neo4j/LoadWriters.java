package dev.chorus.neo4j;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import org.neo4j.driver.TransactionContext;

/**
 * The writers of one load: writer k runs its batches of the {@link LoadSchedule} in order, skips those its
 * progress node lists, and waits for the others at the end of each phase (users, then each round).
 */
final class LoadWriters {
    private final Neo4jClient client;
    private final InteractionGraph g;
    private final Neo4jLoader.Config config;
    private final LoadSchedule schedule;
    private final String[] elementIds;
    private final String interactions;
    private final String users;
    private final String lookup;
    private final String readCount;
    private final String commitCount;
    private final Neo4jLoader.BatchListener listener;
    private final List<GraphModel.Column> userColumns;
    private final List<GraphModel.Column> pairColumns;
    private final Phaser phaseEnd;
    // guarded by this: the progress copy, the listener and the progress bar see one commit at a time
    private Checkpoint checkpoint;
    private long committedNow;
    private long recordsDone;
    private Progress.Task task;
    private volatile boolean failed;

    LoadWriters(Neo4jClient client, InteractionGraph g, Neo4jLoader.Config config, LoadSchedule schedule, Checkpoint checkpoint, String[] elementIds,
            String users, String lookup, String interactions, List<String> progressStatements, Neo4jLoader.BatchListener listener) {
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
        this.userColumns = GraphModel.userColumns(g);
        this.pairColumns = GraphModel.pairColumns(g);
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
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (int at = batch.from(); at < batch.to(); at++) {
            int u = schedule.userOrder[at];
            rows.add(Map.of("id", ids.id(u), "properties", GraphModel.properties(userColumns, c -> GraphModel.userValue(g, c, u))));
        }
        return rows;
    }

    /** Stored pairs of one batch of writer {@code w}, ends as element ids. */
    private List<Map<String, Object>> pairRows(int w, LoadSchedule.Batch batch) {
        Adjacency out = g.out();
        int[] arcs = schedule.arcs[w];
        int[] sources = schedule.sources[w];
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (int at = batch.from(); at < batch.to(); at++) {
            int e = arcs[at];
            rows.add(Map.of("source", elementIds[sources[at]], "target", elementIds[out.neighbor(e)],
                    "properties", GraphModel.properties(pairColumns, c -> GraphModel.pairValue(g, c, e))));
        }
        return rows;
    }

    /** A writer that stopped because another one failed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped: another writer failed", null, false, false);
        }
    }
}
