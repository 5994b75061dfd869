package dev.chorus.ingest;

import dev.chorus.progress.Progress;
import java.io.IOException;

/** Streams one input into a sink, accounting for every row. One implementation per format. */
public interface InteractionReader {
    /**
     * Reads {@code in} to its end. Memory must not grow with the input: rows are handed to {@code sink} one by
     * one; bad rows go to {@code rows} as rejected and the read goes on.
     *
     * @param progress the reader reports {@link InputSource#bytesRead()} to it now and then
     * @throws InputException when the input as a whole is unusable (e.g. a header without source/target, or
     *                        more rejected rows than allowed)
     */
    void read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
              Progress.Task progress) throws IOException;
}
