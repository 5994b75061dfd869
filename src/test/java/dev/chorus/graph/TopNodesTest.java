package dev.chorus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TopNodes} and {@link IdMap#compare} against a full sort with String ids, the way the reports sorted before. */
class TopNodesTest {
    /**
     * Pieces whose UTF-8 byte order differs from String's UTF-16 order: U+FF21 sorts after an emoji's surrogates
     * in UTF-16 but before its four bytes in UTF-8; plus ASCII, a two-byte letter and the empty piece, so that ids
     * are prefixes of each other.
     */
    private static final String[] PIECES = {"", "a", "b", "ab", "7", "é", "\uFF21", "\uD83D\uDE00", "z"};

    private static IdMap ids(SplittableRandom rnd, int n) {
        GraphBuilder b = new GraphBuilder(true);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (seen.size() < n) {
            StringBuilder id = new StringBuilder();
            for (int i = 1 + rnd.nextInt(4); i > 0; i--) id.append(PIECES[rnd.nextInt(PIECES.length)]);
            if (!id.isEmpty() && seen.add(id.toString())) b.addNode(id.toString());
        }
        return b.build().ids();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void compareHasTheSignOfStringCompareTo(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        IdMap ids = ids(rnd, 300);
        for (int a = 0; a < ids.size(); a++) {
            for (int b = 0; b < ids.size(); b++) {
                assertEquals(Integer.signum(ids.id(a).compareTo(ids.id(b))), Integer.signum(ids.compare(a, b)), ids.id(a) + " vs " + ids.id(b));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void topKIsThePrefixOfTheFullSort(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 400;
        IdMap ids = ids(rnd, n);
        double[] score = new double[n];
        double[] specials = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int u = 0; u < n; u++) {
            // few distinct values, so that most decisions are ties broken by id
            score[u] = rnd.nextInt(10) == 0 ? specials[rnd.nextInt(specials.length)] : rnd.nextInt(6) - 2;
        }
        Comparator<Integer> before = Comparator.<Integer>comparingDouble(u -> -score[u]).thenComparing(ids::id);
        IntPredicate keep = u -> u % 3 != 0;
        int[] candidates = IntStream.range(0, n).filter(u -> rnd.nextBoolean()).toArray();
        for (int k : new int[] {0, 1, 5, 100, n, n + 7}) {
            assertArrayEquals(sorted(IntStream.range(0, n).filter(keep), before, k), TopNodes.of(n, keep, score, ids, k), "k " + k);
            assertArrayEquals(sorted(Arrays.stream(candidates), before, k), TopNodes.of(candidates, score, ids, k), "k " + k);
            int from = candidates.length / 4;
            int to = 3 * candidates.length / 4;
            assertArrayEquals(sorted(Arrays.stream(candidates, from, to).filter(keep), before, k),
                    TopNodes.of(candidates, from, to, keep, score, ids, k), "k " + k);
        }
    }

    private static int[] sorted(IntStream nodes, Comparator<Integer> order, int k) {
        return nodes.boxed().sorted(order).limit(k).mapToInt(Integer::intValue).toArray();
    }
}
