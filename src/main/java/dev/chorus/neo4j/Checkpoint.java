package dev.chorus.neo4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * How far a {@code neo4j load} got, and what its batches were cut from (graph size, weight sum, batch size):
 * progress only applies to the same input loaded with the same batch size.
 * <p>
 * It lives in two places. The database's {@code (:ChorusLoad)} node ({@code cypher/load-progress.cypher}) is
 * updated in the same transaction as each batch, so it is exact after any crash, and {@code --resume} goes on
 * after the batches it lists: this is what makes the CREATE path (not idempotent) resumable. The
 * {@code --checkpoint} file is a copy saved after each commit, for people and scripts to see, and so that
 * {@code --resume} refuses the checkpoint of another input; it may lag the database by the one batch whose
 * commit it did not see, which does not matter because the database decides. Saved atomically (write, then
 * rename), so a crash leaves the previous file or the new one, never half a file.
 *
 * @param committedBatches   batches 0 .. committedBatches-1 are in the database
 * @param createInteractions the load started in a database without INTERACTED relationships and CREATEs them
 */
public record Checkpoint(String input, boolean directed, long nodes, long edges, double weightSum, int batchSize,
                         long totalBatches, long committedBatches, boolean createInteractions) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether this checkpoint was cut from the same graph with the same batch size as {@code other}. */
    public boolean sameLoad(Checkpoint other) {
        return directed == other.directed && nodes == other.nodes && edges == other.edges
                && Double.compare(weightSum, other.weightSum) == 0 && batchSize == other.batchSize
                && totalBatches == other.totalBatches;
    }

    public Checkpoint committed(long batches) {
        return new Checkpoint(input, directed, nodes, edges, weightSum, batchSize, totalBatches, batches, createInteractions);
    }

    /** Properties of the {@code (:ChorusLoad)} node. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("input", input);
        p.put("directed", directed);
        p.put("nodes", nodes);
        p.put("edges", edges);
        p.put("weight_sum", weightSum);
        p.put("batch_size", batchSize);
        p.put("total_batches", totalBatches);
        p.put("committed_batches", committedBatches);
        p.put("create_interactions", createInteractions);
        return p;
    }

    /** The checkpoint a {@code (:ChorusLoad)} node's properties hold, or {@code null} for none or another shape. */
    public static Checkpoint of(Value p) {
        if (p.isNull() || p.get("committed_batches").isNull() || p.get("create_interactions").isNull()) return null;
        return new Checkpoint(p.get("input").asString(""), p.get("directed").asBoolean(), p.get("nodes").asLong(),
                p.get("edges").asLong(), p.get("weight_sum").asDouble(), p.get("batch_size").asInt(), p.get("total_batches").asLong(),
                p.get("committed_batches").asLong(), p.get("create_interactions").asBoolean());
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
