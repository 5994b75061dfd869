package dev.chorus.output.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures of a drawing, computed from the positions and the graph alone (brute force, O(m^2 + e^2)): edge crossings,
 * stress against hop distance (Kamada &amp; Kawai 1989, weights 1/hop^2, at the best scale), the correlation of drawn
 * and hop distance, and the smallest distance between two nodes in panel pixels. Plus the graphs whose right
 * drawing is known (grid, cycle, tree, planted groups).
 */
record LayoutQuality(int crossings, double stress, double distanceHopCorrelation, double minSeparationPx) {
    /** Pixels the report maps [0, 1] to ({@link ClusterDrawing}'s panel less its margins). */
    static final double INNER_PX = 230;

    static LayoutQuality of(double[][] p, int m, List<int[]> edges) {
        int crossings = 0;
        for (int i = 0; i < edges.size(); i++) {
            for (int j = i + 1; j < edges.size(); j++) {
                int[] e = edges.get(i);
                int[] f = edges.get(j);
                if (e[0] == f[0] || e[0] == f[1] || e[1] == f[0] || e[1] == f[1]) continue;
                if (cross(p[e[0]], p[e[1]], p[f[0]], p[f[1]])) crossings++;
            }
        }
        int[][] h = hops(m, edges);
        List<double[]> pairs = new ArrayList<>();
        double minSep = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double d = Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]) * INNER_PX;
                minSep = Math.min(minSep, d);
                if (h[i][j] > 0) pairs.add(new double[] {d, h[i][j]});
            }
        }
        // stress sum w (s d - h)^2 with w = 1/h^2 is least at s = sum(d/h) / sum(d^2/h^2)
        double num = 0;
        double den = 0;
        for (double[] q : pairs) {
            num += q[0] / q[1];
            den += q[0] * q[0] / (q[1] * q[1]);
        }
        double s = num / den;
        double stress = 0;
        double md = 0;
        double mh = 0;
        for (double[] q : pairs) {
            stress += Math.pow(s * q[0] - q[1], 2) / (q[1] * q[1]);
            md += q[0];
            mh += q[1];
        }
        md /= pairs.size();
        mh /= pairs.size();
        double cov = 0;
        double vd = 0;
        double vh = 0;
        for (double[] q : pairs) {
            cov += (q[0] - md) * (q[1] - mh);
            vd += (q[0] - md) * (q[0] - md);
            vh += (q[1] - mh) * (q[1] - mh);
        }
        // a clique has one hop distance: no correlation to speak of
        double r = vh == 0 ? Double.NaN : cov / Math.sqrt(vd * vh);
        return new LayoutQuality(crossings, stress / pairs.size(), r, minSep);
    }

    private static boolean cross(double[] a, double[] b, double[] c, double[] d) {
        double d1 = orient(c, d, a);
        double d2 = orient(c, d, b);
        double d3 = orient(a, b, c);
        double d4 = orient(a, b, d);
        return (d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0);
    }

    private static double orient(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    }

    /** All-pairs hop distances by BFS; -1 when unreachable. */
    static int[][] hops(int m, List<int[]> edges) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < m; i++) adj.add(new ArrayList<>());
        for (int[] e : edges) {
            adj.get(e[0]).add(e[1]);
            adj.get(e[1]).add(e[0]);
        }
        int[][] h = new int[m][m];
        for (int s = 0; s < m; s++) {
            Arrays.fill(h[s], -1);
            h[s][s] = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>(List.of(s));
            while (!q.isEmpty()) {
                int u = q.poll();
                for (int v : adj.get(u)) {
                    if (h[s][v] < 0) {
                        h[s][v] = h[s][u] + 1;
                        q.add(v);
                    }
                }
            }
        }
        return h;
    }

    static List<int[]> grid(int g) {
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                int u = i * g + j;
                if (j + 1 < g) e.add(new int[] {u, u + 1});
                if (i + 1 < g) e.add(new int[] {u, u + g});
            }
        }
        return e;
    }

    static List<int[]> cycle(int n) {
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < n; i++) e.add(new int[] {i, (i + 1) % n});
        return e;
    }

    /** The complete binary tree on n nodes. */
    static List<int[]> binaryTree(int n) {
        List<int[]> e = new ArrayList<>();
        for (int i = 1; i < n; i++) e.add(new int[] {(i - 1) / 2, i});
        return e;
    }

    /** {@code groups} planted groups of {@code size}: a pair inside a group is tied with pIn, across with pOut. */
    static List<int[]> planted(int groups, int size, double pIn, double pOut, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < groups * size; i++) {
            for (int j = i + 1; j < groups * size; j++) {
                if (r.nextDouble() < (i / size == j / size ? pIn : pOut)) e.add(new int[] {i, j});
            }
        }
        return e;
    }
}
