package dev.chorus.ingest;
// TEMPORARY placeholder until the streaming reader lands
public final class GmlReader implements InteractionReader {
    @Override
    public void read(InputSource in, IngestOptions options, InteractionSink sink, RowAccounting rows, dev.chorus.progress.Progress.Task progress) {
        throw new UnsupportedOperationException();
    }
}
