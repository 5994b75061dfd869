package dev.chorus.ingest;

import dev.chorus.progress.Progress;
import java.io.IOException;

/** Entry point of the ingest layer: picks the reader for an input and streams it into a sink. */
public final class Ingest {
    private Ingest() {
    }

    /** The reader for a concrete format. */
    public static InteractionReader reader(Format format) {
        return switch (format) {
            case SNAP -> new SnapReader();
            case CSV -> new DelimitedReader(',');
            case TSV -> new DelimitedReader('\t');
            case JSONL -> new JsonlReader();
            case GML -> new GmlReader();
            case GRAPHML -> new GraphmlReader();
            case AUTO -> throw new IllegalArgumentException("AUTO is not a reader; call FormatDetector.detect first");
        };
    }

    /**
     * Reads {@code in} to its end into {@code sink}, the rows that {@code rows}' filter keeps.
     *
     * @return the format that was read (the detected one for {@link Format#AUTO})
     * @throws InputException if the input as a whole is unusable, or on an I/O error (named with the input)
     */
    public static Format read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows,
                              Progress progress) {
        Format format = options.format() == Format.AUTO ? FormatDetector.detect(in) : options.format();
        try (Progress.Task task = progress.begin("reading " + in.name(), in.size(), "bytes")) {
            reader(format).read(in, options, sink, rows, task);
            rows.checkFilter();
        } catch (IOException e) {
            throw new InputException(in.name() + ": read failed (" + e.getMessage() + ")", e);
        }
        return format;
    }
}
