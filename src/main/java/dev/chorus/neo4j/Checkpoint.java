package dev.chorus.neo4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last committed batch of a {@code neo4j load}, saved after every commit so that {@code --resume} goes on
 * after it. It also records what the batches were cut from (graph size, weight sum, batch size): a checkpoint
 * only applies to the same input loaded with the same batch size. Saved atomically (write, then rename), so a
 * crash leaves the previous checkpoint or the new one, never half a file. A crash between a commit and its
 * checkpoint makes the resumed load write that batch again, which is harmless: batches are idempotent.
 *
 * @param committedBatches batches 0 .. committedBatches-1 are in the database
 */
public record Checkpoint(String input, boolean directed, long nodes, long edges, double weightSum, int batchSize,
                         long totalBatches, long committedBatches) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether this checkpoint was cut from the same graph with the same batch size as {@code other}. */
    public boolean sameLoad(Checkpoint other) {
        return directed == other.directed && nodes == other.nodes && edges == other.edges
                && Double.compare(weightSum, other.weightSum) == 0 && batchSize == other.batchSize
                && totalBatches == other.totalBatches;
    }

    public Checkpoint committed(long batches) {
        return new Checkpoint(input, directed, nodes, edges, weightSum, batchSize, totalBatches, batches);
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
