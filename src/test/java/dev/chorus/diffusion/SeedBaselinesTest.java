package dev.chorus.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The heap top-k against a full sort by the documented order (score, tie, then id as a string). */
class SeedBaselinesTest {
    @Test
    void topKEqualsTheHeadOfAFullSortWithManyTies() {
        SplittableRandom rng = new SplittableRandom(5);
        GraphBuilder b = new GraphBuilder(true);
        for (int i = 0; i < 3000; i++) b.add("u" + rng.nextInt(800), "u" + rng.nextInt(800), 1);
        InteractionGraph g = b.build();
        int n = g.nodeCount();
        // scores with few distinct values, so ties are the rule and the id decides
        double[] score = new double[n];
        double[] tie = new double[n];
        for (int u = 0; u < n; u++) {
            score[u] = rng.nextInt(4);
            tie[u] = rng.nextInt(3);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingDouble(i -> -tie[i])
                .thenComparing(i -> g.ids().id(i)));
        for (int k : new int[] {1, 2, 10, 57, n, n + 5}) {
            int[] want = Arrays.stream(order).limit(Math.min(k, n)).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(want, SeedBaselines.top(g, score, tie, k), "k = " + k);
        }
    }
}
