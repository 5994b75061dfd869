package dev.chorus.neo4j;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserAggregationFunction;
import org.neo4j.procedure.UserFunction;

/**
 * One real in-process Neo4j 5.26 (neo4j-harness) per test JVM, with Graph Data Science 2.13.9 registered, so
 * tests run against a real server and never a mock. Starting a server takes 7-13 s on 2 cores: share it
 * (tests isolate themselves by clearing the database, see {@link #clear()}).
 *
 * <p>GDS jars on the classpath are not enough inside the harness: its procedure and function classes must be
 * registered one by one, so they are found by scanning the GDS jars for {@code @Procedure} / {@code
 * @UserFunction} / {@code @UserAggregationFunction} methods.
 */
public final class Neo4jTestServer {
    /** Page cache of the test server: docker-compose.yml's {@code NEO4J_server_memory_pagecache_size}. */
    static final long PAGE_CACHE_BYTES = 1L << 30;
    private static Neo4j server;
    private static int gdsClasses;

    private Neo4jTestServer() {
    }

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized Neo4j get() {
        if (server == null) {
            Neo4jBuilder b = Neo4jBuilders.newInProcessBuilder()
                    .withDisabledServer()
                    .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                    // the harness defaults to an 8 MiB page cache, which makes every write fault pages in and out;
                    // give it docker-compose.yml's 1 GiB so that tests and benchmarks see a server configured as users run it
                    .withConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES)
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
            for (Class<?> c : gdsProcedureClasses()) {
                boolean proc = false, func = false, agg = false;
                for (Method m : c.getDeclaredMethods()) {
                    proc |= m.isAnnotationPresent(Procedure.class);
                    func |= m.isAnnotationPresent(UserFunction.class);
                    agg |= m.isAnnotationPresent(UserAggregationFunction.class);
                }
                if (proc) b = b.withProcedure(c);
                if (func) b = b.withFunction(c);
                if (agg) b = b.withAggregationFunction(c);
                if (proc || func || agg) gdsClasses++;
            }
            server = b.build();
            Neo4j started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server;
    }

    /** Bolt address of the shared server (authentication disabled). */
    public static URI boltUri() {
        return get().boltURI();
    }

    /** Settings for the shared server (no authentication; short retries so that failing tests fail fast). */
    public static Neo4jSettings settings() {
        return Neo4jSettings.noAuth(boltUri()).withRetryTime(java.time.Duration.ofSeconds(5));
    }

    /** A client on the shared server; close it. */
    public static Neo4jClient client() {
        return Neo4jClient.connect(settings());
    }

    /** Number of GDS classes registered (for a sanity check in tests). */
    public static synchronized int gdsClassCount() {
        get();
        return gdsClasses;
    }

    /** Deletes every node, relationship, GDS in-memory graph and schema object, so a test starts empty. */
    public static void clear() {
        var db = get().defaultDatabaseService();
        // over Bolt: GDS keeps projections per user, and Bolt sessions are not the embedded API's user
        try (org.neo4j.driver.Driver d = org.neo4j.driver.GraphDatabase.driver(boltUri(), org.neo4j.driver.AuthTokens.none());
             org.neo4j.driver.Session s = d.session()) {
            s.run("CALL gds.graph.list() YIELD graphName CALL gds.graph.drop(graphName) YIELD graphName AS dropped RETURN count(*)").consume();
        }
        db.executeTransactionally("CALL gds.graph.list() YIELD graphName CALL gds.graph.drop(graphName) YIELD graphName AS dropped RETURN count(*)");
        db.executeTransactionally("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
        for (String show : List.of("SHOW CONSTRAINTS YIELD name RETURN name", "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")) {
            List<String> names = db.executeTransactionally(show, Map.of(), r -> {
                List<String> found = new ArrayList<>();
                r.forEachRemaining(row -> found.add((String) row.get("name")));
                return found;
            });
            String drop = show.startsWith("SHOW CONSTRAINTS") ? "DROP CONSTRAINT " : "DROP INDEX ";
            for (String n : names) db.executeTransactionally(drop + quote(n));
        }
    }

    // Schema names cannot be parameters in Cypher; they come from SHOW, not from users, and are backtick-quoted.
    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static List<Class<?>> gdsProcedureClasses() {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader cl = Neo4jTestServer.class.getClassLoader();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.replace('\\', '/').contains("/org/neo4j/gds/") || !entry.endsWith(".jar")) continue;
            try (JarFile jar = new JarFile(entry)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (!name.endsWith(".class") || name.contains("$") || name.startsWith("META-INF")) continue;
                    try {
                        Class<?> c = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, cl);
                        for (Method m : c.getDeclaredMethods()) {
                            if (m.isAnnotationPresent(Procedure.class) || m.isAnnotationPresent(UserFunction.class)
                                    || m.isAnnotationPresent(UserAggregationFunction.class)) {
                                out.add(c);
                                break;
                            }
                        }
                    } catch (LinkageError | ClassNotFoundException skip) {
                        // Classes whose optional dependencies are absent cannot hold procedures we call.
                    }
                }
            } catch (IOException ex) {
                throw new IllegalStateException("cannot read " + entry, ex);
            }
        }
        return out;
    }
}
