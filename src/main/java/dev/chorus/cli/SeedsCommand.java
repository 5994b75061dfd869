package dev.chorus.cli;

import dev.chorus.output.Json;
import dev.chorus.output.CsvOut;
import dev.chorus.diffusion.Celf;
import dev.chorus.diffusion.CelfConfig;
import dev.chorus.diffusion.DiffusionModel;
import dev.chorus.diffusion.Propagation;
import dev.chorus.diffusion.Imm;
import dev.chorus.diffusion.ImmConfig;
import dev.chorus.diffusion.SeedBaselines;
import dev.chorus.diffusion.SeedBaselinesConfig;
import dev.chorus.diffusion.SeedSelection;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "seeds", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Choose k seeds that spread a message furthest; CSV rank,node to --out (or stdout) and a JSON summary.")
final class SeedsCommand implements Callable<Integer> {
    static final List<String> METHODS = List.of("imm", "celf", "degree", "pagerank", "kcore");

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--k", required = true, paramLabel = "K", description = "Number of seeds.")
    int k;

    @Option(names = "--model", defaultValue = "ic", paramLabel = "M", description = "ic or lt (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--method", required = true, paramLabel = "M", description = "imm, celf, degree, pagerank or kcore.")
    String method;

    @Option(names = "--epsilon", defaultValue = "0.1", paramLabel = "E",
            description = "imm: approximation slack, (1-1/e-E)-approximate (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--ell", defaultValue = "1", paramLabel = "L",
            description = "imm: the guarantee holds with probability 1-n^-L (default: ${DEFAULT-VALUE}).")
    double ell;

    @Option(names = "--celf-runs", defaultValue = "1000", paramLabel = "N",
            description = "celf: Monte Carlo runs per spread evaluation (default: ${DEFAULT-VALUE}).")
    int celfRuns;

    @Option(names = "--runs", defaultValue = "10000", paramLabel = "N",
            description = "Monte Carlo runs of the independent estimate of the chosen set's spread (default: ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    PropagationOptions propagation;

    @Mixin
    DiffusionOptions diffusion;

    @Option(names = "--out", paramLabel = "FILE", description = "Write rank,node here; the JSON summary then goes to stdout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("--method: unknown method '" + method + "' (available: " + String.join(", ", METHODS) + ")");
        }
        DiffusionModel m = DiffusionModel.parse(model);
        if (m != DiffusionModel.IC && m != DiffusionModel.LT) throw new IllegalArgumentException("--model: seeds supports ic and lt, not " + model);
        if (k < 1) throw new IllegalArgumentException("--k must be >= 1, got " + k);
        if (runs < 1) throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        Propagation prop = propagation.propagation(m);
        int threads = diffusion.threads();
        ImmConfig immConfig = new ImmConfig(k, epsilon, ell, prop, diffusion.seed, threads);
        CelfConfig celfConfig = new CelfConfig(k, prop, celfRuns, diffusion.seed, true, threads);
        PrintWriter err = spec.commandLine().getErr();
        InteractionGraph g = input.load(err, InputOptions.besides(out), threads).graph();
        Progress progress = CliProgress.create(err, input.quiet);
        SeedSelection s = switch (method) {
            case "imm" -> Imm.compute(g, immConfig, progress);
            case "celf" -> Celf.compute(g, celfConfig, progress);
            default -> SeedBaselines.compute(g, new SeedBaselinesConfig(SeedBaselinesConfig.Method.parse(method), k, threads), progress);
        };
        SimulationResult eval;
        // the chosen set is judged on the evaluation stream, never by the estimator that chose it
        try (SpreadEstimator est = new SpreadEstimator(g.nodeCount(), prop.cascade(g), runs, diffusion.seed,
                SpreadEstimator.STREAM_EVALUATE, threads)) {
            eval = est.simulate(m.cliName(), s.nodes(), progress);
        }
        writeCsv(s, spec.commandLine().getOut());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", method);
        json.put("k", s.nodes().length);
        json.put("estimated_spread", eval.mean());
        json.put("ci95_low", DiffusionOptions.num(eval.ci95Low()));
        json.put("ci95_high", DiffusionOptions.num(eval.ci95High()));
        json.put("sd", DiffusionOptions.num(eval.sd()));
        json.put("evaluation_runs", eval.runs());
        json.put("model", m.cliName());
        json.put("weights", prop.weights().describe());
        json.put("nodes", g.nodeCount());
        json.put("selector_estimate", DiffusionOptions.num(s.estimate()));
        json.put("samples", s.samples());
        if (method.equals("imm")) {
            json.put("epsilon", epsilon);
            json.put("ell", ell);
        }
        if (method.equals("celf")) json.put("celf_runs", celfRuns);
        json.put("seed", diffusion.seed);
        json.put("selection_seconds", s.seconds());
        json.put("seeds", s.seeds());
        String text = Json.pretty(json);
        PrintWriter jsonOut = out == null ? err : spec.commandLine().getOut();
        jsonOut.println(text);
        jsonOut.flush();
        return ExitCode.OK;
    }

    private void writeCsv(SeedSelection s, PrintWriter stdout) {
        Writer w = CsvOut.open(out, stdout);
        try {
            w.write("rank,node\n");
            for (int i = 0; i < s.seeds().size(); i++) w.write((i + 1) + "," + CsvOut.field(s.seeds().get(i)) + "\n");
            w.flush();
            if (out != null) w.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + (out == null ? "stdout" : out) + ": " + e.getMessage(), e);
        }
    }
}
