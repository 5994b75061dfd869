package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Column;
import dev.chorus.ingest.IngestOptions;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfluencePassivityTest {
    static final InfluencePassivityConfig TIGHT = InfluencePassivityConfig.defaults().withTolerance(1e-14).withMaxIterations(100_000);

    static InteractionGraph graph(boolean directed, Object... rows) {
        GraphBuilder b = new GraphBuilder(directed);
        for (int i = 0; i < rows.length; i += 3) b.add((String) rows[i], (String) rows[i + 1], ((Number) rows[i + 2]).doubleValue());
        return b.build();
    }

    /**
     * By hand. b acted twice on a's content, c once on a's and once on b's. Engagement E_a = 3, E_b = 1, so in
     * the paper's terms w_ab = 2/3, w_ac = 1/3, w_bc = 1. Acceptance: u_ab = 1 (all b accepted came from a),
     * u_ac = (1/3) / (4/3) = 1/4, u_bc = 3/4. Rejection of a's content: b left 1/3, c left 2/3, total 1, so
     * v_ab = 1/3, v_ac = 2/3; b's content met none (v_bc = 0). From ones: P = (0, 1/3, 2/3) and
     * I = (1/3 + (2/3)/4, (3/4)(2/3), 0) = (1/2, 1/2, 0), already the fixed point: c, who left most of a's content
     * alone, is the passive one; a and b are equally influential.
     */
    @Test
    void handComputedExample() {
        NodeScores ip = InfluencePassivity.compute(graph(true, "b", "a", 2, "c", "a", 1, "c", "b", 1), InfluencePassivityConfig.defaults());
        assertEquals(0.5, ip.get("influence", "a"), 1e-15);
        assertEquals(0.5, ip.get("influence", "b"), 1e-15);
        assertEquals(0.0, ip.get("influence", "c"), 0);
        assertEquals(0.0, ip.get("passivity", "a"), 0);
        assertEquals(1.0 / 3, ip.get("passivity", "b"), 1e-15);
        assertEquals(2.0 / 3, ip.get("passivity", "c"), 1e-15);
        assertTrue(ip.converged());
        assertEquals(2, ip.iterations());
    }

    /**
     * A direct transcription of the paper's Algorithm 1 over dense matrices in the paper's orientation
     * ({@code W[i][j]}: i's influence accepted by j), with this class's mapping {@code w_ij = c_ji / E_i}, run for
     * the same number of iterations.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchesTranscriptionOfThePaper(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 30;
        GraphBuilder b = new GraphBuilder(true);
        for (int v = 0; v < n; v++) b.addNode("n" + v);
        for (int i = 0; i < 120; i++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(10) == 0 ? u : rnd.nextInt(n);
            b.add("n" + u, "n" + v, rnd.nextInt(4)); // zero weights and self-loops included
        }
        InteractionGraph g = b.build();
        for (boolean weighted : new boolean[] {true, false}) {
            for (int m : new int[] {1, 2, 7, 60}) {
                double[][] expected = paper(g, weighted, m);
                NodeScores ip = InfluencePassivity.compute(g, InfluencePassivityConfig.defaults().withWeighted(weighted)
                        .withMaxIterations(m).withTolerance(1e-300));
                assertArrayEquals(expected[0], ip.column("influence"), 1e-12);
                assertArrayEquals(expected[1], ip.column("passivity"), 1e-12);
            }
        }
    }

    /** Returns {I, P} after m iterations of the paper's algorithm. */
    static double[][] paper(InteractionGraph g, boolean weighted, int m) {
        int n = g.nodeCount();
        double[][][] rates = rates(g, weighted);
        double[][] u = rates[0];
        double[][] v = rates[1];
        double[] inf = new double[n];
        double[] pas = new double[n];
        Arrays.fill(inf, 1);
        Arrays.fill(pas, 1);
        for (int it = 0; it < m; it++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) p[i] += v[j][i] * inf[j];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) x[i] += u[i][j] * p[j];
            double sp = Arrays.stream(p).sum();
            double sx = Arrays.stream(x).sum();
            for (int i = 0; i < n; i++) {
                if (sp > 0) p[i] /= sp;
                if (sx > 0) x[i] /= sx;
            }
            inf = x;
            pas = p;
        }
        return new double[][] {inf, pas};
    }

    /**
     * The paper's acceptance rates {@code u[i][j]} and rejection rates {@code v[i][j]} (v_ij in the paper's indices,
     * j's share of the rejection i's content met) over dense matrices, {@code W[i][j]}: i's influence accepted by j,
     * with this class's mapping {@code w_ij = c_ji / E_i}; 0 off the arcs.
     */
    static double[][][] rates(InteractionGraph g, boolean weighted) {
        int n = g.nodeCount();
        // arcs of the paper's graph: (i, j) when j acted on i's content, j != i; c = interactions
        boolean[][] edge = new boolean[n][n];
        double[][] c = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int e = g.out().start(j); e < g.out().end(j); e++) {
                int i = g.out().neighbor(e);
                if (i == j) continue;
                edge[i][j] = true;
                c[i][j] = weighted ? g.out().weight(e) : 1;
            }
        }
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            double engagement = 0;
            for (int j = 0; j < n; j++) engagement += c[i][j];
            for (int j = 0; j < n; j++) if (edge[i][j] && engagement > 0) w[i][j] = c[i][j] / engagement;
        }
        double[][] u = new double[n][n];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!edge[i][j]) continue;
                double acceptedByJ = 0;
                for (int k = 0; k < n; k++) if (edge[k][j]) acceptedByJ += w[k][j];
                if (acceptedByJ > 0) u[i][j] = w[i][j] / acceptedByJ;
                double rejectedFromI = 0;
                for (int k = 0; k < n; k++) if (edge[i][k]) rejectedFromI += 1 - w[i][k];
                if (rejectedFromI > 0) v[i][j] = (1 - w[i][j]) / rejectedFromI;
            }
        }
        return new double[][][] {u, v};
    }

    /**
     * The fixed point, checked without iterating: when every user has two or more actors (so every influencer's
     * content met some rejection) and everyone acted on someone, {@code A = U V^T} ({@code I <- A I}) is column
     * stochastic, with a positive diagonal and, here, irreducible (users v and v+1 share actor v+2). The limit of the
     * paper's iteration is then A's eigenvector for eigenvalue 1, solved here by LU from {@code (A - 1) I = 0},
     * {@code sum I = 1}; P is {@code V^T I}, normalized.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void limitIsTheEigenvectorOfTheIpMatrix(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 25;
        GraphBuilder b = new GraphBuilder(true);
        for (int v = 0; v < n; v++) {
            b.add("n" + (v + 1) % n, "n" + v, 1 + rnd.nextInt(3));
            b.add("n" + (v + 2) % n, "n" + v, 1 + rnd.nextInt(3));
        }
        for (int i = 0; i < 40; i++) {
            int x = rnd.nextInt(n);
            int y = rnd.nextInt(n);
            if (x != y) b.add("n" + x, "n" + y, 1 + rnd.nextInt(3));
        }
        InteractionGraph g = b.build();
        double[][][] rates = rates(g, true);
        double[][] u = rates[0];
        double[][] v = rates[1];
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) m[i][k] += u[i][j] * v[k][j];
            }
        }
        for (int k = 0; k < n; k++) {
            double column = 0;
            for (int i = 0; i < n; i++) column += m[i][k];
            assertEquals(1, column, 1e-12, "column " + k);
            m[k][k] -= 1;
        }
        Arrays.fill(m[n - 1], 1);
        double[] rhs = new double[n];
        rhs[n - 1] = 1;
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(m)).getSolver();
        assertTrue(solver.isNonSingular(), "eigenvalue 1 is simple");
        double[] influence = solver.solve(new ArrayRealVector(rhs)).toArray();
        double[] passivity = new double[n];
        for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) passivity[j] += v[k][j] * influence[k];
        double sum = Arrays.stream(passivity).sum();
        for (int j = 0; j < n; j++) passivity[j] /= sum;

        NodeScores ip = InfluencePassivity.compute(g, TIGHT);
        assertTrue(ip.converged());
        assertArrayEquals(influence, ip.column("influence"), 1e-10);
        assertArrayEquals(passivity, ip.column("passivity"), 1e-10);
    }

    /**
     * Why audience size cancels on interaction-only data: each influencer hands out one unit of rejection to its
     * audience, and an actor who acted on one person only gives that person all its acceptance. By hand: h has ten
     * such actors, s has two. From ones, P = 1/10 for each of h's actors and 1/2 for each of s's, over a sum of 2;
     * I_h = 10 (1/20) = 1/2 = I_s = 2 (1/4). A fixed point after one step (the second changes nothing).
     */
    @Test
    void audienceSizeCancelsWithoutExposures() {
        GraphBuilder b = new GraphBuilder(true);
        for (int a = 0; a < 10; a++) b.add("a" + a, "h", 1);
        b.add("b0", "s", 1);
        b.add("b1", "s", 1);
        NodeScores ip = InfluencePassivity.compute(b.build(), InfluencePassivityConfig.defaults());
        assertEquals(0.5, ip.get("influence", "h"), 1e-15);
        assertEquals(0.5, ip.get("influence", "s"), 1e-15);
        assertEquals(1.0 / 20, ip.get("passivity", "a3"), 1e-15);
        assertEquals(1.0 / 4, ip.get("passivity", "b1"), 1e-15);
        assertTrue(ip.converged());
        assertEquals(2, ip.iterations());
    }

    /**
     * Why the limit goes to closed audiences. h has five actors; one of them, a0, also acted on x, x's only actor,
     * so x's content met no rejection and x passes nothing back: h's group leaks. s's two actors acted on s alone:
     * s's group keeps its mass. By hand (everyone acts once): u_h,a0 = (1/5) / (1/5 + 1) = 1/6, u_x,a0 = 5/6, the
     * other u are 1, every v of h's audience is 1/5, of s's 1/2, of x's 0. So {@code I <- A I} with A_hh = 5/6,
     * A_xh = 1/6, A_ss = 1 and x's column 0: from ones, after m iterations and with r = (5/6)^(m-1),
     * I = (h: 5r/6, x: r/6, s: 1) / (1 + r) and P = (each a: r/5, each b: 1/2) / (1 + r). The person with two
     * actors ends with all the influence, the one with five with none.
     */
    @Test
    void limitGoesToClosedAudiences() {
        GraphBuilder b = new GraphBuilder(true);
        for (int a = 0; a < 5; a++) b.add("a" + a, "h", 1);
        b.add("a0", "x", 1);
        b.add("b0", "s", 1);
        b.add("b1", "s", 1);
        InteractionGraph g = b.build();
        for (int m : new int[] {1, 2, 5, 40}) {
            NodeScores ip = InfluencePassivity.compute(g, InfluencePassivityConfig.defaults().withMaxIterations(m).withTolerance(1e-300));
            double r = Math.pow(5.0 / 6, m - 1);
            assertEquals(5 * r / 6 / (1 + r), ip.get("influence", "h"), 1e-15, "m = " + m);
            assertEquals(r / 6 / (1 + r), ip.get("influence", "x"), 1e-15, "m = " + m);
            assertEquals(1 / (1 + r), ip.get("influence", "s"), 1e-15, "m = " + m);
            assertEquals(r / 5 / (1 + r), ip.get("passivity", "a4"), 1e-15, "m = " + m);
            assertEquals(0.5 / (1 + r), ip.get("passivity", "b0"), 1e-15, "m = " + m);
        }
        NodeScores limit = InfluencePassivity.compute(g, TIGHT);
        assertTrue(limit.converged());
        assertEquals(1, limit.get("influence", "s"), 1e-13);
        assertEquals(0, limit.get("influence", "h"), 1e-13);
    }

    /** Acting on one's own content is no influence: self-loops change nothing. */
    @Test
    void selfLoopsAreIgnored() {
        Object[] rows = {"b", "a", 2, "c", "a", 1, "c", "b", 1, "d", "c", 3, "a", "d", 1};
        InteractionGraph plain = graph(true, rows);
        Object[] looped = Arrays.copyOf(rows, rows.length + 6);
        System.arraycopy(new Object[] {"a", "a", 5, "c", "c", 1}, 0, looped, rows.length, 6);
        NodeScores x = InfluencePassivity.compute(plain, TIGHT);
        NodeScores y = InfluencePassivity.compute(graph(true, looped), TIGHT);
        for (String id : new String[] {"a", "b", "c", "d"}) {
            assertEquals(x.get("influence", id), y.get("influence", id), 0, id);
            assertEquals(x.get("passivity", id), y.get("passivity", id), 0, id);
        }
    }

    /** An undirected edge is interaction both ways: the same as the directed graph with both arcs. */
    @Test
    void undirectedIsBothDirections() {
        NodeScores u = InfluencePassivity.compute(graph(false, "a", "b", 2, "b", "c", 1, "c", "d", 4, "d", "b", 1), TIGHT);
        NodeScores d = InfluencePassivity.compute(graph(true, "a", "b", 2, "b", "a", 2, "b", "c", 1, "c", "b", 1, "c", "d", 4,
                "d", "c", 4, "d", "b", 1, "b", "d", 1), TIGHT);
        for (String id : new String[] {"a", "b", "c", "d"}) {
            assertEquals(d.get("influence", id), u.get("influence", id), 1e-15, id);
            assertEquals(d.get("passivity", id), u.get("passivity", id), 1e-15, id);
        }
    }

    /** A real interaction graph (CollegeMsg: messages per pair as weights): it converges, both vectors sum to 1. */
    @Test
    void collegeMessagesConvergeAndSumToOne() {
        InteractionGraph g = GraphLoader.load("datasets/college-msg/CollegeMsg.txt.gz",
                IngestOptions.defaults().withColumns(List.of(Column.SOURCE, Column.TARGET, Column.TIMESTAMP))).graph();
        assertEquals(59_835, g.weightSum(), 0);
        NodeScores ip = InfluencePassivity.compute(g, InfluencePassivityConfig.defaults());
        assertTrue(ip.converged());
        assertEquals(1.0, Arrays.stream(ip.column("influence")).sum(), 1e-12);
        assertEquals(1.0, Arrays.stream(ip.column("passivity")).sum(), 1e-12);
    }

    @Test
    void sameResultForOneAndTwoThreads() {
        InteractionGraph g = GraphLoader.load("datasets/higgs-twitter/higgs-reply_network.edgelist.gz", IngestOptions.defaults()).graph();
        InfluencePassivityConfig config = InfluencePassivityConfig.defaults().withMaxIterations(300);
        NodeScores one = InfluencePassivity.compute(g, config.withThreads(1));
        NodeScores two = InfluencePassivity.compute(g, config.withThreads(2));
        assertArrayEquals(one.column("influence"), two.column("influence"));
        assertArrayEquals(one.column("passivity"), two.column("passivity"));
        assertEquals(one.iterations(), two.iterations());
    }

    @Test
    void edgeCases() {
        assertEquals(0, InfluencePassivity.compute(new GraphBuilder(true).build(), InfluencePassivityConfig.defaults())
                .column("influence").length);
        // all nodes dangling: nobody influences anybody
        GraphBuilder isolated = new GraphBuilder(true);
        for (String id : new String[] {"a", "b", "c"}) isolated.addNode(id);
        NodeScores iso = InfluencePassivity.compute(isolated.build(), InfluencePassivityConfig.defaults());
        assertArrayEquals(new double[3], iso.column("influence"));
        assertArrayEquals(new double[3], iso.column("passivity"));
        assertTrue(iso.converged());
        // a zero-weight arc is exposure without action: a rejected b's content, so no influence anywhere
        NodeScores zero = InfluencePassivity.compute(graph(true, "a", "b", 0), InfluencePassivityConfig.defaults());
        assertArrayEquals(new double[2], zero.column("influence"));
        assertTrue(zero.converged());
        // a sole, fully engaged follower rejects nothing: no passivity to reward, so no influence either
        NodeScores single = InfluencePassivity.compute(graph(true, "a", "b", 3), InfluencePassivityConfig.defaults());
        assertArrayEquals(new double[2], single.column("influence"));
        // two followers of b, one ten times as engaged: a is the passive one, b the influential one
        NodeScores two = InfluencePassivity.compute(graph(true, "a", "b", 1, "c", "b", 10), InfluencePassivityConfig.defaults());
        assertEquals(1.0, two.get("influence", "b"), 1e-15);
        assertEquals(10.0 / 11, two.get("passivity", "a"), 1e-15);
        assertEquals(1.0 / 11, two.get("passivity", "c"), 1e-15);
        // unweighted, both followers took one of b's two "items": equal passivity
        NodeScores unweighted = InfluencePassivity.compute(graph(true, "a", "b", 1, "c", "b", 10),
                InfluencePassivityConfig.defaults().withWeighted(false));
        assertEquals(0.5, unweighted.get("passivity", "a"), 1e-15);
        assertEquals(0.5, unweighted.get("passivity", "c"), 1e-15);
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InfluencePassivityConfig.defaults().withTolerance(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InfluencePassivityConfig.defaults().withMaxIterations(-3));
        assertThrows(IllegalArgumentException.class, () -> InfluencePassivityConfig.defaults().withThreads(0));
    }
}
