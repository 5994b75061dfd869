package dev.chorus.neo4j;

import dev.chorus.community.ClusterCohesion;
import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-user analysis results to write back, by column (names as {@code nodes.csv} columns), and the clusters
 * they came with.
 *
 * @param ids      original ids, index = node
 * @param columns  column names, e.g. {@code pagerank}, {@code kcore}, {@code community}
 * @param values   one array per column: {@code double[]} (stored as FLOAT; NaN = no value), {@code long[]}
 *                 (INTEGER), {@code String[]} (STRING; null = no value) or {@code String[][]} (LIST&lt;STRING&gt;,
 *                 e.g. {@code roles})
 * @param clusters cohesion per community, written as {@code (:Cluster)} nodes; empty for none
 */
public record NodeResults(IdMap ids, List<String> columns, List<Object> values, List<ClusterCohesion> clusters) {
    public NodeResults {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        clusters = List.copyOf(clusters);
        if (columns.size() != values.size()) throw new IllegalArgumentException(columns.size() + " columns, " + values.size() + " value arrays");
        for (Object v : values) {
            int len = v instanceof double[] d ? d.length : v instanceof long[] l ? l.length : v instanceof String[][] ss ? ss.length
                    : v instanceof String[] s ? s.length : -1;
            if (len != ids.size()) throw new IllegalArgumentException("a column has " + len + " values for " + ids.size() + " nodes");
        }
    }

    /** The column's value of node {@code u} as Neo4j stores it, or {@code null} for none. */
    public Object value(int column, int u) {
        Object v = values.get(column);
        if (v instanceof double[] d) return Double.isNaN(d[u]) ? null : d[u];
        if (v instanceof long[] l) return l[u];
        if (v instanceof String[][] ss) return ss[u] == null ? null : List.of(ss[u]);
        return ((String[]) v)[u];
    }

    public Object column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column " + name + " (have " + columns + ")");
        return values.get(i);
    }

    /** Random values in the shape of the embedded results, for the write-back benchmark. */
    static NodeResults synthetic(InteractionGraph g) {
        int n = g.nodeCount();
        SplittableRandom rnd = new SplittableRandom(1);
        double[] pr = new double[n];
        long[] core = new long[n];
        long[] com = new long[n];
        for (int u = 0; u < n; u++) {
            pr[u] = rnd.nextDouble() / n;
            core[u] = rnd.nextInt(20);
            com[u] = rnd.nextInt(Math.max(1, n / 50));
        }
        return new NodeResults(g.ids(), List.of("pagerank", "kcore", "community"), List.of(pr, core, com), List.of());
    }
}
