package dev.chorus.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The result shape every node-scoring algorithm returns: one or more named columns of scores by dense node
 * index, the id map to get back to original ids, and convergence metadata for iterative algorithms.
 *
 * @param algorithm  name as on the CLI ({@code degree}, {@code pagerank}, ...)
 * @param ids        original ids
 * @param columns    column names, e.g. {@code in, out, total}
 * @param values     one array per column, indexed by node
 * @param rankBy     the column {@link #ranking()} sorts by
 * @param iterations iterations run (0 for direct algorithms)
 * @param converged  whether the tolerance was reached (true for direct algorithms)
 */
public record NodeScores(String algorithm, IdMap ids, List<String> columns, List<double[]> values, String rankBy,
                         int iterations, boolean converged) {
    public NodeScores {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        if (columns.size() != values.size()) throw new IllegalArgumentException("columns and values differ in size");
        if (!columns.contains(rankBy)) throw new IllegalArgumentException("rankBy '" + rankBy + "' is not a column");
        for (double[] v : values) {
            if (v.length != ids.size()) throw new IllegalArgumentException("a column has " + v.length + " values for " + ids.size() + " nodes");
        }
    }

    /** Scores of {@code column} by node index (read-only). */
    public double[] column(String column) {
        int c = columns.indexOf(column);
        if (c < 0) throw new IllegalArgumentException("no column '" + column + "' in " + columns);
        return values.get(c);
    }

    /** The score of the node with original id {@code id} in {@code column}. */
    public double get(String column, String id) {
        int node = ids.index(id);
        if (node < 0) throw new IllegalArgumentException("no node with id '" + id + "'");
        return column(column)[node];
    }

    /** Node indices by {@link #rankBy} descending, ties by original id ascending, so rankings are stable. */
    public int[] ranking() {
        return TopNodes.of(ids.size(), u -> true, column(rankBy), ids, ids.size());
    }

    /** The top {@code k} nodes of {@link #ranking()} as original ids. */
    public List<String> top(int k) {
        int[] r = ranking();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, r.length); i++) out.add(ids.id(r[i]));
        return out;
    }
}
