package dev.chorus.community;

import dev.chorus.graph.IdMap;
import java.util.Arrays;

/**
 * The result shape of every community algorithm: a community index per node, numbered {@code 0..count-1} by
 * decreasing size (ties: the community holding the smaller node index first), so that equal partitions print
 * identically whatever order an algorithm found them in.
 *
 * @param algorithm  name as on the CLI ({@code louvain}, {@code leiden}, {@code lpa}, {@code wcc}, {@code scc})
 * @param ids        original ids
 * @param membership community of each node index
 * @param count      number of communities
 * @param quality    the objective the algorithm optimised (modularity, CPM quality), or NaN if none
 * @param levels     aggregation levels (Louvain/Leiden), else 1
 * @param iterations sweeps or iterations run in total
 * @param converged  whether the algorithm stopped by itself rather than at an iteration cap
 */
public record Communities(String algorithm, IdMap ids, int[] membership, int count, double quality, int levels,
                          int iterations, boolean converged) {
    public Communities {
        if (membership.length != ids.size()) {
            throw new IllegalArgumentException("membership has " + membership.length + " entries for " + ids.size() + " nodes");
        }
    }

    /** Builds a result from any labelling (arbitrary non-negative labels), renumbered canonically. */
    public static Communities of(String algorithm, IdMap ids, int[] labels, double quality, int levels, int iterations,
                                 boolean converged) {
        int[] canonical = canonical(labels);
        int count = 0;
        for (int c : canonical) count = Math.max(count, c + 1);
        return new Communities(algorithm, ids, canonical, count, quality, levels, iterations, converged);
    }

    /** Community of the node with original id {@code id}. */
    public int of(String id) {
        int node = ids.index(id);
        if (node < 0) throw new IllegalArgumentException("no node with id '" + id + "'");
        return membership[node];
    }

    /** Size of every community. */
    public int[] sizes() {
        int[] s = new int[count];
        for (int c : membership) s[c]++;
        return s;
    }

    /** Node indices of community {@code c}, ascending. */
    public int[] members(int c) {
        return java.util.stream.IntStream.range(0, membership.length).filter(u -> membership[u] == c).toArray();
    }

    /**
     * Renumbers labels: by decreasing size, ties by smallest member index. O(n log n).
     */
    static int[] canonical(int[] labels) {
        int n = labels.length;
        int max = -1;
        for (int l : labels) {
            if (l < 0) throw new IllegalArgumentException("negative community label " + l);
            max = Math.max(max, l);
        }
        int[] size = new int[max + 1];
        int[] firstNode = new int[max + 1];
        Arrays.fill(firstNode, -1);
        for (int u = 0; u < n; u++) {
            size[labels[u]]++;
            if (firstNode[labels[u]] < 0) firstNode[labels[u]] = u;
        }
        Integer[] order = java.util.stream.IntStream.rangeClosed(0, max).filter(l -> size[l] > 0).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(firstNode[a], firstNode[b]));
        int[] newLabel = new int[max + 1];
        for (int i = 0; i < order.length; i++) newLabel[order[i]] = i;
        int[] out = new int[n];
        for (int u = 0; u < n; u++) out[u] = newLabel[labels[u]];
        return out;
    }
}
