package dev.chorus.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionComparisonTest {

    @Test
    void identicalPartitionsUpToRelabellingScoreOne() {
        int[] a = {0, 0, 1, 1, 2, 2, 2};
        int[] b = {7, 7, 3, 3, 0, 0, 0};
        assertEquals(1.0, PartitionComparison.nmi(a, b), 1e-15);
        assertEquals(1.0, PartitionComparison.ari(a, b), 1e-15);
    }

    /**
     * By hand: B splits one community of A in two, so I(A;B) = H(A) = ln 2 and H(B) = 1.5 ln 2, NMI = 2 / 2.5 =
     * 0.8; ARI: index 1, sums of pairs 2 and 1 over C(4,2) = 6, so (1 - 1/3) / (3/2 - 1/3) = 4/7 (also
     * scikit-learn's documented {@code adjusted_rand_score([0,0,1,2],[0,0,1,1])}).
     */
    @Test
    void refinementByHand() {
        int[] a = {0, 0, 1, 1};
        int[] b = {0, 0, 1, 2};
        assertEquals(0.8, PartitionComparison.nmi(a, b), 1e-15);
        assertEquals(4.0 / 7, PartitionComparison.ari(a, b), 1e-15);
        assertEquals(4.0 / 7, PartitionComparison.ari(b, a), 1e-15);
    }

    /** Crossed halves share no information; ARI = (0 - 2/3) / (2 - 2/3) = -1/2 by hand. */
    @Test
    void independentPartitionsByHand() {
        int[] a = {0, 0, 1, 1};
        int[] b = {0, 1, 0, 1};
        assertEquals(0.0, PartitionComparison.nmi(a, b), 1e-15);
        assertEquals(-0.5, PartitionComparison.ari(a, b), 1e-15);
    }

    /** igraph 0.10.2 {@code compare_communities(a, b, method="nmi" / "ari")} on the same labellings. */
    @Test
    void matchesIgraph() {
        int[] a = IntStream.range(0, 30).map(i -> i % 3).toArray();
        int[] b = IntStream.range(0, 30).map(i -> (i * i + i / 4) % 5).toArray();
        assertEquals(0.12042284423291708, PartitionComparison.nmi(a, b), 1e-12);
        assertEquals(-0.007156388128815033, PartitionComparison.ari(a, b), 1e-12);
    }

    @Test
    void degenerateCases() {
        int[] one = {0, 0, 0, 0};
        int[] singletons = {0, 1, 2, 3};
        assertEquals(1.0, PartitionComparison.nmi(one, one));
        assertEquals(1.0, PartitionComparison.ari(one, one));
        assertEquals(1.0, PartitionComparison.nmi(singletons, singletons), 1e-15);
        assertEquals(1.0, PartitionComparison.ari(singletons, singletons));
        // igraph: nmi 0, ari 0
        assertEquals(0.0, PartitionComparison.nmi(one, singletons));
        assertEquals(0.0, PartitionComparison.ari(one, singletons));
        assertEquals(1.0, PartitionComparison.nmi(new int[0], new int[0]));
    }

    @Test
    void rejectsMismatchedOrNegativeLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartitionComparison.nmi(new int[] {0, 1}, new int[] {0}));
        assertEquals("partitions differ in length: 2 vs 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PartitionComparison.ari(new int[] {0, -1}, new int[] {0, 0}));
    }
}
