package dev.chorus.cli;

import dev.chorus.output.Json;
import dev.chorus.graph.GraphLoader;
import dev.chorus.neo4j.BackendException;
import dev.chorus.neo4j.Neo4jClient;
import dev.chorus.neo4j.Neo4jLoader;
import dev.chorus.neo4j.Neo4jSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chorus neo4j load|analyze|query}: the Neo4j backend (contract: "chorus neo4j ..."). */
@Command(name = "neo4j", mixinStandardHelpOptions = true,
        header = "Load interactions into Neo4j, analyze them there, write results back, run Cypher query files.",
        subcommands = {Neo4jCommand.Load.class, Neo4jAnalyzeCommand.class, Neo4jQueryCommand.class})
final class Neo4jCommand implements Runnable {
    /** Where the password is looked up; tests replace it (a JVM cannot change its own environment). */
    static Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a neo4j command is required: load, analyze or query");
    }

    /** Server and credentials; the password only from the environment or a file. */
    static final class Connection {
        @Option(names = "--uri", defaultValue = "bolt://localhost:7687", paramLabel = "URI",
                description = "Neo4j Bolt URI (default: ${DEFAULT-VALUE}).")
        String uri;

        @Option(names = "--user", defaultValue = "neo4j", paramLabel = "NAME", description = "Neo4j user (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the password from the first line of FILE instead of env NEO4J_PASSWORD.")
        Path passwordFile;

        @Option(names = "--retry-seconds", defaultValue = "30", paramLabel = "S",
                description = "Retry transactions that fail with transient errors for up to S seconds, with backoff (default: ${DEFAULT-VALUE}).")
        long retrySeconds;

        Neo4jSettings settings() {
            if (retrySeconds < 0) throw new IllegalArgumentException("--retry-seconds must be >= 0, got " + retrySeconds);
            URI u;
            try {
                u = URI.create(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--uri: not a URI: " + uri);
            }
            return new Neo4jSettings(u, user, Neo4jSettings.password(passwordFile, environment), Duration.ofSeconds(retrySeconds));
        }

        Neo4jClient connect() {
            return Neo4jClient.connect(settings());
        }
    }

    /** Runs a backend command: a {@link BackendException} is one line on stderr and exit 4. */
    static int backend(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (BackendException e) {
            err.println("chorus: " + e.getMessage());
            err.flush();
            return ExitCode.BACKEND;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Load INPUT into Neo4j in batched, idempotent, resumable transactions; JSON summary on stdout.")
    static final class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        InputOptions input;

        @Mixin
        Connection connection;

        @Option(names = "--batch-size", defaultValue = "10000", paramLabel = "N",
                description = "Users or interactions per transaction (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--writers", defaultValue = "" + Neo4jLoader.DEFAULT_WRITERS, paramLabel = "N",
                description = "Concurrent writer transactions, on disjoint users (default: ${DEFAULT-VALUE}); --resume keeps the interrupted load's.")
        int writers;

        @Option(names = "--checkpoint", defaultValue = "chorus-neo4j-load.checkpoint", paramLabel = "FILE",
                description = "Copy of the load's progress (the database holds the exact one); deleted when the load completes (default: ${DEFAULT-VALUE}).")
        Path checkpoint;

        @Option(names = "--resume", description = "Go on after the last batch the database committed (same input, same --batch-size as in --checkpoint).")
        boolean resume;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Neo4jLoader.Config config = new Neo4jLoader.Config(batchSize, writers, checkpoint, resume);
            return backend(err, () -> {
                try (Neo4jClient client = connection.connect()) {
                    long t0 = System.nanoTime();
                    GraphLoader.Loaded loaded = input.load(err, null, null);
                    double readSeconds = (System.nanoTime() - t0) / 1e9;
                    Neo4jLoader.Result r = Neo4jLoader.load(client, loaded.graph(), input.input, loaded.rows(), config,
                            CliProgress.create(err, input.quiet), null);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    err.printf("chorus: %s: %d rows read = %d loaded + %d rejected; %d users, %d interactions in Neo4j%s%n",
                            input.input, loaded.rows().read(), loaded.rows().loaded(), loaded.rows().rejected(), r.users(),
                            r.interactions(), r.resumedAfter() > 0 ? " (resumed after batch " + r.resumedAfter() + ")" : "");
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("input", input.input);
                    summary.put("uri", client.settings().uri().toString());
                    summary.put("users", r.users());
                    summary.put("interactions", r.interactions());
                    summary.put("weight_sum", r.weightSum());
                    summary.put("directed", loaded.graph().isDirected());
                    summary.put("rows", Map.of("read", loaded.rows().read(), "loaded", loaded.rows().loaded(),
                            "rejected", loaded.rows().rejected()));
                    summary.put("batch_size", batchSize);
                    summary.put("writers", r.writers());
                    summary.put("batches", r.batches());
                    summary.put("resumed_after_batches", r.resumedAfter());
                    summary.put("first_load", r.firstLoad());
                    summary.put("read_seconds", readSeconds);
                    summary.put("write_seconds", r.seconds());
                    summary.put("rows_per_second", seconds > 0 ? loaded.rows().read() / seconds : null);
                    spec.commandLine().getOut().println(Json.pretty(summary));
                    spec.commandLine().getOut().flush();
                    return ExitCode.OK;
                }
            });
        }
    }
}
