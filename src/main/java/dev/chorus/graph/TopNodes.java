package dev.chorus.graph;

import java.util.function.IntPredicate;

/**
 * The {@code k} best of some nodes by a score, highest first, ties by original id ascending: the order of
 * {@link NodeScores#ranking()}, kept for every "top people by X" list of the reports. The order is total (ids are
 * distinct), so the list is the same as the first {@code k} of a full sort; a bounded heap finds it in
 * O(c log k) for c candidates, on primitive indices, with ids compared only on equal scores
 * ({@link IdMap#compare}).
 * <p>
 * "Highest first" is the order of {@code Double.compare(-score[a], -score[b])}, as the reports always sorted: NaN
 * comes last, and 0.0 before -0.0.
 */
public final class TopNodes {
    private TopNodes() {
    }

    /** The best {@code k} of {@code nodes[from, to)} that pass {@code keep}. */
    public static int[] of(int[] nodes, int from, int to, IntPredicate keep, double[] score, IdMap ids, int k) {
        Heap h = new Heap(score, ids, Math.max(0, Math.min(k, to - from)));
        for (int i = from; i < to; i++) if (keep.test(nodes[i])) h.offer(nodes[i]);
        return h.drain();
    }

    /** The best {@code k} of {@code nodes}. */
    public static int[] of(int[] nodes, double[] score, IdMap ids, int k) {
        return of(nodes, 0, nodes.length, u -> true, score, ids, k);
    }

    /** The best {@code k} of the nodes {@code 0..n-1} that pass {@code keep}. */
    public static int[] of(int n, IntPredicate keep, double[] score, IdMap ids, int k) {
        Heap h = new Heap(score, ids, Math.max(0, Math.min(k, n)));
        for (int u = 0; u < n; u++) if (keep.test(u)) h.offer(u);
        return h.drain();
    }

    /** A binary heap of at most {@code cap} nodes with the worst kept node at the root. */
    private static final class Heap {
        private final double[] score;
        private final IdMap ids;
        private final int[] heap;
        private int size;

        Heap(double[] score, IdMap ids, int cap) {
            this.score = score;
            this.ids = ids;
            this.heap = new int[cap];
        }

        /** Negative when a ranks before b. */
        private int compare(int a, int b) {
            int c = Double.compare(-score[a], -score[b]);
            return c != 0 ? c : ids.compare(a, b);
        }

        void offer(int u) {
            if (size < heap.length) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (compare(heap[parent], u) >= 0) break;
                    heap[i] = heap[parent];
                    i = parent;
                }
                heap[i] = u;
            } else if (size > 0 && compare(u, heap[0]) < 0) {
                siftDown(u, size);
            }
        }

        /** Puts {@code u} at the root of {@code heap[0, n)} and restores the order. */
        private void siftDown(int u, int n) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) break;
                if (child + 1 < n && compare(heap[child + 1], heap[child]) > 0) child++;
                if (compare(heap[child], u) <= 0) break;
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = u;
        }

        /** The kept nodes, best first (the heap is consumed). */
        int[] drain() {
            int[] out = new int[size];
            for (int n = size; n > 0; n--) {
                out[n - 1] = heap[0];
                if (n > 1) siftDown(heap[n - 1], n - 1);
            }
            size = 0;
            return out;
        }
    }
}
