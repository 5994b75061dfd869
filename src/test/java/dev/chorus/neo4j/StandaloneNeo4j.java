package dev.chorus.neo4j;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * A standalone Neo4j 5.26 Community server in a child JVM (main class {@code org.neo4j.server.CommunityEntryPoint}
 * from the test classpath), with its data directory on disk and authentication enabled. Unlike the in-process
 * harness it can be killed like a crashed server ({@link #kill()}: SIGKILL, no clean shutdown) and started again
 * on the same data ({@link #start()}), which recovers from its transaction log: what the interrupted-load test
 * needs. Slow to start (tens of seconds on 2 busy cores): one per test class.
 */
final class StandaloneNeo4j implements AutoCloseable {
    static final String PASSWORD = "chorus-test-secret";
    /** How often a start asks whether the server answers: Neo4jImportBenchmark times the start, to within this. */
    private static final long POLL_MILLIS = 100;
    private final Path home;
    private final int port;
    private Process process;

    StandaloneNeo4j(Path home) throws IOException {
        this.home = home;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        Path conf = home.resolve("conf");
        Files.createDirectories(conf);
        Files.write(conf.resolve("neo4j.conf"), List.of(
                "server.bolt.listen_address=127.0.0.1:" + port,
                "server.bolt.advertised_address=127.0.0.1:" + port,
                "server.http.enabled=false",
                "server.https.enabled=false",
                "dbms.security.auth_enabled=true",
                "db.tx_log.preallocate=false",
                "dbms.usage_report.enabled=false",
                "server.memory.pagecache.size=64m",
                "server.memory.heap.max_size=512m",
                "server.jvm.additional=-XX:+UseSerialGC"));
    }

    URI uri() {
        return URI.create("bolt://127.0.0.1:" + port);
    }

    Path home() {
        return home;
    }

    /** Starts the server on its data directory and waits until Bolt answers (first start: sets the password). */
    void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.neo4j.server.CommunityEntryPoint",
                "--home-dir=" + home, "--config-dir=" + home.resolve("conf"));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        process = pb.start();
        boolean first = !Files.exists(home.resolve("password-set"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (true) {
            if (!process.isAlive()) throw new IllegalStateException("standalone Neo4j exited; see " + home.resolve("console.log"));
            try (Driver d = GraphDatabase.driver(uri(), AuthTokens.basic("neo4j", first ? "neo4j" : PASSWORD))) {
                d.verifyConnectivity();
                if (first) {
                    try (Session s = d.session(SessionConfig.forDatabase("system"))) {
                        s.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $p", Map.of("p", PASSWORD)).consume();
                    }
                    Files.writeString(home.resolve("password-set"), "yes");
                }
                break;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("standalone Neo4j did not answer in 300 s", notYet);
                Thread.sleep(POLL_MILLIS);
            }
        }
        // the default database may still be starting after Bolt answers
        try (Driver d = GraphDatabase.driver(uri(), AuthTokens.basic("neo4j", PASSWORD))) {
            while (true) {
                try (Session s = d.session()) {
                    s.run("RETURN 1").consume();
                    break;
                } catch (RuntimeException notYet) {
                    if (System.nanoTime() > deadline) throw notYet;
                    Thread.sleep(POLL_MILLIS);
                }
            }
        }
    }

    /**
     * A {@code neo4j-admin} script in {@code bin} that runs the admin tool of the test classpath (it holds
     * {@code neo4j-import-tool}) on this server's home, as a local install's would; for {@code neo4j import --run}.
     */
    Path adminScript(Path bin) throws IOException {
        Path script = bin.resolve("neo4j-admin");
        Files.createDirectories(bin);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nNEO4J_HOME='" + home + "' NEO4J_CONF='" + home.resolve("conf") + "' exec '" + java
                + "' -Xmx1g -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' org.neo4j.cli.AdminTool \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Kills the server as a crash would: no shutdown, no checkpoint; committed transactions survive in the log. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
        }
    }
}
