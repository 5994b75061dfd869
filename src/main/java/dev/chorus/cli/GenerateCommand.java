package dev.chorus.cli;

import dev.chorus.generate.SocialGraphGenerator;
import dev.chorus.progress.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write a synthetic directed social interaction graph (snap): heavy-tailed degrees, replies, triangle closing.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", required = true, paramLabel = "N", description = "Number of users.")
    int nodes;

    @Option(names = "--edges", required = true, paramLabel = "M", description = "Number of interaction rows.")
    long edges;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (.gz compresses) instead of stdout.")
    Path out;

    @Option(names = "--reciprocity", defaultValue = "0.15", paramLabel = "P",
            description = "Share of rows that reply to the previous row (default: ${DEFAULT-VALUE}).")
    double reciprocity;

    @Option(names = "--closure", defaultValue = "0.2", paramLabel = "P",
            description = "Share of rows that close a triangle (default: ${DEFAULT-VALUE}).")
    double closure;

    @Option(names = "--exponent", defaultValue = "0.8", paramLabel = "X",
            description = "Zipf exponent of activity and popularity (default: ${DEFAULT-VALUE}).")
    double exponent;

    @Option(names = "--plain", description = "Write 'source target' only, without timestamp and type.")
    boolean plain;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        SocialGraphGenerator gen = new SocialGraphGenerator(nodes, edges, seed, reciprocity, closure, exponent, !plain);
        Progress progress = CliProgress.create(spec.commandLine().getErr(), quiet || out == null);
        try (Progress.Task task = progress.begin("generating", edges, "rows")) {
            if (out == null) {
                OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
                gen.write(stdout, task::stepTo);
                stdout.flush();
            } else {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                try (OutputStream os = open(out)) {
                    gen.write(os, task::stepTo);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + (out == null ? "stdout" : out) + ": " + e.getMessage(), e);
        }
        return ExitCode.OK;
    }

    private static OutputStream open(Path out) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        return out.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(os, 1 << 16) : os;
    }
}
