package dev.chorus.cli;

import dev.chorus.centrality.PageRankConfig;
import dev.chorus.diffusion.DiffusionModel;
import dev.chorus.community.LabelPropagationConfig;
import dev.chorus.diffusion.SimulationConfig;
import dev.chorus.ingest.Format;
import dev.chorus.ingest.IngestOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chorus spark analyze}: CLI glue only. Nothing here touches a Spark class, so that the command parses,
 * and fails with one clear line, when Spark is not on the classpath ({@code java -jar target/chorus.jar}).
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Run the analysis on Apache Spark (spark-submit on a cluster, or ./chorus spark ... --master 'local[*]').",
        subcommands = {SparkCommand.Analyze.class})
final class SparkCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final String NO_SPARK = "Spark is not on the classpath: use spark-submit or ./chorus spark ...";

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (analyze)");
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Distributed subset of 'chorus analyze': writes DIR/nodes.csv, DIR/clusters.csv, DIR/report.json (and DIR/rejected.tsv); render the page with 'chorus report --from DIR'.")
    static final class Analyze implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        InputOptions input;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master: local[*], local[2], spark://host:7077, yarn ... (default: as spark-submit sets it).")
        String master;

        @Option(names = "--out", defaultValue = "chorus-report", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
                description = "Partitions of the read and the shuffles (default: Spark's default parallelism).")
        int partitions;

        @Option(names = "--checkpoint-dir", paramLabel = "DIR",
                description = "Directory the driver and every executor share (hdfs://..., or a local path on one machine) for "
                        + "reliable checkpoints of the iterative steps, so that a lost executor costs a few rounds, not a step; "
                        + "deleted at the end (default: none).")
        String checkpointDir;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--seeds", split = ",", paramLabel = "ID,ID,...",
                description = "Also estimate the independent-cascade spread from these seed nodes (Monte Carlo, parallel over runs).")
        List<String> seeds;

        @Mixin
        PropagationOptions propagation;

        @Option(names = "--runs", defaultValue = "10000", paramLabel = "N", description = "IC: Monte Carlo runs (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!sparkPresent()) {
                err.println("chorus: " + NO_SPARK);
                err.flush();
                return ExitCode.SOFTWARE;
            }
            if (input.input.equals("-")) throw new IllegalArgumentException("spark reads files, not stdin: give a path (local, hdfs://, s3a://)");
            if (partitions < 0) throw new IllegalArgumentException("--partitions must be >= 0, got " + partitions);
            IngestOptions options = input.toOptions(err, null);
            if (options.format() == Format.GML || options.format() == Format.GRAPHML) {
                throw new IllegalArgumentException("--format " + input.format + ": Spark reads row formats (snap, csv, tsv, jsonl); use the embedded engine for graph files");
            }
            if (runs < 1) throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
            SimulationConfig ic = SimulationConfig.defaults().withPropagation(propagation.propagation(DiffusionModel.IC)).withRuns(runs)
                    .withSeed(seed);
            return SparkGlue.analyze(master, input.input, options, out, partitions, seed, seeds, ic, input.quiet, checkpointDir,
                    spec.commandLine().getOut(), err);
        }
    }

    static boolean sparkPresent() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkCommand.class.getClassLoader());
            Class.forName("org.apache.spark.graphx.Graph", false, SparkCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only once Spark is known to be there. */
    static final class SparkGlue {
        private SparkGlue() {
        }

        static int analyze(String master, String input, IngestOptions options, Path out, int partitions, long seed, List<String> seeds,
                           SimulationConfig ic, boolean quiet, String checkpointDir, PrintWriter stdout, PrintWriter err) {
            dev.chorus.spark.SparkJob.Summary s = dev.chorus.spark.SparkJob.analyze(new dev.chorus.spark.SparkJob.Config(master, input,
                    dev.chorus.spark.SparkInput.Options.of(options), out, partitions, seed, PageRankConfig.defaults(),
                    LabelPropagationConfig.defaults().withSeed(seed), seeds, ic, quiet, checkpointDir), err);
            stdout.println(s.json());
            stdout.flush();
            return ExitCode.OK;
        }
    }
}
