package dev.chorus.spark;

import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.analysis.GraphStats;
import dev.chorus.analysis.Layers;
import dev.chorus.analysis.NodeTable;
import dev.chorus.analysis.ReachVsConversation;
import dev.chorus.graph.IdMap;
import dev.chorus.analysis.MemberEdge;
import dev.chorus.roles.PassionateCluster;
import dev.chorus.roles.PassionateClusters;
import dev.chorus.roles.ClusterConfig;
import dev.chorus.roles.ClusterKinds;
import dev.chorus.roles.ClusterRanking;
import dev.chorus.roles.Role;
import dev.chorus.roles.RoleRules;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import scala.Tuple2;

/**
 * The parts of {@code report.json} a Spark run computes beyond {@code nodes.csv} and {@code clusters.csv}, each an
 * aggregation over the edges or a small collect: the graph section ({@link #graphStats}), the hubs and the top
 * people by role ({@link #top}, {@link #topByRole}), on typed input the people of reach vs conversation
 * ({@link #layerTops}), and the choirs and rings among the label-propagation communities with the member ties of
 * those the report draws ({@link #passionate}). The driver only ever holds the top rows and the members of choirs
 * and rings (at most {@link ClusterConfig#maxSize()} each).
 */
final class SparkReport {
    private SparkReport() {
    }

    /** {@link InteractionGraph}'s definitions: one pass for loops and weight, one shuffle of the arcs for reciprocity. */
    static GraphStats graphStats(SparkGraph g, long edges) {
        var arcs = g.graph().edges().toJavaRDD();
        double[] loopsAndWeight = arcs.map(e -> new double[] {e.srcId() == e.dstId() ? 1 : 0, e.attr()})
                .fold(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        long loops = (long) loopsAndWeight[0];
        double reciprocity = Double.NaN;
        if (g.isDirected()) {
            // arcs between a pair: 2 when answered; loops are not unanswered interaction, so they are left out
            long answered = arcs.filter(e -> e.srcId() != e.dstId())
                    .mapToPair(e -> new Tuple2<>(new Tuple2<>(Math.min(e.srcId(), e.dstId()), Math.max(e.srcId(), e.dstId())), 1L))
                    .reduceByKey(Long::sum).filter(x -> x._2() == 2).count();
            long nonLoop = edges - loops;
            reciprocity = nonLoop == 0 ? 0.0 : 2.0 * answered / nonLoop;
        }
        return new GraphStats(g.nodeCount(), edges, g.isDirected(), loops, reciprocity,
                InteractionGraph.density(g.nodeCount(), edges, g.isDirected()), loopsAndWeight[1]);
    }

    /** Highest value of a column first, ties by id, as the embedded hub and role lists order. */
    static final class ByColumn implements Comparator<Tuple2<String, double[]>>, Serializable {
        private final int column;

        ByColumn(int column) {
            this.column = column;
        }

        @Override
        public int compare(Tuple2<String, double[]> a, Tuple2<String, double[]> b) {
            int c = Double.compare(b._2()[column], a._2()[column]);
            return c != 0 ? c : a._1().compareTo(b._1());
        }
    }

    /**
     * The {@code top} rows of {@code nodes.csv} by {@code key}, highest first, among the holders of {@code role}
     * (null: everyone), as column-to-value maps in the {@link dev.chorus.analysis.NodeTable#row} types: the id a
     * String, {@code community} and {@code cluster} Integers, {@code roles} a list of labels (empty when roles were
     * not computed), every other column a Double.
     */
    static List<Map<String, Object>> top(SparkJob.NodeRows rows, int top, Role role, String key) {
        List<String> metrics = rows.header().subList(1, rows.header().size());
        int roles = metrics.indexOf("roles");
        JavaRDD<Tuple2<String, double[]>> holders = rows.rows();
        if (role != null) {
            int bit = role.bit();
            holders = holders.filter(r -> !Double.isNaN(r._2()[roles]) && ((int) r._2()[roles] & bit) != 0);
        }
        List<Tuple2<String, double[]>> best = holders.takeOrdered(top, new ByColumn(metrics.indexOf(key)));
        List<Map<String, Object>> out = new ArrayList<>(best.size());
        for (Tuple2<String, double[]> r : best) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", r._1());
            for (int i = 0; i < metrics.size(); i++) {
                String c = metrics.get(i);
                double v = r._2()[i];
                m.put(c, switch (c) {
                    case dev.chorus.community.CommunityAlgorithms.COLUMN, "cluster" -> (int) v;
                    case "roles" -> Double.isNaN(v) ? List.of() : Role.labels((int) v);
                    default -> v;
                });
            }
            out.add(m);
        }
        return out;
    }

