package dev.chorus.cli;

import dev.chorus.output.Json;
import dev.chorus.output.ClusterCsv;
import dev.chorus.community.ClusterAudience;
import dev.chorus.roles.EngagementConfig;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.PassionateClusters;
import dev.chorus.roles.RoleConfig;
import dev.chorus.output.CsvOut;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Cohesion;
import dev.chorus.community.CohesionConfig;
import dev.chorus.community.Communities;
import dev.chorus.community.CommunityAlgorithm;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.community.CommunitySettings;
import dev.chorus.community.LeidenConfig;
import dev.chorus.community.Modularity;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
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

@Command(name = "communities", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Find communities: CSV node,community to --out (or stdout) and a JSON summary.")
final class CommunitiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--algo", required = true, paramLabel = "A", description = "louvain, leiden, lpa, wcc or scc.")
    String algo;

    @Option(names = "--out", paramLabel = "FILE", description = "Write node,community here; the JSON summary then goes to stdout.")
    Path out;

    @Option(names = "--clusters", paramLabel = "FILE", description = "Also write per-community cohesion metrics (clusters.csv columns).")
    Path clusters;

    @Option(names = "--resolution", defaultValue = "1.0", paramLabel = "R",
            description = "louvain, leiden: resolution gamma; higher gives smaller communities (default: ${DEFAULT-VALUE}).")
    double resolution;

    @Option(names = "--quality", defaultValue = "modularity", paramLabel = "Q",
            description = "leiden: modularity or cpm (constant Potts model) (default: ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-iterations", paramLabel = "N", description = "leiden: iterations (default: 2, as igraph; a huge value runs until stable); lpa: sweeps (default: 100).")
    Integer maxIterations;

    @Option(names = "--min-size", defaultValue = "1", paramLabel = "K",
            description = "Communities smaller than K are reported as -1 in the CSV and left out of --clusters (default: ${DEFAULT-VALUE}).")
    int minSize;

    @Option(names = "--unweighted", description = "Ignore interaction weights (louvain, leiden, lpa use them by default).")
    boolean unweighted;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        CommunityAlgorithm algorithm = CommunityAlgorithms.byName(algo).orElseThrow(() -> new IllegalArgumentException(
                "--algo: unknown algorithm '" + algo + "' (available: " + String.join(", ", CommunityAlgorithms.names()) + ")"));
        if (minSize < 1) throw new IllegalArgumentException("--min-size must be >= 1, got " + minSize);
        if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        if (unweighted && algorithm.alwaysWeighted()) {
            throw new IllegalArgumentException("--unweighted: louvain and leiden always use weights; pass --unweighted to lpa only");
        }
        PrintWriter err = spec.commandLine().getErr();
        GraphLoader.Loaded loaded = input.load(err, InputOptions.besides(out), threads);
        InteractionGraph g = loaded.graph();
        // --quality is read by leiden only, and checked only when it is
        CommunitySettings settings = CommunitySettings.defaults().withResolution(resolution)
                .withQuality(algorithm == CommunityAlgorithms.LEIDEN ? leidenQuality() : LeidenConfig.Quality.MODULARITY)
                .withMaxIterations(maxIterations).withWeighted(!unweighted).withSeed(seed)
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        Communities c = algorithm.compute(g, settings, CliProgress.create(err, input.quiet));
        if (!c.converged()) err.printf("chorus: warning: %s stopped at its iteration cap (%d)%n", algo, c.iterations());
        int[] sizes = c.sizes();
        writeMembership(c, sizes, spec.commandLine().getOut());
        List<ClusterCohesion> cohesion = clusters == null ? null : writeClusters(g, c, sizes);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("algorithm", algo);
        summary.put("nodes", g.nodeCount());
        long kept = java.util.Arrays.stream(sizes).filter(s -> s >= minSize).count();
        summary.put("communities", kept);
        summary.put("communities_total", c.count());
        summary.put("min_size", minSize);
        summary.put("modularity", Modularity.of(g, c.membership()));
        summary.put("quality", Double.isNaN(c.quality()) ? null : c.quality());
        summary.put("resolution", resolution);
        summary.put("seed", seed);
        summary.put("levels", c.levels());
        summary.put("iterations", c.iterations());
        summary.put("converged", c.converged());
        summary.put("largest_sizes", java.util.Arrays.stream(sizes).limit(10).boxed().toList());
        if (cohesion != null) summary.put("clusters_file", clusters.toString());
        String json = Json.pretty(summary);
        PrintWriter jsonOut = out == null ? err : spec.commandLine().getOut();
        jsonOut.println(json);
        jsonOut.flush();
        return ExitCode.OK;
    }

    private LeidenConfig.Quality leidenQuality() {
        return switch (quality.toLowerCase(java.util.Locale.ROOT)) {
            case "modularity" -> LeidenConfig.Quality.MODULARITY;
            case "cpm" -> LeidenConfig.Quality.CPM;
            default -> throw new IllegalArgumentException("--quality: unknown '" + quality + "' (use modularity or cpm)");
        };
    }

    private void writeMembership(Communities c, int[] sizes, PrintWriter stdout) {
        Writer w = CsvOut.open(out, stdout);
        try {
            w.write("node,community\n");
            StringBuilder line = new StringBuilder(32);
            for (int u = 0; u < c.membership().length; u++) {
                int k = c.membership()[u];
                line.setLength(0);
                line.append(CsvOut.field(c.ids().id(u))).append(',').append(sizes[k] >= minSize ? k : -1).append('\n');
                w.write(line.toString());
            }
            w.flush();
            if (out != null) w.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + (out == null ? "stdout" : out) + ": " + e.getMessage(), e);
        }
    }

    private List<ClusterCohesion> writeClusters(InteractionGraph g, Communities c, int[] sizes) {
        List<ClusterCohesion> all = Cohesion.compute(g, c, CohesionConfig.defaults());
        List<ClusterCohesion> kept = all.stream().filter(k -> sizes[k.community()] >= minSize).toList();
        // reach and kind as analyze classifies communities, with the default thresholds
        ClusterKinds rules = ClusterKinds.resolve(g, Engagement.compute(g, c, EngagementConfig.defaults()).column("reciprocity"), ClusterConfig.defaults(),
                RoleConfig.defaults().minZ());
        ClusterCsv.write(clusters, kept, PassionateClusters.compute(c, all, ClusterAudience.compute(g, c), rules));
        return kept;
    }
}
