package dev.chorus.output;

import dev.chorus.analysis.Source;
import dev.chorus.analysis.Layers;
import dev.chorus.analysis.ReachVsConversation;
import dev.chorus.analysis.PartialAnalysis;
import dev.chorus.analysis.NodeTable;
import dev.chorus.analysis.MemberEdge;
import dev.chorus.analysis.GraphStats;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.analysis.Seeding;
import dev.chorus.analysis.Goal;
import dev.chorus.analysis.Recommendation;
import dev.chorus.community.ClusterAudience;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.ClusterRanking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.TopNodes;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.PassionateCluster;
import dev.chorus.roles.Role;
import dev.chorus.roles.RoleConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: the analysis for machines. The structure is documented in README ("report.json") and
 * formally stated in {@code src/main/resources/dev/chorus/output/report.schema.json} (JSON Schema 2020-12, shipped in the jar),
 * which the tests validate against. JSON has no NaN or infinity:
 * undefined or infinite numbers are written as {@code null}. Node objects carry exactly the {@link NodeTable}
 * columns, so they read like rows of {@code nodes.csv}.
 */
public final class ReportJson {
    public static final int SCHEMA_VERSION = 1;
    /** Passionate clusters whose member ties ({@code edges}) are written, so that report.html can draw them from the file. */
    public static final int DRAWN_CLUSTERS = 6;
    private static final ObjectMapper JSON = Json.mapper();

    private ReportJson() {
    }

    public static void write(AnalysisResult r, Source source, Path file) {
        write(tree(r, source), file);
    }

