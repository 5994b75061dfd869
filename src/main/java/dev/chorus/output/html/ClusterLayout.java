package dev.chorus.output.html;

import java.util.List;
import java.util.SplittableRandom;

/** The layout of a passionate cluster's drawing ({@link ClusterDrawing}). */
final class ClusterLayout {
    private ClusterLayout() {
    }

    /**
     * Fruchterman &amp; Reingold, "Graph drawing by force-directed placement", Software: Practice and Experience
     * 21(11) (1991), doi:10.1002/spe.4380211102: O(iterations m^2) on a cluster of m &lt;= a few hundred members;
     * seeded start positions, positions scaled into [0, 1]^2.
     */
    static double[][] layout(int m, List<int[]> edges, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] p = new double[m][2];
        for (double[] q : p) {
            q[0] = random.nextDouble();
            q[1] = random.nextDouble();
        }
        if (m == 1) return new double[][] {{0.5, 0.5}};
        double k = Math.sqrt(1.0 / m);
        double temperature = 0.1;
        double[][] d = new double[m][2];
        for (int it = 0; it < 200; it++) {
            for (double[] q : d) q[0] = q[1] = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    double dx = p[a][0] - p[b][0];
                    double dy = p[a][1] - p[b][1];
                    double dist = Math.max(1e-6, Math.hypot(dx, dy));
                    double force = k * k / dist;
                    d[a][0] += dx / dist * force;
                    d[a][1] += dy / dist * force;
                    d[b][0] -= dx / dist * force;
                    d[b][1] -= dy / dist * force;
                }
            }
            for (int[] e : edges) {
                double dx = p[e[0]][0] - p[e[1]][0];
                double dy = p[e[0]][1] - p[e[1]][1];
                double dist = Math.max(1e-6, Math.hypot(dx, dy));
                double force = dist * dist / k;
                d[e[0]][0] -= dx / dist * force;
                d[e[0]][1] -= dy / dist * force;
                d[e[1]][0] += dx / dist * force;
                d[e[1]][1] += dy / dist * force;
            }
            for (int a = 0; a < m; a++) {
                double len = Math.max(1e-9, Math.hypot(d[a][0], d[a][1]));
                double step = Math.min(len, temperature);
                p[a][0] += d[a][0] / len * step;
                p[a][1] += d[a][1] / len * step;
            }
            temperature *= 0.98;
        }
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] q : p) {
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            minY = Math.min(minY, q[1]);
            maxY = Math.max(maxY, q[1]);
        }
        double span = Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
        for (double[] q : p) {
            q[0] = (q[0] - minX) / span;
            q[1] = (q[1] - minY) / span;
        }
        return p;
    }
}
