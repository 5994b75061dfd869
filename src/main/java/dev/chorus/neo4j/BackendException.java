package dev.chorus.neo4j;

/**
 * The Neo4j backend failed: server unreachable, credentials refused, a statement rejected, retries exhausted.
 * The message is one line that names what failed and what to do; it never contains the password.
 */
public final class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }

    public BackendException(String message) {
        super(message);
    }
}