    public static void write(JsonNode tree, Path file) {
        try {
            JSON.writeValue(file.toFile(), tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static ObjectNode tree(AnalysisResult r, Source source) {
        return tree(r, source, null, null);
    }

    /**
     * With a backtest ({@code analyze --backtest}): the tree gains a {@code backtest} object, the same tree as
     * {@code backtest.json} ({@link BacktestJson}), and the summary's verdict cites it.
     *
     * @param backtest       the backtest of the same input, or null
     * @param backtestSource its rows (the backtest reads the input again, untimed rows rejected)
     */
    public static ObjectNode tree(AnalysisResult r, Source source, BacktestResult backtest, Source backtestSource) {
        ObjectNode root = header("embedded", source, GraphStats.of(r.graph()));
        var g = r.graph();

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
        settings.put("goal", c.goal().cliName());
        roleSettings(settings, c.roles());
        clusterSettings(settings, c.clusters()).put("resolution", c.clusters().resolution());

        ArrayNode summary = root.putArray("summary");
        Summary.sentences(r, backtest).forEach(summary::add);

        communities(root, r.communities().algorithm(), r.communities().count(), r.modularity()).put("clusters", r.clusters().count());

        ObjectNode roles = root.putObject("roles");
        ObjectNode counts = roles.putObject("counts");
        for (Role role : Role.values()) counts.put(role.label(), r.roles().count(role));
        ObjectNode thresholds = roles.putObject("thresholds");
        for (Map.Entry<String, Double> e : r.roles().thresholds().entrySet()) number(thresholds, e.getKey(), e.getValue());

        ArrayNode hubs = root.putArray("hubs");
        for (String id : r.hubs().subList(0, Math.min(c.top(), r.hubs().size()))) hubs.add(node(r.nodes().row(g.ids().index(id))));
        ObjectNode byRole = root.putObject("top_by_role");
        for (Role role : List.of(Role.PERIPHERY_HUB, Role.BRIDGE, Role.ENGAGER, Role.BROADCASTER)) {
            ArrayNode list = byRole.putArray(role.label());
            for (int u : topWith(r, role)) list.add(node(r.nodes().row(u)));
        }

        ReachVsConversation rvc = ReachVsConversation.of(r.nodes());
        if (rvc != null) reachVsConversation(root.putObject("reach_vs_conversation"), r.nodes(), rvc, r.config().top());

        ArrayNode clusters = root.putArray("passionate_clusters");
        for (PassionateCluster p : r.passionate()) {
            clusters.add(cluster(p, p.rank() <= DRAWN_CLUSTERS ? memberEdges(g, p.members()) : null, r.seeding()));
        }
        ArrayNode rings = root.putArray("rings");
        for (PassionateCluster p : r.clusterKinds().rings()) {
            rings.add(cluster(p, p.rank() <= DRAWN_CLUSTERS ? memberEdges(g, p.members()) : null, r.seeding()));
        }
        clusterKinds(root, r.clusterKinds());

        seeding(root, r.seeding());
        recommendations(root, r.seeding(), c.goal());
        if (backtest != null) root.set("backtest", BacktestJson.tree(backtest, backtestSource));
        ObjectNode timings = root.putObject("timings_seconds");
        r.seconds().forEach(timings::put);
        return root;
    }

    /** Sets {@code report.json}'s {@code seeding} section (null when the experiment did not run). */
    public static void seeding(ObjectNode root, Seeding s) {
        if (s == null) {
            root.putNull("seeding");
            return;
        }
        ObjectNode seeding = root.putObject("seeding");
        seeding.put("k", s.k());
        seeding.put("runs", s.runs());
        seeding.put("threshold_k", s.thresholdK());
        ObjectNode layers = seeding.putObject("layers");
        for (Goal goal : Goal.values()) layers.put(goal.model(), s.layered() ? goal.layer() : "all");
        seeding.put("runs_used", s.runsUsed());
        if (s.stopping() != null) {
            ObjectNode stop = seeding.putObject("stopping");
            stop.put("rule", s.stopping().rule());
            stop.put("first_look", s.stopping().firstLook());
            stop.put("tolerance", s.stopping().tolerance());
            ArrayNode looks = stop.putArray("looks");
            for (int w : s.stopping().looks(s.runs())) looks.add(w);
        }
        ArrayNode arms = seeding.putArray("arms");
        for (SeedingArm a : s.arms()) {
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

    /** {@code cluster_kinds}: the clusters per kind and the resolved thresholds. */
    private static void clusterKinds(ObjectNode root, ClusterRanking k) {
        ObjectNode kinds = root.putObject("cluster_kinds");
        ObjectNode kindCounts = kinds.putObject("counts");
        for (String kind : List.of(ClusterKinds.CHOIR, ClusterKinds.RING, ClusterKinds.OTHER)) kindCounts.put(kind, k.count(kind));
        ObjectNode kindThresholds = kinds.putObject("thresholds");
        k.rules().thresholds().forEach((key, v) -> number(kindThresholds, key, v));
    }

    /**
     * Sets {@code recommendation} (the one of {@code goal}) and {@code recommendations} (every goal's), each null when
     * the experiment did not run or made none.
     */
    public static void recommendations(ObjectNode root, Seeding s, Goal goal) {
        Recommendation chosen = s == null ? null : s.recommendation(goal);
        if (chosen == null) root.putNull("recommendation");
        else root.set("recommendation", recommendation(chosen, s.thresholdK()));
        if (s == null || s.recommendations().isEmpty()) {
            root.putNull("recommendations");
        } else {
            ObjectNode all = root.putObject("recommendations");
            for (Recommendation rec : s.recommendations()) all.set(rec.goal().cliName(), recommendation(rec, s.thresholdK()));
        }
    }

    /** The contract's {@code {goal, strategy, seeds, reason}} and the numbers the reason cites. */
    private static ObjectNode recommendation(Recommendation rec, int thresholdK) {
        ObjectNode o = JSON.createObjectNode();
        o.put("goal", rec.goal().cliName());
        o.put("strategy", rec.arm().strategy());
        ArrayNode seeds = o.putArray("seeds");
        rec.arm().seeds().forEach(seeds::add);
        o.put("reason", Summary.reason(rec, thresholdK));
        o.put("model", rec.arm().model());
        o.put("layer", rec.layered() ? rec.goal().layer() : "all");
        o.put("runs", rec.arm().runs());
        number(o, "mean", rec.arm().mean());
        number(o, "ci95_low", rec.arm().ci95Low());
        number(o, "ci95_high", rec.arm().ci95High());
        number(o, "credibility", rec.credibility());
        if (rec.runnerUp() == null) {
            o.putNull("runner_up");
        } else {
            ObjectNode u = o.putObject("runner_up");
            u.put("strategy", rec.runnerUp().strategy());
            number(u, "mean", rec.runnerUp().mean());
            number(u, "ci95_low", rec.runnerUp().ci95Low());
            number(u, "ci95_high", rec.runnerUp().ci95High());
            number(u, "credibility", rec.runnerUpCredibility());
            u.put("tied", rec.tied());
        }
        o.put("for_credibility", rec.forCredibility());
        return o;
    }

    /**
     * The parts of {@code report.json} a {@link PartialAnalysis} has, under the embedded names ({@code reach_vs_conversation}
     * from its {@link PartialAnalysis#layerTops()} on typed input; the choirs, rings and {@code cluster_kinds}; the
     * seeding experiment and its recommendations, null when it did not run); the parts it lacks ({@code roles} and
     * {@code top_by_role} when it computed none, a role it could not decide) are left out, {@code engine} names who
     * made it, and {@code approximate} lists, in words, what is approximate or computed differently. The schema
     * states what such a report must hold.
     */
    public static ObjectNode tree(PartialAnalysis p) {
        ObjectNode root = header(p.engine(), p.source(), p.graph());
        ObjectNode settings = root.putObject("settings");
        settings.put("top", p.top());
        settings.put("seed", p.seed());
        settings.put("community_algorithm", p.communityAlgorithm());
        settings.put("goal", p.goal().cliName());
        if (p.roles() != null) roleSettings(settings, p.roles().rules().config());
        clusterSettings(settings, p.clusters());
        ArrayNode summary = root.putArray("summary");
        Summary.sentences(p).forEach(summary::add);
        communities(root, p.communityAlgorithm(), p.communityCount(), p.modularity());
        ArrayNode approximate = root.putArray("approximate");
        for (PartialAnalysis.Approximate a : p.approximate()) approximate.addObject().put("part", a.part()).put("note", a.note());
        if (p.roles() != null) {
            ObjectNode roles = root.putObject("roles");
            ObjectNode counts = roles.putObject("counts");
            p.roles().counts().forEach(counts::put);
            ObjectNode thresholds = roles.putObject("thresholds");
            p.roles().rules().thresholds().forEach((k, v) -> number(thresholds, k, v));
        }
        ArrayNode hubs = root.putArray("hubs");
        p.hubs().forEach(h -> hubs.add(node(h)));
        if (p.roles() != null) {
            ObjectNode byRole = root.putObject("top_by_role");
            p.roles().topByRole().forEach((role, rows) -> {
                ArrayNode list = byRole.putArray(role);
                rows.forEach(r -> list.add(node(r)));
            });
        }
        if (p.layerTops() != null) {
            reachVsConversation(root.putObject("reach_vs_conversation"), p.layerTops(), ReachVsConversation.of(p.layerTops()), p.top());
        }
        ArrayNode clusters = root.putArray("passionate_clusters");
        List<PassionateCluster> choirs = p.kinds().choirs();
        for (int i = 0; i < choirs.size(); i++) clusters.add(cluster(choirs.get(i), i < p.choirEdges().size() ? p.choirEdges().get(i) : null, p.seeding()));
        ArrayNode rings = root.putArray("rings");
        List<PassionateCluster> ringList = p.kinds().rings();
        for (int i = 0; i < ringList.size(); i++) rings.add(cluster(ringList.get(i), i < p.ringEdges().size() ? p.ringEdges().get(i) : null, p.seeding()));
        clusterKinds(root, p.kinds());
        seeding(root, p.seeding());
        recommendations(root, p.seeding(), p.goal());
        if (p.ic() != null) {
            ObjectNode ic = root.putObject("ic");
            ic.put("model", p.ic().model());
            ic.put("runs", p.ic().runs());
            number(ic, "mean", p.ic().mean());
            number(ic, "ci95_low", p.ic().ci95Low());
            number(ic, "ci95_high", p.ic().ci95High());
        }
        ObjectNode timings = root.putObject("timings_seconds");
        p.seconds().forEach(timings::put);
        return root;
    }

    /** Typed input only: each layer's top people with both layers' numbers (a scatter's points) and the overlap. */
    private static void reachVsConversation(ObjectNode o, NodeTable t, ReachVsConversation rvc, int top) {
        ArrayNode spreadTypes = o.putArray("spread_types");
        Layers.SPREAD.forEach(x -> spreadTypes.add(x.code()));
        ArrayNode talkTypes = o.putArray("talk_types");
        Layers.TALK.forEach(x -> talkTypes.add(x.code()));
        o.put("overlap_n", ReachVsConversation.OVERLAP_N);
        number(o, "jaccard_top", rvc.jaccard());
        for (String layer : List.of("spread", "talk")) {
            List<Integer> people = layer.equals("spread") ? rvc.spread() : rvc.talk();
            ArrayNode list = o.putArray("top_" + layer);
            for (int u : people.subList(0, Math.min(top, people.size()))) {
                ObjectNode p = list.addObject();
                p.put("node", t.ids().id(u));
                for (String c : Layers.COLUMNS) number(p, c, t.metric(c)[u]);
            }
        }
        ArrayNode points = o.putArray("points");
        java.util.Set<Integer> seen = new java.util.LinkedHashSet<>(rvc.spread());
        seen.addAll(rvc.talk());
        java.util.Set<Integer> spread = new java.util.HashSet<>(rvc.spread());
        java.util.Set<Integer> talk = new java.util.HashSet<>(rvc.talk());
        for (int u : seen) {
            ObjectNode p = points.addObject();
            p.put("node", t.ids().id(u));
            number(p, "pagerank_spread", t.metric("pagerank_spread")[u]);
            number(p, "pagerank_talk", t.metric("pagerank_talk")[u]);
            p.put("top", spread.contains(u) && talk.contains(u) ? "both" : spread.contains(u) ? "spread" : "talk");
        }
    }

    private static ObjectNode header(String engine, Source source, GraphStats g) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        String version = ReportJson.class.getPackage().getImplementationVersion();
        root.put("chorus_version", version == null ? "dev" : version);
        root.put("engine", engine);
        input(root, source);
        ObjectNode graph = root.putObject("graph");
        graph.put("nodes", g.nodes());
        graph.put("edges", g.edges());
        graph.put("directed", g.directed());
        graph.put("self_loops", g.selfLoops());
        number(graph, "reciprocity", g.reciprocity());
        graph.put("density", g.density());
        graph.put("weight_sum", g.weightSum());
        return root;
    }

    private static void roleSettings(ObjectNode settings, RoleConfig rc) {
        ObjectNode roleSettings = settings.putObject("roles");
        roleSettings.put("top_percentile", rc.topPercentile());
        roleSettings.put("min_z", rc.minZ());
        roleSettings.put("hub_max_reciprocity", rc.hubMaxReciprocity());
        roleSettings.put("periphery_core_share", rc.peripheryCoreShare());
        roleSettings.put("bridge_min_participation", rc.bridgeMinParticipation());
        roleSettings.put("engager_min_answer", rc.engagerMinAnswer());
        roleSettings.put("min_activity", rc.minActivity());
        roleSettings.put("broadcaster_max_answer", rc.broadcasterMaxAnswer());
    }

    private static ObjectNode clusterSettings(ObjectNode settings, ClusterConfig c) {
        ObjectNode o = settings.putObject("clusters");
        o.put("min_size", c.minSize());
        o.put("max_size", c.maxSize());
        o.put("min_score", c.minScore());
        o.put("core_size", c.coreSize());
        o.put("choir_min_audience_share", c.choirMinAudienceShare());
        o.put("ring_max_audience_share", c.ringMaxAudienceShare());
        o.put("ring_min_reciprocity", c.ringMinReciprocity());
        return o;
    }

    private static ObjectNode communities(ObjectNode root, String algorithm, int count, double modularity) {
        ObjectNode o = root.putObject("communities");
        o.put("algorithm", algorithm);
        o.put("count", count);
        o.put("modularity", modularity);
        return o;
    }

    /** Ties between the members on the undirected view, in member order: what a cluster drawing needs. */
    static List<MemberEdge> memberEdges(InteractionGraph g, List<String> members) {
        Adjacency und = g.undirected();
        int[] nodes = members.stream().mapToInt(id -> g.ids().index(id)).toArray();
        Map<Integer, Integer> local = new HashMap<>();
        for (int j = 0; j < nodes.length; j++) local.put(nodes[j], j);
        List<MemberEdge> edges = new ArrayList<>();
        for (int j = 0; j < nodes.length; j++) {
            for (int e = und.start(nodes[j]); e < und.end(nodes[j]); e++) {
                Integer k = local.get(und.neighbor(e));
                if (k != null && k > j) edges.add(new MemberEdge(j, k, und.weight(e)));
            }
        }
        return edges;
    }

    /** The nodes holding {@code role}, strongest first by the metric that defines the role, at most {@code top}. */
    static List<Integer> topWith(AnalysisResult r, Role role) {
        double[] key = switch (role) {
            case PERIPHERY_HUB -> r.nodes().metric("total");
            case BRIDGE -> r.nodes().metric("betweenness");
            case BROADCASTER, ENGAGER -> r.nodes().metric("out");
            default -> r.nodes().metric("pagerank");
        };
        return java.util.Arrays.stream(TopNodes.of(r.roles().nodes(role), key, r.graph().ids(), r.config().top())).boxed().toList();
    }

    /** A {@code nodes.csv} row as an object: String, Integer, Double (NaN: null) and role-list cells. */
    static ObjectNode node(Map<String, Object> row) {
        ObjectNode o = JSON.createObjectNode();
        for (Map.Entry<String, Object> e : row.entrySet()) {
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

    /**
     * @param edges   the member ties for a drawn cluster ({@code edges: [[a, b, weight], ...]}), null for the others
     * @param seeding where the spread of the cluster's core is read from, null when not run
     */
    static ObjectNode cluster(PassionateCluster p, List<MemberEdge> edges, Seeding seeding) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rank", p.rank());
        o.put("cluster", p.cluster());
        o.put("size", p.cohesion().size());
        if (p.kind() == null) o.putNull("kind");
        else o.put("kind", p.kind());
        ClusterAudience a = p.audience();
        if (a == null) o.putNull("reach");
        else o.put("reach", a.reach());
        o.put("score", p.score());
        ObjectNode axes = o.putObject("axes");
        number(axes, "cohesion", p.cohesionScore());
        number(axes, "reach", p.reachScore());
        ObjectNode parts = o.putObject("parts");
        p.parts().forEach(parts::put);
        if (a == null) {
            o.putNull("audience");
        } else {
            ObjectNode audience = o.putObject("audience");
            audience.put("reach", a.reach());
            audience.put("outward_weight", a.outwardWeight());
            audience.put("audience_sum", a.audienceSum());
            audience.put("best_member_audience", a.bestMemberAudience());
            number(audience, "shared_share", a.sharedShare());
            number(audience, "aggregate_gain", a.aggregateGain());
        }
        ObjectNode evidence = o.putObject("evidence");
        number(evidence, "reciprocity", p.cohesion().reciprocity());
        number(evidence, "intensity", p.parts().get("intensity"));
        if (a == null) {
            evidence.putNull("reach_per_member");
            evidence.putNull("activity_span_share");
        } else {
            number(evidence, "reach_per_member", (double) a.reach() / p.cohesion().size());
            number(evidence, "activity_span_share", a.activitySpanShare());
        }
        ObjectNode spread = o.putObject("core_spread");
        for (String model : AnalysisConfig.MODELS) {
            SeedingArm arm = seeding == null ? null : seeding.core(p.cluster(), model);
            if (arm == null) {
                spread.putNull(model);
                continue;
            }
            ObjectNode m = spread.putObject(model);
            m.put("runs", arm.runs());
            number(m, "mean", arm.mean());
            number(m, "ci95_low", arm.ci95Low());
            number(m, "ci95_high", arm.ci95High());
        }
        ObjectNode cohesion = o.putObject("cohesion");
        for (Map.Entry<String, Number> e : p.cohesion().asMap().entrySet()) {
            if (e.getValue() instanceof Double d) number(cohesion, e.getKey(), d);
            else cohesion.put(e.getKey(), e.getValue().longValue());
        }
        ArrayNode core = o.putArray("core");
        p.cohesion().core().forEach(core::add);
        ArrayNode members = o.putArray("members");
        p.members().forEach(members::add);
        if (edges != null) {
            ArrayNode ties = o.putArray("edges");
            for (MemberEdge e : edges) ties.addArray().add(e.a()).add(e.b()).add(e.weight());
        }
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

    /** {@code input}: where the rows came from and how they were counted (read = loaded + rejected). */
    static void input(ObjectNode root, Source source) {
        ObjectNode input = root.putObject("input");
        input.put("path", source.input());
        input.put("format", source.format());
        ObjectNode rows = input.putObject("rows");
        rows.put("read", source.rows().read());
        rows.put("loaded", source.rows().loaded());
        rows.put("rejected", source.rows().rejected());
        if (source.rows().filtered() > 0) rows.put("filtered", source.rows().filtered()); // --layer, --platform
    }
}
