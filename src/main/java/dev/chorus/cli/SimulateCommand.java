package dev.chorus.cli;

import dev.chorus.output.Json;
import dev.chorus.diffusion.DiffusionModel;
import dev.chorus.diffusion.Propagation;
import dev.chorus.diffusion.Simulation;
import dev.chorus.diffusion.SimulationConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.graph.InteractionGraph;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Monte Carlo spread of a message from given seeds (influence flows target -> source); JSON on stdout.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--model", required = true, paramLabel = "M",
            description = "ic (independent cascade), lt (linear threshold), threshold (complex contagion), sir.")
    String model;

    @Option(names = "--seeds", required = true, split = ",", paramLabel = "ID,ID",
            description = "Original ids of the seed nodes (an empty list is allowed: spread 0).")
    List<String> seeds;

    @Mixin
    PropagationOptions propagation;

    @Mixin
    DiffusionOptions diffusion;

    @Option(names = "--runs", defaultValue = "10000", paramLabel = "N", description = "Monte Carlo runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--k", defaultValue = "2", paramLabel = "K",
            description = "threshold: active in-neighbours needed to adopt (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--fraction", paramLabel = "F", description = "threshold: adopt when this share of in-neighbours is active (instead of --k).")
    Double fraction;

    @Option(names = "--beta", defaultValue = "0.1", paramLabel = "B", description = "sir: infection probability per contact and step (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--gamma", defaultValue = "0.5", paramLabel = "G", description = "sir: recovery probability per step (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--max-steps", defaultValue = "10000", paramLabel = "N", description = "sir: step cap (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Override
    public Integer call() throws Exception {
        DiffusionModel m = DiffusionModel.parse(model);
        if (runs < 1) throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        Propagation prop = propagation.propagation(m, k, fraction, beta, gamma, maxSteps);
        SimulationConfig config = new SimulationConfig(prop, runs, diffusion.seed, diffusion.threads());
        List<String> ids = seedList(seeds);
        PrintWriter err = spec.commandLine().getErr();
        InteractionGraph g = input.load(err, null, diffusion.threads()).graph();
        long t0 = System.nanoTime();
        SimulationResult r = Simulation.compute(g, Simulation.indices(g, ids), config, CliProgress.create(err, input.quiet));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", r.model());
        json.put("runs", r.runs());
        json.put("mean", r.mean());
        json.put("ci95_low", DiffusionOptions.num(r.ci95Low()));
        json.put("ci95_high", DiffusionOptions.num(r.ci95High()));
        json.put("sd", DiffusionOptions.num(r.sd()));
        json.put("min", r.min());
        json.put("max", r.max());
        json.put("seeds", ids);
        json.put("nodes", g.nodeCount());
        json.put("weights", prop.weights() == null ? null : prop.weights().describe());
        if (m == DiffusionModel.THRESHOLD) json.put(fraction == null ? "k" : "fraction", fraction == null ? (Object) k : fraction);
        if (m == DiffusionModel.SIR) {
            json.put("beta", beta);
            json.put("gamma", gamma);
        }
        json.put("seed", diffusion.seed);
        json.put("seconds", (System.nanoTime() - t0) / 1e9);
        json.put("curve", Arrays.stream(r.curve()).boxed().toList());
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.pretty(json));
        out.flush();
        return ExitCode.OK;
    }

    /** The ids given, empty ones dropped ({@code --seeds ""} is the empty set); ids are kept exactly as written. */
    static List<String> seedList(List<String> given) {
        List<String> ids = new ArrayList<>();
        for (String s : given) if (!s.isEmpty()) ids.add(s);
        return ids;
    }
}
