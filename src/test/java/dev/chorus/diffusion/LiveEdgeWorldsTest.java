package dev.chorus.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared-world cascade against a plain BFS per set in the same world, and its mean against exact spreads. */
class LiveEdgeWorldsTest {
    /** Breadth-first search over the live arcs from one set: active count after each step, as Cascade.run's curve. */
    static int[] bfsCurve(InfluenceGraph ig, LiveEdgeWorlds worlds, long worldKey, int[] seeds) {
        int n = ig.nodeCount();
        int[] dist = new int[n];
        java.util.Arrays.fill(dist, -1);
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
        for (int s : seeds) {
            dist[s] = 0;
            q.add(s);
        }
        int maxDist = 0;
        while (!q.isEmpty()) {
            int v = q.poll();
            for (int i = ig.fwdOffsets()[v]; i < ig.fwdOffsets()[v + 1]; i++) {
                int u = ig.fwdTargets()[i];
                if (dist[u] < 0 && worlds.live(worldKey, i)) {
                    dist[u] = dist[v] + 1;
                    maxDist = Math.max(maxDist, dist[u]);
                    q.add(u);
                }
            }
        }
        int[] curve = new int[maxDist + 1];
        for (int d : dist) if (d >= 0) for (int t = d; t <= maxDist; t++) curve[t]++;
        return curve;
    }

    /** 70 sets (two groups of bits) on a random graph under weighted cascade: every set's spread and curve as alone. */
    @Test
    void everySetSpreadsAsItsOwnBfsInTheSameWorld() {
        SplittableRandom rng = new SplittableRandom(3);
        GraphBuilder b = new GraphBuilder(true);
        for (int i = 0; i < 1500; i++) b.add("u" + rng.nextInt(300), "u" + rng.nextInt(300), 1);
        InteractionGraph g = b.build();
        InfluenceGraph ig = Propagation.ic(EdgeWeights.weightedCascade()).influenceGraph(g);
        int[][] sets = new int[70][];
        for (int a = 0; a < sets.length; a++) {
            int[] s = new int[1 + rng.nextInt(4)];
            for (int j = 0; j < s.length; j++) s[j] = rng.nextInt(g.nodeCount());
            sets[a] = SpreadEstimator.canonical(s, g.nodeCount());
        }
        LiveEdgeWorlds worlds = new LiveEdgeWorlds(ig, sets, 9, SpreadEstimator.STREAM_EVALUATE);
        LiveEdgeWorlds.Scratch scratch = new LiveEdgeWorlds.Scratch(g.nodeCount());
        int[] spread = new int[sets.length];
        int[][] curves = new int[sets.length][];
        int grew = 0;
        for (int w = 0; w < 20; w++) {
            worlds.run(w, scratch, spread, curves);
            for (int a = 0; a < sets.length; a++) {
                int[] want = bfsCurve(ig, worlds, worlds.worldKey(w), sets[a]);
                assertArrayEquals(want, curves[a], "world " + w + ", set " + a);
                assertEquals(want[want.length - 1], spread[a]);
                if (spread[a] > sets[a].length) grew++;
            }
        }
        assertTrue(grew > 100, "the cascades spread: " + grew);
    }

    /** The hash's coins have the arcs' probabilities: means over 40,000 worlds against the enumerated exact spreads. */
    @Test
    void meanSpreadMatchesTheExactSpread() {
        List<SimulationTest.Row> rows = SimulationTest.ROWS;
        InteractionGraph g = SimulationTest.graph(rows);
        InfluenceGraph ig = Propagation.ic(EdgeWeights.uniform(0.3)).influenceGraph(g);
        List<Set<String>> named = List.of(Set.of("a"), Set.of("d", "e"), Set.of("c"), Set.of("f", "g"), Set.of("a", "h"), Set.of("b"));
        int[][] sets = new int[named.size()][];
        for (int a = 0; a < sets.length; a++) {
            sets[a] = SpreadEstimator.canonical(Simulation.indices(g, new ArrayList<>(named.get(a))), g.nodeCount());
        }
        LiveEdgeWorlds worlds = new LiveEdgeWorlds(ig, sets, 42, SpreadEstimator.STREAM_EVALUATE);
        LiveEdgeWorlds.Scratch scratch = new LiveEdgeWorlds.Scratch(g.nodeCount());
        int runs = 40_000;
        int[][] spread = new int[sets.length][runs];
        int[] sp = new int[sets.length];
        int[][] cv = new int[sets.length][];
        for (int w = 0; w < runs; w++) {
            worlds.run(w, scratch, sp, cv);
            for (int a = 0; a < sets.length; a++) spread[a][w] = sp[a];
        }
        for (int a = 0; a < sets.length; a++) {
            double[] st = SpreadEstimator.stats(spread[a]);
            double exact = SimulationTest.exactIc(rows, named.get(a), r -> 0.3);
            // four standard errors (0 for {f, g}, which nothing can extend)
            assertEquals(exact, st[0], Math.max(1e-9, 4 * st[1] / Math.sqrt(runs)), named.get(a).toString());
        }
    }
}
