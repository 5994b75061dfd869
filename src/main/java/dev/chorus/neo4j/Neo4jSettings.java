package dev.chorus.neo4j;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Where the server is and how to log in. The password comes only from the environment variable
 * {@value #PASSWORD_ENV} or from a file, never from the command line (it would show in {@code ps} and shell
 * history), and {@link #toString()} never shows it.
 *
 * @param uri       Bolt URI, e.g. {@code bolt://localhost:7687} or {@code neo4j://host:7687}
 * @param user      user name
 * @param password  password, or {@code null} to connect without authentication (a server with auth disabled)
 * @param retryTime how long the driver retries a transaction that failed with a transient error (with
 *                  exponential backoff) before giving up
 */
public record Neo4jSettings(URI uri, String user, String password, Duration retryTime) {
    public static final String PASSWORD_ENV = "NEO4J_PASSWORD";
    public static final URI DEFAULT_URI = URI.create("bolt://localhost:7687");
    public static final String DEFAULT_USER = "neo4j";
    public static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    public Neo4jSettings {
        if (uri == null) throw new IllegalArgumentException("uri must not be null");
        if (user == null || user.isEmpty()) throw new IllegalArgumentException("user must not be empty");
        if (retryTime == null || retryTime.isNegative()) throw new IllegalArgumentException("retryTime must be >= 0");
    }

    /** Settings for a server with authentication disabled (tests, local experiments). */
    public static Neo4jSettings noAuth(URI uri) {
        return new Neo4jSettings(uri, DEFAULT_USER, null, DEFAULT_RETRY);
    }

    public Neo4jSettings withRetryTime(Duration d) {
        return new Neo4jSettings(uri, user, password, d);
    }

    /**
     * The password from {@code file} (first line, trailing newline dropped) when given, else from the
     * environment; {@code null} when neither has one (the server must then have authentication disabled).
     */
    public static String password(Path file, Function<String, String> env) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                String first = nl < 0 ? text : text.substring(0, nl);
                if (first.endsWith("\r")) first = first.substring(0, first.length() - 1);
                if (first.isEmpty()) throw new IllegalArgumentException("--password-file " + file + ": the first line is empty");
                return first;
            } catch (IOException e) {
                throw new IllegalArgumentException("--password-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        String p = env.apply(PASSWORD_ENV);
        return p == null || p.isEmpty() ? null : p;
    }

    @Override
    public String toString() {
        return "Neo4jSettings[uri=" + uri + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", retryTime=" + retryTime + "]";
    }
}
