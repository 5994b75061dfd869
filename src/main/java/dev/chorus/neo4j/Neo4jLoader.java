package dev.chorus.neo4j;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.InteractionType;
import dev.chorus.ingest.RowCounts;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        GraphModel.applySchema(client);
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
        LoadWriters writers = new LoadWriters(client, g, config, schedule, checkpoint, elementIds, users.get(statement), users.get(2), interactions,
                progressStatements, listener);
        try (Progress.Task task = progress.begin("loading into Neo4j", (long) g.nodeCount() + g.edgeCount(), "records")) {
            writers.run(task);
        }

        Map<String, Object> meta = GraphModel.graphProperties(g, input, rows);
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

    /** Property name of an interaction type's count on INTERACTED relationships. */
    public static String countProperty(InteractionType t) {
        return t.label();
    }
}
