package dev.chorus.cli;

import dev.chorus.output.Json;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.InteractionType;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Describe a graph: size, self-loops, reciprocity, density, weights, types, time range, row accounting.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GraphLoader.Loaded loaded = input.load(err, null, null);
        Map<String, Object> info = describe(input.input, loaded);
        if (json) {
            out.println(Json.pretty(info));
        } else {
            printText(out, info);
        }
        out.flush();
        return ExitCode.OK;
    }

    static Map<String, Object> describe(String name, GraphLoader.Loaded loaded) {
        InteractionGraph g = loaded.graph();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", name);
        m.put("format", loaded.format().name().toLowerCase());
        m.put("directed", g.isDirected());
        m.put("nodes", g.nodeCount());
        m.put("edges", g.edgeCount());
        m.put("self_loops", g.selfLoopCount());
        double r = g.reciprocity();
        m.put("reciprocity", Double.isNaN(r) ? null : r);
        m.put("density", g.density());
        m.put("weight_sum", g.weightSum());
        int isolated = 0;
        int maxOut = 0;
        int maxIn = 0;
        for (int u = 0; u < g.nodeCount(); u++) {
            if (g.out().degree(u) == 0 && g.in().degree(u) == 0) isolated++;
            maxOut = Math.max(maxOut, g.out().degree(u));
            maxIn = Math.max(maxIn, g.in().degree(u));
        }
        m.put("isolated_nodes", isolated);
        m.put("max_out_degree", maxOut);
        m.put("max_in_degree", maxIn);
        Map<String, Long> types = new LinkedHashMap<>();
        for (Map.Entry<InteractionType, Long> e : g.rowsByType().entrySet()) types.put(e.getKey().code(), e.getValue());
        m.put("types", types);
        m.put("platforms", loaded.platforms());
        long[] range = g.timeRange();
        if (range != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("first", Instant.ofEpochSecond(range[0]).toString());
            t.put("last", Instant.ofEpochSecond(range[1]).toString());
            t.put("first_epoch", range[0]);
            t.put("last_epoch", range[1]);
            m.put("time_range", t);
        } else {
            m.put("time_range", null);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("read", loaded.rows().read());
        rows.put("loaded", loaded.rows().loaded());
        rows.put("rejected", loaded.rows().rejected());
        rows.put("filtered", loaded.rows().filtered());
        m.put("rows", rows);
        m.put("memory_bytes", g.memoryBytes().values().stream().mapToLong(Long::longValue).sum());
        return m;
    }

    private static void printText(PrintWriter out, Map<String, Object> info) {
        for (Map.Entry<String, Object> e : info.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof Double d ? String.format("%.6g", d) : String.valueOf(v);
            out.printf("%-15s %s%n", e.getKey(), text);
        }
    }
}
