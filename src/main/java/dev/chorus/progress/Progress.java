package dev.chorus.progress;

/**
 * Where long work reports how far it got. Algorithms and readers take one and never know whether it draws a
 * bar on a terminal or does nothing, so that the core stays free of terminal code (and runs inside Spark).
 */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (name, total, unit) -> Task.NONE;

    /**
     * Starts a task.
     *
     * @param name  what is being done, e.g. "reading"
     * @param total amount of work in {@code unit}, or -1 when unknown (stdin)
     * @param unit  e.g. "MB", "rows", "nodes"
     */
    Task begin(String name, long total, String unit);

    /** One phase of work; close it when the phase ends. */
    interface Task extends AutoCloseable {
        Task NONE = new Task() {
            @Override
            public void stepTo(long done) {
            }

            @Override
            public void close() {
            }
        };

        /** Sets the amount done so far (monotone). Cheap enough to call every few thousand items. */
        void stepTo(long done);

        /**
         * Corrects the total when the work turns out shorter than announced, e.g. a stopping rule that ended it
         * early, so that the finished task shows what was done rather than the announced maximum.
         */
        default void total(long total) {
        }

        @Override
        void close();
    }
}
