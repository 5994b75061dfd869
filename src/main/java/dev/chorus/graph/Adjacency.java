package dev.chorus.graph;

/**
 * Compressed sparse rows: the neighbours of node {@code u} are {@code neighbors[offsets[u] .. offsets[u+1])},
 * sorted ascending, with parallel {@code weights}. The arrays are exposed for hot loops and must be treated as
 * read-only; an {@code Adjacency} never changes after construction.
 */
public final class Adjacency {
    private final int[] offsets;
    private final int[] neighbors;
    private final double[] weights;

    Adjacency(int[] offsets, int[] neighbors, double[] weights) {
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.weights = weights;
    }

    public int nodeCount() {
        return offsets.length - 1;
    }

    /** Number of entries (arcs) over all nodes. */
    public int size() {
        return offsets[offsets.length - 1];
    }

    public int degree(int u) {
        return offsets[u + 1] - offsets[u];
    }

    /** Sum of the weights of {@code u}'s entries. */
    public double weightedDegree(int u) {
        double s = 0;
        for (int i = offsets[u], end = offsets[u + 1]; i < end; i++) s += weights[i];
        return s;
    }

    public int start(int u) {
        return offsets[u];
    }

    public int end(int u) {
        return offsets[u + 1];
    }

    public int neighbor(int i) {
        return neighbors[i];
    }

    public double weight(int i) {
        return weights[i];
    }

    /** Position of {@code v} among {@code u}'s neighbours, or -1. O(log degree). */
    public int find(int u, int v) {
        int lo = offsets[u];
        int hi = offsets[u + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int x = neighbors[mid];
            if (x < v) lo = mid + 1;
            else if (x > v) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /** Read-only view of the row offsets ({@code nodeCount()+1} entries). */
    public int[] offsets() {
        return offsets;
    }

    /** Read-only view of the neighbour column. */
    public int[] neighbors() {
        return neighbors;
    }

    /** Read-only view of the weights. */
    public double[] weights() {
        return weights;
    }

    long memoryBytes() {
        return 4L * offsets.length + 4L * neighbors.length + 8L * weights.length;
    }
}
