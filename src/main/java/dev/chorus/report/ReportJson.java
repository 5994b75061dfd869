package dev.chorus.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.roles.PassionateCluster;
import dev.chorus.roles.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: the analysis for machines. The structure is documented in README ("report.json") and
 * formally stated in {@code src/main/resources/dev/chorus/report/report.schema.json} (JSON Schema 2020-12, shipped in the jar),
 * which the tests validate against. JSON has no NaN or infinity:
 * undefined or infinite numbers are written as {@code null}. Node objects carry exactly the {@link NodeTable}
 * columns, so they read like rows of {@code nodes.csv}.
 */
public final class ReportJson {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static void write(AnalysisResult r, Source source, Path file) {
        try {
            JSON.writeValue(file.toFile(), tree(r, source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static ObjectNode tree(AnalysisResult r, Source source) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        String version = ReportJson.class.getPackage().getImplementationVersion();
        root.put("chorus_version", version == null ? "dev" : version);
        ObjectNode input = root.putObject("input");
        input.put("path", source.input());
        input.put("format", source.format());
        ObjectNode rows = input.putObject("rows");
        rows.put("read", source.rows().read());
        rows.put("loaded", source.rows().loaded());
        rows.put("rejected", source.rows().rejected());

        var g = r.graph();
        ObjectNode graph = root.putObject("graph");
        graph.put("nodes", g.nodeCount());
        graph.put("edges", g.edgeCount());
        graph.put("directed", g.isDirected());
        graph.put("self_loops", g.selfLoopCount());
        number(graph, "reciprocity", g.reciprocity());
        graph.put("density", g.density());
        graph.put("weight_sum", g.weightSum());

        AnalysisConfig c = r.config();
        ObjectNode settings = root.putObject("settings");
        settings.put("top", c.top());
        settings.put("k", c.k());
        settings.put("seed", c.seed());
        ArrayNode models = settings.putArray("models");
        c.models().forEach(models::add);
        settings.put("threads", c.threads());
        settings.put("betweenness_samples", r.betweennessSamples());
        settings.put("community_algorithm", r.communities().algorithm());
        settings.put("seeding_runs", c.seedingRuns());
        ObjectNode roleSettings = settings.putObject("roles");
        var rc = c.roles();
        roleSettings.put("top_percentile", rc.topPercentile());
        roleSettings.put("min_z", rc.minZ());
        roleSettings.put("hub_max_reciprocity", rc.hubMaxReciprocity());
        roleSettings.put("periphery_core_share", rc.peripheryCoreShare());
        roleSettings.put("bridge_min_participation", rc.bridgeMinParticipation());
        roleSettings.put("engager_min_answer", rc.engagerMinAnswer());
        roleSettings.put("min_activity", rc.minActivity());
        roleSettings.put("broadcaster_max_answer", rc.broadcasterMaxAnswer());
        ObjectNode clusterSettings = settings.putObject("clusters");
        clusterSettings.put("resolution", c.clusters().resolution());
        clusterSettings.put("min_size", c.clusters().minSize());
        clusterSettings.put("max_size", c.clusters().maxSize());
        clusterSettings.put("min_score", c.clusters().minScore());
        clusterSettings.put("core_size", c.clusters().coreSize());

        ArrayNode summary = root.putArray("summary");
        Summary.sentences(r).forEach(summary::add);

        ObjectNode communities = root.putObject("communities");
        communities.put("algorithm", r.communities().algorithm());
        communities.put("count", r.communities().count());
        communities.put("modularity", r.modularity());
        communities.put("clusters", r.clusters().count());

        ObjectNode roles = root.putObject("roles");
        ObjectNode counts = roles.putObject("counts");
        for (Role role : Role.values()) counts.put(role.label(), r.roles().count(role));
        ObjectNode thresholds = roles.putObject("thresholds");
        for (Map.Entry<String, Double> e : r.roles().thresholds().entrySet()) number(thresholds, e.getKey(), e.getValue());

        ArrayNode hubs = root.putArray("hubs");
        for (String id : r.hubs().subList(0, Math.min(c.top(), r.hubs().size()))) hubs.add(node(r.nodes(), g.ids().index(id)));
        ObjectNode byRole = root.putObject("top_by_role");
        for (Role role : List.of(Role.PERIPHERY_HUB, Role.BRIDGE, Role.ENGAGER, Role.BROADCASTER)) {
            ArrayNode list = byRole.putArray(role.label());
            for (int u : topWith(r, role)) list.add(node(r.nodes(), u));
        }

        ArrayNode clusters = root.putArray("passionate_clusters");
        for (PassionateCluster p : r.passionate()) clusters.add(cluster(p));

        if (r.seeding() == null) {
            root.putNull("seeding");
        } else {
            ObjectNode seeding = root.putObject("seeding");
            seeding.put("k", r.seeding().k());
            seeding.put("runs", r.seeding().runs());
            seeding.put("threshold_k", r.seeding().thresholdK());
            ArrayNode arms = seeding.putArray("arms");
            for (SeedingArm a : r.seeding().arms()) {
                ObjectNode arm = arms.addObject();
                arm.put("strategy", a.strategy());
                arm.put("model", a.model());
                ArrayNode seeds = arm.putArray("seeds");
                a.seeds().forEach(seeds::add);
                arm.put("runs", a.runs());
                number(arm, "mean", a.mean());
                number(arm, "sd", a.sd());
                number(arm, "ci95_low", a.ci95Low());
                number(arm, "ci95_high", a.ci95High());
                ArrayNode curve = arm.putArray("curve");
                for (double v : a.curve()) curve.add(v);
            }
        }
        ObjectNode timings = root.putObject("timings_seconds");
        r.seconds().forEach(timings::put);
        return root;
    }

    /** The nodes holding {@code role}, strongest first by the metric that defines the role, at most {@code top}. */
    static List<Integer> topWith(AnalysisResult r, Role role) {
        double[] key = switch (role) {
            case PERIPHERY_HUB -> r.nodes().metric("total");
            case BRIDGE -> r.nodes().metric("betweenness");
            case BROADCASTER, ENGAGER -> r.nodes().metric("out");
            default -> r.nodes().metric("pagerank");
        };
        return java.util.Arrays.stream(r.roles().nodes(role)).boxed()
                .sorted(Comparator.<Integer>comparingDouble(u -> -key[u]).thenComparing(u -> r.graph().ids().id(u)))
                .limit(r.config().top()).toList();
    }

    static ObjectNode node(NodeTable t, int u) {
        ObjectNode o = JSON.createObjectNode();
        for (Map.Entry<String, Object> e : t.row(u).entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s) o.put(e.getKey(), s);
            else if (v instanceof Integer i) o.put(e.getKey(), i);
            else if (v instanceof Double d) number(o, e.getKey(), d);
            else if (v instanceof List<?> l) {
                ArrayNode a = o.putArray(e.getKey());
                l.forEach(x -> a.add(x.toString()));
            }
        }
        return o;
    }

    static ObjectNode cluster(PassionateCluster p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rank", p.rank());
        o.put("cluster", p.cluster());
        o.put("size", p.cohesion().size());
        o.put("score", p.score());
        ObjectNode parts = o.putObject("parts");
        p.parts().forEach(parts::put);
        ObjectNode cohesion = o.putObject("cohesion");
        for (Map.Entry<String, Number> e : p.cohesion().asMap().entrySet()) {
            if (e.getValue() instanceof Double d) number(cohesion, e.getKey(), d);
            else cohesion.put(e.getKey(), e.getValue().longValue());
        }
        ArrayNode core = o.putArray("core");
        p.cohesion().core().forEach(core::add);
        ArrayNode members = o.putArray("members");
        p.members().forEach(members::add);
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

    /** For tests and tools: parse a written report. */
    public static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