    /**
     * {@code top_by_role} as the embedded report lists it: the holders of each person-level role but the hub,
     * strongest first by the metric that defines the role ({@code dev.chorus.output.ReportJson#topWith}); bridges
     * only when betweenness was computed.
     */
    static Map<String, List<Map<String, Object>>> topByRole(SparkJob.NodeRows rows, int top, RoleRules rules) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put(Role.PERIPHERY_HUB.label(), top(rows, top, Role.PERIPHERY_HUB, "total"));
        if (rules.bridges()) out.put(Role.BRIDGE.label(), top(rows, top, Role.BRIDGE, "betweenness"));
        out.put(Role.ENGAGER.label(), top(rows, top, Role.ENGAGER, "out"));
        out.put(Role.BROADCASTER.label(), top(rows, top, Role.BROADCASTER, "out"));
        return out;
    }

    /**
     * The people of {@code reach_vs_conversation}: the first {@link ReachVsConversation#OVERLAP_N} of each layer by its
     * PageRank among those who received rows of it (ties by id, as {@code TopNodes}), one {@code takeOrdered} each,
     * with their {@link Layers#COLUMNS}. {@link ReachVsConversation#of} picks the same two lists from them as from
     * everyone: whoever else it could rank lies below the last of a full list. Null when the table has no layer columns.
     */
    static NodeTable layerTops(SparkJob.NodeRows rows) {
        List<String> metrics = rows.header().subList(1, rows.header().size());
        if (!metrics.contains(Layers.COLUMNS.get(0))) return null;
        Map<String, double[]> people = new java.util.TreeMap<>();
        for (String layer : List.of("spread", "talk")) {
            int attention = metrics.indexOf("in_" + layer);
            for (Tuple2<String, double[]> r : rows.rows().filter(r -> r._2()[attention] > 0)
                    .takeOrdered(ReachVsConversation.OVERLAP_N, new ByColumn(metrics.indexOf("pagerank_" + layer)))) {
                double[] v = new double[Layers.COLUMNS.size()];
                for (int i = 0; i < v.length; i++) v[i] = r._2()[metrics.indexOf(Layers.COLUMNS.get(i))];
                people.put(r._1(), v);
            }
        }
        IdMap ids = new IdMap();
        for (String id : people.keySet()) {
            byte[] b = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ids.intern(b, 0, b.length);
        }
        List<double[]> values = new ArrayList<>(people.values());
        Map<String, double[]> layers = new LinkedHashMap<>();
        for (int i = 0; i < Layers.COLUMNS.size(); i++) {
            double[] column = new double[values.size()];
            for (int u = 0; u < column.length; u++) column[u] = values.get(u)[i];
            layers.put(Layers.COLUMNS.get(i), column);
        }
        int n = values.size();
        return new NodeTable(ids, Map.of(), new int[n], java.util.Collections.nCopies(n, List.of()), new int[n], layers);
    }

    /** The ids in the cores of the choirs: who holds {@code cluster_core}, as the embedded {@code Roles}. */
    static Set<String> cores(ClusterRanking ranking) {
        Set<String> ids = new HashSet<>();
        for (PassionateCluster c : ranking.choirs()) ids.addAll(c.cohesion().core());
        return ids;
    }

    /** The members of the rings: who holds {@code ring_member}, as the embedded {@code Roles}. */
    static Set<String> ringMembers(ClusterRanking ranking) {
        Set<String> ids = new HashSet<>();
        for (PassionateCluster c : ranking.rings()) ids.addAll(c.members());
        return ids;
    }

    /**
     * The choirs and rings with the member ties of the first {@code drawn} of each list.
     *
     * @param choirEdges per drawn choir, in rank order, its member ties
     * @param ringEdges  per drawn ring, in rank order, its member ties
     */
    record Passionate(ClusterRanking ranking, List<List<MemberEdge>> choirEdges, List<List<MemberEdge>> ringEdges) {
    }

    /**
     * {@link PassionateClusters#compute} on the communities' cohesion and audience (driver side, one record per
     * community) with the embedded kind rules, members collected for the choirs and rings only, sorted by id; then
     * the undirected edges between members of the first {@code drawn} choirs and rings, found by one filter over the
     * edges.
     */
    static Passionate passionate(SparkGraph g, JavaPairRDD<Long, Long> community, List<ClusterCohesion> cohesion,
                                 List<ClusterAudience> audience, ClusterKinds rules, int drawn) {
        // the members of the listed clusters, choirs then rings: (vertex, id) sorted by id, kept for the ties below
        List<List<Tuple2<Long, String>>> members = new ArrayList<>();
        ClusterRanking ranking = PassionateClusters.compute(cohesion, audience, rules, (choirs, rings) -> {
            List<Integer> listed = new ArrayList<>(choirs);
            listed.addAll(rings);
            Map<Long, Integer> slot = new HashMap<>();
            for (int i = 0; i < listed.size(); i++) slot.put((long) listed.get(i), i);
            Set<Long> wanted = new HashSet<>(slot.keySet());
            for (int i = 0; i < listed.size(); i++) members.add(new ArrayList<>());
            if (!wanted.isEmpty()) {
                // (community, (vertex, id)) of the members of listed communities
                List<Tuple2<Long, Tuple2<Long, String>>> found = community.filter(x -> wanted.contains(x._2())).join(g.ids())
                        .mapToPair(x -> new Tuple2<>(x._2()._1(), new Tuple2<>(x._1(), x._2()._2()))).collect();
                for (Tuple2<Long, Tuple2<Long, String>> f : found) members.get(slot.get(f._1())).add(f._2());
            }
            for (List<Tuple2<Long, String>> m : members) m.sort(Comparator.comparing(Tuple2::_2));
            return members.stream().map(m -> m.stream().map(Tuple2::_2).toList()).toList();
        });
        int choirs = ranking.choirs().size();
        // the drawn clusters' slots in members: the first drawn choirs, then the first drawn rings
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(drawn, choirs); i++) shown.add(i);
        for (int i = 0; i < Math.min(drawn, ranking.rings().size()); i++) shown.add(choirs + i);
        // vertex -> {drawn cluster, position in its members}
        HashMap<Long, int[]> position = new HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            List<Tuple2<Long, String>> m = members.get(shown.get(i));
            for (int j = 0; j < m.size(); j++) position.put(m.get(j)._1(), new int[] {i, j});
        }
        List<List<MemberEdge>> edges = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) edges.add(new ArrayList<>());
        if (!shown.isEmpty()) {
            List<Edge<Double>> ties = g.undirected().edges().toJavaRDD().filter(e -> {
                int[] a = position.get(e.srcId());
                int[] b = position.get(e.dstId());
                return a != null && b != null && a[0] == b[0];
            }).collect();
            for (Edge<Double> e : ties) {
                int[] a = position.get(e.srcId());
                int[] b = position.get(e.dstId());
                edges.get(a[0]).add(new MemberEdge(Math.min(a[1], b[1]), Math.max(a[1], b[1]), e.attr()));
            }
            for (List<MemberEdge> l : edges) l.sort(Comparator.comparingInt(MemberEdge::a).thenComparingInt(MemberEdge::b));
        }
        int drawnChoirs = Math.min(drawn, choirs);
        return new Passionate(ranking, edges.subList(0, drawnChoirs), edges.subList(drawnChoirs, edges.size()));
    }
}
