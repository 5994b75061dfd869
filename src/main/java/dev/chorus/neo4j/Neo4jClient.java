package dev.chorus.neo4j;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * A connection to one Neo4j server through the official Java driver (Apache-2.0; the server itself stays
 * behind the Bolt protocol). Writes run as managed transactions: the driver retries transient failures
 * (deadlocks, leader switches, a dropped connection) with exponential backoff and jitter for up to
 * {@link Neo4jSettings#retryTime()}, so batch writes must be idempotent, which Chorus's are (MERGE + SET of
 * absolute values, or a first load's CREATE guarded by its progress node, see {@link Neo4jLoader}). Every statement takes parameters; no user text is ever spliced into Cypher. Driver
 * failures become one-line {@link BackendException}s.
 */
public final class Neo4jClient implements AutoCloseable {
    private final Neo4jSettings settings;
    private final Driver driver;

    private Neo4jClient(Neo4jSettings settings, Driver driver) {
        this.settings = settings;
        this.driver = driver;
    }

    /** Connects and checks that the server answers and accepts the credentials. */
    public static Neo4jClient connect(Neo4jSettings settings) {
        AuthToken auth = settings.password() == null ? AuthTokens.none() : AuthTokens.basic(settings.user(), settings.password());
        Config config = Config.builder()
                .withMaxTransactionRetryTime(settings.retryTime().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .withConnectionTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .withLogging(Logging.none()) // results and errors go through Chorus's own one-line messages
                .build();
        Driver driver;
        try {
            driver = GraphDatabase.driver(settings.uri(), auth, config);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--uri: not a Neo4j URI: " + settings.uri() + " (" + e.getMessage() + ")");
        }
        Neo4jClient client = new Neo4jClient(settings, driver);
        try {
            driver.verifyConnectivity();
            // verifyConnectivity does not authenticate against every server version: one trivial query does
            client.read("RETURN 1 AS ok", Map.of(), Result::list);
        } catch (RuntimeException e) {
            driver.close();
            throw client.translate(e, "connect");
        }
        return client;
    }

    public Neo4jSettings settings() {
        return settings;
    }

    /** Runs one statement in a managed write transaction (retried on transient errors); returns its summary counters. */
    public org.neo4j.driver.summary.SummaryCounters write(String cypher, Map<String, Object> params) {
        return write(tx -> tx.run(cypher, params).consume().counters(), cypher);
    }

    /** Runs work in a managed write transaction; {@code work} may be called more than once (retries). */
    public <T> T write(Function<TransactionContext, T> work, String what) {
        try (Session s = driver.session()) {
            return s.executeWrite(work::apply);
        } catch (RuntimeException e) {
            throw translate(e, what);
        }
    }

    /** Runs one statement in a managed read transaction; {@code collect} may be called more than once (retries). */
    public <T> T read(String cypher, Map<String, Object> params, Function<Result, T> collect) {
        try (Session s = driver.session()) {
            return s.executeRead(tx -> collect.apply(tx.run(cypher, params)));
        } catch (RuntimeException e) {
            throw translate(e, cypher);
        }
    }

    /**
     * Runs one statement in an auto-commit transaction: for statements that manage their own transactions
     * ({@code CALL { ... } IN TRANSACTIONS}), schema commands and GDS procedures. Not retried.
     */
    public <T> T autoCommit(String cypher, Map<String, Object> params, Function<Result, T> collect) {
        try (Session s = driver.session()) {
            return collect.apply(s.run(cypher, params));
        } catch (RuntimeException e) {
            throw translate(e, cypher);
        }
    }

    public List<Record> list(String cypher, Map<String, Object> params) {
        return read(cypher, params, Result::list);
    }

    /** One line that says what failed and what to do; never the password. */
    BackendException translate(RuntimeException e, String what) {
        if (e instanceof BackendException b) return b;
        String where = "Neo4j at " + settings.uri();
        String msg;
        if (e instanceof AuthenticationException) {
            msg = where + " refused the credentials of user '" + settings.user() + "' (check " + Neo4jSettings.PASSWORD_ENV
                    + " or --password-file, and --user)";
        } else if (e instanceof SecurityException) {
            msg = where + ": access denied for user '" + settings.user() + "': " + firstLine(e.getMessage());
        } else if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
            msg = "cannot reach " + where + " (" + firstLine(e.getMessage()) + "); is the server running? (docker compose up -d)";
        } else if (e instanceof TransientException) {
            msg = where + ": gave up after retrying for " + settings.retryTime().toSeconds() + " s: " + firstLine(e.getMessage());
        } else if (e instanceof ClientException) {
            msg = where + " rejected " + describe(what) + ": " + firstLine(e.getMessage());
        } else if (e instanceof Neo4jException) {
            msg = where + ": " + describe(what) + " failed: " + firstLine(e.getMessage());
        } else {
            return new BackendException(where + ": " + describe(what) + " failed: " + e, e);
        }
        return new BackendException(msg, e);
    }

    private static String describe(String what) {
        String w = firstLine(what).trim();
        return w.length() > 80 ? "statement '" + w.substring(0, 77) + "...'" : w.contains(" ") ? "statement '" + w + "'" : w;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        driver.close();
    }
}
