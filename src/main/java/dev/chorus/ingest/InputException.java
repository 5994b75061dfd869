package dev.chorus.ingest;

/**
 * The input as a whole cannot be used: missing or unreadable file, a header that names no source/target,
 * or more rejected rows than the user allowed. The CLI maps it to exit code 3. Problems with single rows are
 * not exceptions: they are rejected rows (see {@link RowAccounting}).
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
