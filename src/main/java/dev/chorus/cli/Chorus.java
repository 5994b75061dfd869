package dev.chorus.cli;

import dev.chorus.ingest.InputException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code chorus} command: subcommands per the CLI contract, exit codes mapped from exceptions. */
@Command(name = "chorus", mixinStandardHelpOptions = true, versionProvider = Chorus.Version.class,
        description = "Graph analyzer for social interaction data: hubs (soloists) vs. tightly knit clusters (choirs).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:usage error (unknown flag, missing or invalid argument)",
                "3:input error (unreadable file, malformed data beyond --max-rejects)",
                "4:backend error (Neo4j unreachable, authentication)"})
public final class Chorus implements Runnable {
    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(InfoCommand.class, CentralityCommand.class, CommunitiesCommand.class,
            SimulateCommand.class, SeedsCommand.class, AnalyzeCommand.class, BacktestCommand.class, ReportCommand.class, SparkCommand.class,
            GenerateCommand.class, BenchCommand.class, Neo4jCommand.class, CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String... args) {
        try {
            System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args).execute(args));
        } catch (OutOfMemoryError e) {
            System.err.println(HeapAdvice.message(Runtime.getRuntime().maxMemory()));
            System.exit(ExitCode.SOFTWARE);
        }
    }

    /** The CLI with every subcommand, wired to the given streams; tests call {@code execute} on it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The CLI to run {@code args}, as {@code main} runs it: when {@code args[0]} names a subcommand other than
     * {@code help}, only that one is registered, since picocli reads the options of every registered command up front
     * (about 0.1 s of CPU for all of them); otherwise all, so that help and unknown-command errors list them all.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Chorus());
        Class<?> only = null;
        for (Class<?> c : COMMANDS) {
            if (args.length > 0 && c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0])) only = c;
        }
        for (Class<?> c : COMMANDS) if (only == null || c == only) cl.addSubcommand(c);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, rest) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("chorus: " + ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (HeapAdvice.outOfMemory(ex)) {
                c.getErr().println(HeapAdvice.message(Runtime.getRuntime().maxMemory()));
                c.getErr().flush();
                return ExitCode.SOFTWARE;
            }
            int code = exitCode(ex);
            String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            // an output that cannot be written is the user's path, not a bug: its message names the file
            if (code == ExitCode.SOFTWARE && !(ex instanceof java.io.UncheckedIOException)) {
                msg = "internal error: " + ex + " (please report it)";
            }
            c.getErr().println("chorus: " + msg);
            if (Boolean.getBoolean("chorus.stacktrace")) ex.printStackTrace(c.getErr());
            c.getErr().flush();
            return code;
        });
        return cl;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof InputException) return ExitCode.INPUT;
        if (ex instanceof IllegalArgumentException) return ExitCode.USAGE;
        return ExitCode.SOFTWARE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Chorus.class.getPackage().getImplementationVersion();
            return new String[] {"chorus " + (v == null ? "dev" : v)};
        }
    }
}
