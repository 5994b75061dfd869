package dev.chorus.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Waiting for background work as if it had run on the caller: its error comes back as it was thrown. */
public final class Futures {
    private Futures() {
    }

    /** A pool of {@code threads} daemon workers named {@code chorus-NAME}, so that a failed run never hangs the JVM on exit. */
    public static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "chorus-" + name);
            th.setDaemon(true);
            return th;
        });
    }

    /**
     * The result of {@code f}; an unchecked exception or error of the task is rethrown as it was (an
     * {@link OutOfMemoryError} stays one, so the CLI's heap advice still applies), a checked one wrapped.
     */
    public static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
