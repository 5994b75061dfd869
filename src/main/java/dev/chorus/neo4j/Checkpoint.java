package dev.chorus.neo4j;

import dev.chorus.output.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.InteractionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * How far a {@code neo4j load} got, and what its batches were cut from (the graph's size, weight sum and
 * fingerprint, the batch size, the number of writers): progress only applies to the same input loaded with the
 * same batch size.
 * <p>
 * It lives in two places. The database's {@code (:ChorusLoad)} and {@code (:ChorusLoadWriter)} nodes
 * ({@code cypher/load-progress.cypher}) are updated in the same transaction as each batch, so they are exact
 * after any crash, and {@code --resume} goes on after the batches they list: this is what makes the CREATE path
 * of a first load (not idempotent) resumable. The {@code --checkpoint} file is a copy saved after each commit,
 * for people and scripts to see, and so that {@code --resume} refuses the checkpoint of another input; it may
 * lag the database by the batches whose commit it did not see, which does not matter because the database
 * decides. Saved atomically (write, then rename), so a crash leaves the previous file or the new one, never
 * half a file.
 *
 * @param fingerprint        {@link #fingerprint} of the graph: another input of the same size and weight sum
 *                           must not resume this load's batches
 * @param writers            writers of the load's {@link LoadSchedule}; a resumed load keeps them
 * @param committed          per writer: its batches 0 .. committed-1 are in the database
 * @param firstLoad          the load started in a database without {@code :User} nodes, and CREATEs its users and
 *                           interactions instead of MERGEing them
 */
public record Checkpoint(String input, boolean directed, long nodes, long edges, double weightSum, long fingerprint, int batchSize,
                         int writers, long totalBatches, List<Long> committed, boolean firstLoad) {
    private static final ObjectMapper JSON = Json.mapper();

    public Checkpoint {
        committed = List.copyOf(committed);
    }

    /** A load none of whose batches is committed yet. */
    static Checkpoint start(String input, InteractionGraph g, long fingerprint, int batchSize, int writers, long totalBatches,
                            boolean firstLoad) {
        return new Checkpoint(input, g.isDirected(), g.nodeCount(), g.edgeCount(), g.weightSum(), fingerprint, batchSize, writers,
                totalBatches, Collections.nCopies(writers, 0L), firstLoad);
    }

    /** Whether this checkpoint was cut from the graph {@code g} (of that {@code fingerprint}) with the same batch size. */
    public boolean sameLoad(InteractionGraph g, long fingerprint, int batchSize) {
        return directed == g.isDirected() && nodes == g.nodeCount() && edges == g.edgeCount()
                && Double.compare(weightSum, g.weightSum()) == 0 && this.fingerprint == fingerprint && this.batchSize == batchSize;
    }

    /**
     * A 64-bit hash of everything a load writes, in load order: user ids, then every arc's ends, weight, type
     * counts and times. Equal graphs give equal fingerprints; a changed id, pair or value almost surely changes
     * it. O(n + m).
     */
    public static long fingerprint(InteractionGraph g) {
        long h = 0x9E3779B97F4A7C15L;
        for (int u = 0; u < g.nodeCount(); u++) h = mix(h, g.ids().id(u).hashCode());
        Adjacency out = g.out();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                h = mix(mix(mix(h, u), out.neighbor(e)), Double.doubleToLongBits(out.weight(e)));
                for (InteractionType t : g.types()) h = mix(h, g.typeCount(e, t));
                h = mix(mix(h, g.firstTime(e)), g.lastTime(e));
            }
        }
        return h;
    }

    private static long mix(long h, long x) {
        h = (h ^ x) * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }

    /** Whether the counts fit {@code schedule}: as many batches and writers, no count beyond its writer's batches. */
    boolean fits(LoadSchedule schedule) {
        if (writers != schedule.writers || totalBatches != schedule.totalBatches()) return false;
        for (int w = 0; w < writers; w++) {
            long c = committed.get(w);
            if (c < 0 || c > schedule.batches.get(w).size()) return false;
        }
        return true;
    }

    /** Batches committed by all writers. */
    public long committedBatches() {
        long sum = 0;
        for (long c : committed) sum += c;
        return sum;
    }

    /** The same load after writer {@code writer} committed its first {@code batches} batches. */
    public Checkpoint committed(int writer, long batches) {
        List<Long> next = new ArrayList<>(committed);
        next.set(writer, batches);
        return new Checkpoint(input, directed, nodes, edges, weightSum, fingerprint, batchSize, writers, totalBatches, next, firstLoad);
    }

    /** Properties of the {@code (:ChorusLoad)} node (the writers' counts live on their own nodes). */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("input", input);
        p.put("directed", directed);
        p.put("nodes", nodes);
        p.put("edges", edges);
        p.put("weight_sum", weightSum);
        p.put("fingerprint", fingerprint);
        p.put("batch_size", batchSize);
        p.put("writers", writers);
        p.put("total_batches", totalBatches);
        p.put("first_load", firstLoad);
        return p;
    }

    /**
     * The checkpoint that statement 1 of {@code load-progress.cypher} returned ({@code load}, {@code committed}),
     * or {@code null} for none, another shape (an older Chorus), or writer nodes that do not match.
     */
    public static Checkpoint of(Value load, Value committed) {
        if (load.isNull() || load.get("writers").isNull() || load.get("fingerprint").isNull() || load.get("first_load").isNull()) {
            return null;
        }
        int writers = load.get("writers").asInt();
        List<Long> counts = committed.asList(Value::asLong);
        if (writers < 1 || writers > Neo4jLoader.MAX_WRITERS || counts.size() != writers) return null;
        return new Checkpoint(load.get("input").asString(""), load.get("directed").asBoolean(), load.get("nodes").asLong(),
                load.get("edges").asLong(), load.get("weight_sum").asDouble(), load.get("fingerprint").asLong(),
                load.get("batch_size").asInt(), writers,
                load.get("total_batches").asLong(), counts, load.get("first_load").asBoolean());
    }

    /** The checkpoint in {@code file}, or {@code null} if there is none. */
    public static Checkpoint read(Path file) {
        if (!Files.exists(file)) return null;
        try {
            return JSON.readValue(file.toFile(), Checkpoint.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("--checkpoint " + file + ": not a Chorus load checkpoint (" + e.getMessage().split("\n")[0]
                    + "); delete it or drop --resume");
        }
    }

    public void save(Path file) {
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
