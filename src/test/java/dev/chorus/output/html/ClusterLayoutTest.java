package dev.chorus.output.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

/**
 * The cluster drawing's layout against graphs whose right drawing is known: a grid must come out as a grid (drawn
 * distance tracks hop distance) and a cycle as a ring without crossings; the same seed gives the same drawing.
 */
class ClusterLayoutTest {
    @Test
    void sameSeedSameDrawingOtherSeedOther() {
        List<int[]> edges = LayoutQuality.planted(2, 10, 0.5, 0.05, 3);
        double[][] a = ClusterLayout.layout(20, edges, 7);
        assertArrayEquals(a, ClusterLayout.layout(20, edges, 7));
        assertFalse(Arrays.deepEquals(a, ClusterLayout.layout(20, edges, 8)));
    }

    @Test
    void positionsFillTheUnitSquareOnTheLongerSide() {
        double[][] p = ClusterLayout.layout(30, LayoutQuality.cycle(30), 1);
        double minX = Arrays.stream(p).mapToDouble(q -> q[0]).min().orElseThrow();
        double maxX = Arrays.stream(p).mapToDouble(q -> q[0]).max().orElseThrow();
        double minY = Arrays.stream(p).mapToDouble(q -> q[1]).min().orElseThrow();
        double maxY = Arrays.stream(p).mapToDouble(q -> q[1]).max().orElseThrow();
        assertEquals(0, minX, 1e-12);
        assertEquals(0, minY, 1e-12);
        assertEquals(1, Math.max(maxX, maxY), 1e-12);
        assertArrayEquals(new double[][] {{0.5, 0.5}}, ClusterLayout.layout(1, List.of(), 1));
    }

    @Test
    void aGridIsDrawnAsAGrid() {
        List<int[]> grid = LayoutQuality.grid(7);
        int folded = 0;
        for (long seed = 1; seed <= 10; seed++) {
            LayoutQuality q = LayoutQuality.of(ClusterLayout.layout(49, grid, seed), 49, grid);
            // force-directed layouts can fold a grid into a local minimum now and then
            if (q.crossings() > 0 || q.distanceHopCorrelation() < 0.9 || q.minSeparationPx() < 10) folded++;
        }
        assertTrue(folded <= 1, folded + " of 10 seeds fold the grid");
    }

    @Test
    void aCycleIsDrawnAsARing() {
        List<int[]> cycle = LayoutQuality.cycle(30);
        int crossed = 0;
        double r = 0;
        for (long seed = 1; seed <= 10; seed++) {
            LayoutQuality q = LayoutQuality.of(ClusterLayout.layout(30, cycle, seed), 30, cycle);
            r += q.distanceHopCorrelation() / 10;
            if (q.crossings() > 0) crossed++;
        }
        assertTrue(crossed <= 2, crossed + " of 10 seeds draw the ring with crossings");
        assertTrue(r > 0.85, "mean correlation of drawn and hop distance " + r);
    }

    /** Why the hand-written layout stays (see its Javadoc): JGraphT's clamps nodes to the frame and bends rings and grids. */
    @Test
    void drawsGridsAndRingsWithLessStressThanJGraphT() {
        for (List<int[]> edges : List.of(LayoutQuality.grid(7), LayoutQuality.cycle(30))) {
            int m = edges.size() == 30 ? 30 : 49;
            double hand = 0;
            double jgrapht = 0;
            for (long seed = 1; seed <= 10; seed++) {
                hand += LayoutQuality.of(ClusterLayout.layout(m, edges, seed), m, edges).stress();
                jgrapht += LayoutQuality.of(jgrapht(m, edges, seed), m, edges).stress();
            }
            assertTrue(hand < jgrapht, m + " nodes: stress " + hand / 10 + " (hand-written) against " + jgrapht / 10 + " (JGraphT)");
        }
    }

    /** JGraphT's Fruchterman–Reingold with its defaults (100 iterations, normalization 0.5) in the unit square, rescaled as ours. */
    static double[][] jgrapht(int m, List<int[]> edges, long seed) {
        return jgrapht(m, edges, seed, FRLayoutAlgorithm2D.DEFAULT_ITERATIONS, FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR);
    }

    static double[][] jgrapht(int m, List<int[]> edges, long seed, int iterations, double normalization) {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < m; i++) g.addVertex(i);
        for (int[] e : edges) g.addEdge(e[0], e[1]);
        MapLayoutModel2D<Integer> model = new MapLayoutModel2D<>(Box2D.of(1, 1));
        new FRLayoutAlgorithm2D<Integer, DefaultEdge>(iterations, normalization, new Random(seed)).layout(g, model);
        double[][] p = new double[m][2];
        for (int i = 0; i < m; i++) p[i] = new double[] {model.get(i).getX(), model.get(i).getY()};
        return ClusterLayout.fit(p);
    }
}
