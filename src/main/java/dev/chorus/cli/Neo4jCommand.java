package dev.chorus.cli;

import dev.chorus.output.Json;
import dev.chorus.graph.GraphLoader;
import dev.chorus.neo4j.BackendException;
import dev.chorus.neo4j.ImportFiles;
import dev.chorus.neo4j.Neo4jAdmin;
import dev.chorus.neo4j.Neo4jClient;
import dev.chorus.neo4j.Neo4jLoader;
import dev.chorus.neo4j.Neo4jSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chorus neo4j load|import|analyze|query}: the Neo4j backend (contract: "chorus neo4j ..."). */
@Command(name = "neo4j", mixinStandardHelpOptions = true,
        header = "Load or import interactions into Neo4j, analyze them there, write results back, run Cypher query files.",
        subcommands = {Neo4jCommand.Load.class, Neo4jCommand.Import.class, Neo4jAnalyzeCommand.class, Neo4jQueryCommand.class})
final class Neo4jCommand implements Runnable {
    /** Where the password is looked up; tests replace it (a JVM cannot change its own environment). */
    static Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a neo4j command is required: load, import, analyze or query");
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

    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Write INPUT as the files of Neo4j's offline importer (neo4j-admin database import full) into --to DIR; JSON summary on stdout.",
            description = {"The same graph as 'neo4j load' writes, for a first load into an empty database: "
                    + "DIR/import.args holds the importer's options, so 'cd DIR && neo4j-admin database import full neo4j @import.args' "
                    + "is the whole import (server stopped). Prints that command and the docker compose one; --run runs it."})
    static final class Import implements Callable<Integer> {
        /** The docker-compose.yml service the printed command runs the importer in. */
        static final String SERVICE = "neo4j";

        @Spec
        CommandSpec spec;

        @Mixin
        InputOptions input;

        @Option(names = "--to", required = true, paramLabel = "DIR", description = "Directory for the importer's files (created; rejected rows go to DIR/rejected.tsv).")
        Path to;

        @Option(names = "--gzip", defaultValue = "no", paramLabel = "WHEN",
                description = "Gzip the data files: auto (above " + ImportFiles.GZIP_ABOVE + " users + interactions), yes or no (default: ${DEFAULT-VALUE}).")
        String gzip;

        @Option(names = "--overwrite", description = "Let the import replace an existing database neo4j (adds --overwrite-destination=true to import.args).")
        boolean overwrite;

        @Option(names = "--run", description = "Run neo4j-admin (from PATH, or --neo4j-admin) on the files; the server must be stopped.")
        boolean run;

        @Option(names = "--neo4j-admin", paramLabel = "FILE", description = "The neo4j-admin executable for --run (default: the one on PATH).")
        Path admin;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Boolean zip = switch (gzip.toLowerCase(Locale.ROOT)) {
                case "auto" -> null;
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalArgumentException("--gzip: unknown '" + gzip + "' (use auto, yes or no)");
            };
            return backend(err, () -> {
                long t0 = System.nanoTime();
                java.nio.file.Files.createDirectories(to);
                GraphLoader.Loaded loaded = input.load(err, to.resolve("rejected.tsv"), null);
                double readSeconds = (System.nanoTime() - t0) / 1e9;
                ImportFiles.Result r = ImportFiles.write(loaded.graph(), input.input, loaded.rows(), to, new ImportFiles.Config(zip, overwrite),
                        CliProgress.create(err, input.quiet));
                err.printf("chorus: %s: %d rows read = %d loaded + %d rejected; %d users, %d interactions written to %s%n",
                        input.input, loaded.rows().read(), loaded.rows().loaded(), loaded.rows().rejected(), r.users(), r.interactions(), to);
                String local = "cd " + shell(to.toString()) + " && " + String.join(" ", ImportFiles.COMMAND);
                String docker = "docker compose stop " + SERVICE + " && docker compose run --rm --no-deps -v " + shell(to.toAbsolutePath() + ":/import")
                        + " -w /import " + SERVICE + " " + String.join(" ", ImportFiles.COMMAND) + " && docker compose up -d";
                String schema = "chorus neo4j query cypher/schema.cypher";
                double importSeconds = 0;
                if (run) {
                    long t1 = System.nanoTime();
                    if (!input.quiet) err.println("chorus: running neo4j-admin database import full neo4j @" + ImportFiles.ARGS + " in " + to);
                    err.flush();
                    Neo4jAdmin.runImport(admin != null ? admin : Neo4jAdmin.onPath(environment.apply("PATH")), to);
                    importSeconds = (System.nanoTime() - t1) / 1e9;
                    err.println("chorus: imported into database neo4j (report: " + to.resolve("import.report") + "); start the server, then "
                            + "create the constraints and indexes: " + schema + " (neo4j load and neo4j analyze --write do it themselves)");
                } else {
                    err.println("chorus: import with the server stopped (database neo4j absent or empty, or --overwrite):");
                    err.println("  local install:  neo4j stop; " + local + "; neo4j start");
                    err.println("  docker compose: " + docker);
                    err.println("chorus: after the first start, create the constraints and indexes: " + schema
                            + " (neo4j load and neo4j analyze --write do it themselves)");
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("input", input.input);
                summary.put("dir", to.toString());
                summary.put("users", r.users());
                summary.put("interactions", r.interactions());
                summary.put("weight_sum", r.weightSum());
                summary.put("directed", loaded.graph().isDirected());
                summary.put("rows", Map.of("read", loaded.rows().read(), "loaded", loaded.rows().loaded(), "rejected", loaded.rows().rejected()));
                summary.put("files", r.files());
                summary.put("import_args", r.args());
                summary.put("commands", Map.of("local", local, "docker_compose", docker, "schema_after_start", schema));
                summary.put("imported", run);
                summary.put("read_seconds", readSeconds);
                summary.put("write_seconds", r.seconds());
                summary.put("import_seconds", importSeconds);
                summary.put("rows_per_second", seconds > 0 ? loaded.rows().read() / seconds : null);
                spec.commandLine().getOut().println(Json.pretty(summary));
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            });
        }

        /** A shell word: as is when plain, else single-quoted. */
        static String shell(String s) {
            return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
        }
    }
}
