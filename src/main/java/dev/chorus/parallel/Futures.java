package dev.chorus.parallel;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

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
     * {@code a} and {@code b}, in that order: with more than one thread {@code b} runs on a thread of its own while
     * {@code a} runs on the caller; with one, both on the caller. Errors as {@link #join}.
     */
    public static <T> List<T> both(int threads, String name, Supplier<T> a, Supplier<T> b) {
        if (threads <= 1) {
            T ra = a.get();
            return List.of(ra, b.get());
        }
        ExecutorService other = daemonPool(1, name);
        try {
            Future<T> fb = other.submit(b::get);
            T ra = a.get();
            return List.of(ra, join(fb));
        } finally {
            other.shutdownNow();
        }
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
