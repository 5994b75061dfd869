package dev.chorus.community;

import java.util.Arrays;

/**
 * Agreement between two partitions of the same nodes, each given as a label per node (any non-negative
 * integers; only which nodes share a label matters). Both measures are 1 for identical partitions.
 * <ul>
 * <li>{@link #nmi}: normalized mutual information with the arithmetic-mean normalisation,
 * {@code 2 I(A;B) / (H(A) + H(B))} (Danon, Díaz-Guilera, Duch &amp; Arenas, J. Stat. Mech. (2005) P09008,
 * doi:10.1088/1742-5468/2005/09/P09008), as scikit-learn's {@code normalized_mutual_info_score} and igraph's
 * {@code compare_communities(method="nmi")}; 0 for independent partitions.</li>
 * <li>{@link #ari}: adjusted Rand index (Hubert &amp; Arabie, J. Classif. 2 (1985), doi:10.1007/BF01908075), as
 * scikit-learn's {@code adjusted_rand_score}; 0 in expectation for random partitions, can be negative.</li>
 * </ul>
 * Degenerate cases follow scikit-learn: two single-community partitions, or both all-singleton ones, score 1.
 * O(n log n) time from a sorted contingency table, O(n) memory.
 */
public final class PartitionComparison {
    private PartitionComparison() {
    }

    /** Normalized mutual information, arithmetic mean. */
    public static double nmi(int[] a, int[] b) {
        Table t = new Table(a, b);
        double n = t.n;
        double ha = entropy(t.rowSizes, n);
        double hb = entropy(t.columnSizes, n);
        if (ha + hb == 0) return 1.0; // both partitions are one community each (or empty)
        double mi = 0;
        for (int i = 0; i < t.cellCount; i++) {
            double nij = t.cells[i];
            mi += nij / n * Math.log(nij * n / ((double) t.rowSizes[t.cellRow[i]] * t.columnSizes[t.cellColumn[i]]));
        }
        return Math.max(0, Math.min(1, 2 * mi / (ha + hb)));
    }

    /** Adjusted Rand index. */
    public static double ari(int[] a, int[] b) {
        Table t = new Table(a, b);
        double index = 0;
        for (int i = 0; i < t.cellCount; i++) index += pairs(t.cells[i]);
        double sumA = 0;
        for (int s : t.rowSizes) sumA += pairs(s);
        double sumB = 0;
        for (int s : t.columnSizes) sumB += pairs(s);
        double expected = t.n < 2 ? 0 : sumA * sumB / pairs(t.n);
        double max = (sumA + sumB) / 2;
        if (max == expected) return 1.0; // both trivial and equal: one community each, or all singletons
        return (index - expected) / (max - expected);
    }

    private static double pairs(long s) {
        return s * (s - 1) / 2.0;
    }

    private static double entropy(int[] sizes, double n) {
        double h = 0;
        for (int s : sizes) if (s > 0) h -= s / n * Math.log(s / n);
        return h;
    }

    /** The non-zero cells of the contingency table, found by sorting (row, column) pairs. */
    private static final class Table {
        final int n;
        final int[] rowSizes;
        final int[] columnSizes;
        final int[] cellRow;
        final int[] cellColumn;
        final int[] cells;
        final int cellCount;

        Table(int[] a, int[] b) {
            if (a.length != b.length) throw new IllegalArgumentException("partitions differ in length: " + a.length + " vs " + b.length);
            n = a.length;
            int[] ra = Communities.canonical(a);
            int[] rb = Communities.canonical(b);
            rowSizes = sizes(ra);
            columnSizes = sizes(rb);
            long[] keys = new long[n];
            for (int u = 0; u < n; u++) keys[u] = (long) ra[u] << 32 | rb[u];
            Arrays.sort(keys);
            cellRow = new int[n];
            cellColumn = new int[n];
            cells = new int[n];
            int count = 0;
            for (int u = 0; u < n; u++) {
                if (u == 0 || keys[u] != keys[u - 1]) {
                    cellRow[count] = (int) (keys[u] >>> 32);
                    cellColumn[count] = (int) keys[u];
                    count++;
                }
                cells[count - 1]++;
            }
            cellCount = count;
        }

        private static int[] sizes(int[] labels) {
            int k = 0;
            for (int l : labels) k = Math.max(k, l + 1);
            int[] s = new int[k];
            for (int l : labels) s[l]++;
            return s;
        }
    }
}
