package dev.chorus.analysis;

import dev.chorus.graph.IdMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-node result of an {@link Analysis}, column by column, under the names of {@code nodes.csv}:
 * {@code node}, then the metric columns ({@link #metricColumns()}, each a {@code double[]} by node index, NaN where
 * undefined), then {@code community}, {@code roles} and {@code cluster}. Writers (CSV, GEXF, JSON, Neo4j properties) iterate
 * {@link #columns()} and call {@link #value(String, int)}, so that every output carries the same fields under the
 * same names.
 *
 * @param ids       original ids (column {@code node})
 * @param metrics   metric columns in output order
 * @param community community index per node
 * @param roles     role labels per node (column {@code roles}, joined by {@code ;} in CSV)
 * @param cluster   tight cluster index per node (the fine partition passionate clusters come from)
 * @param layers    per-layer metric columns ({@link Layers}), after every other column; empty for untyped input
 */
public record NodeTable(IdMap ids, Map<String, double[]> metrics, int[] community, List<List<String>> roles, int[] cluster,
                        Map<String, double[]> layers) {
    public NodeTable {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
        for (Map.Entry<String, double[]> e : layers.entrySet()) {
            if (e.getValue().length != ids.size()) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length + " values for " + ids.size() + " nodes");
            }
        }
        for (Map.Entry<String, double[]> e : metrics.entrySet()) {
            if (e.getValue().length != ids.size()) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length + " values for " + ids.size() + " nodes");
            }
        }
        if (community.length != ids.size() || roles.size() != ids.size() || cluster.length != ids.size()) throw new IllegalArgumentException("community/roles/cluster size differs from node count");
        roles = List.copyOf(roles);
    }

    public int size() {
        return ids.size();
    }

    /** Metric column names, in order. */
    public List<String> metricColumns() {
        return List.copyOf(metrics.keySet());
    }

    /** All column names: {@code node}, the metrics, {@code community}, {@code roles}, {@code cluster}, the layers. */
    public List<String> columns() {
        List<String> c = new ArrayList<>();
        c.add("node");
        c.addAll(metrics.keySet());
        c.add("community");
        c.add("roles");
        c.add("cluster");
        c.addAll(layers.keySet());
        return c;
    }

    /** A metric column by node index (read-only), per-layer columns included. */
    public double[] metric(String column) {
        double[] v = metrics.containsKey(column) ? metrics.get(column) : layers.get(column);
        if (v == null) throw new IllegalArgumentException("no metric column '" + column + "' in " + metrics.keySet());
        return v;
    }

    /**
     * The cell of {@code column} for node index {@code node}: a String id for {@code node}, a Double for metrics
     * (NaN where undefined), an Integer for {@code community} and {@code cluster}, a List of role labels for {@code roles}.
     */
    public Object value(String column, int node) {
        return switch (column) {
            case "node" -> ids.id(node);
            case "community" -> community[node];
            case "roles" -> roles.get(node);
            case "cluster" -> cluster[node];
            default -> metric(column)[node];
        };
    }

    /** One node's cells by column name, in column order. */
    public Map<String, Object> row(int node) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String c : columns()) r.put(c, value(c, node));
        return r;
    }
}
