package dev.chorus.diffusion;

import java.util.SplittableRandom;

/**
 * One stochastic spreading process over an {@link InfluenceGraph}, run once per Monte Carlo sample.
 * Implementations hold no mutable state (scratch memory is passed in), so one instance serves all threads.
 */
public interface Cascade {
    /**
     * Spreads from {@code seeds} (node indices; duplicates count once) with randomness from {@code rng}.
     *
     * @param curve if not null, receives the cumulative number of active nodes after each step, step 0 being the
     *              seeds themselves
     * @return the number of nodes active at the end, seeds included
     */
    int run(int[] seeds, SplittableRandom rng, Scratch scratch, IntList curve);

    /**
     * True when {@link #run} ignores {@code rng}: every Monte Carlo run then gives the same result, so
     * {@link SpreadEstimator} runs it once.
     */
    default boolean deterministic() {
        return false;
    }

    /** Per-thread working memory, reset in O(1) per run by an epoch stamp. */
    final class Scratch {
        final int[] mark;
        final int[] queue;
        final int[] buffer;
        final int[] touched;
        final double[] acc;
        final double[] theta;
        final int[] count;
        private int epoch;

        public Scratch(int n) {
            mark = new int[n];
            queue = new int[n];
            buffer = new int[n];
            touched = new int[n];
            acc = new double[n];
            theta = new double[n];
            count = new int[n];
        }

        /** A fresh stamp: {@code mark[u] == stamp} means "touched in this run". */
        int nextEpoch() {
            if (++epoch == Integer.MAX_VALUE) {
                java.util.Arrays.fill(mark, 0);
                java.util.Arrays.fill(touched, 0);
                epoch = 1;
            }
            return epoch;
        }

        /**
         * Marks the distinct {@code seeds} with {@code stamp} and puts them at the head of {@link #queue};
         * returns how many. The cascades share this start; their per-arc rules stay inline in their loops.
         */
        int enqueueSeeds(int[] seeds, int stamp) {
            int tail = 0;
            for (int v : seeds) {
                if (mark[v] != stamp) {
                    mark[v] = stamp;
                    queue[tail++] = v;
                }
            }
            return tail;
        }
    }

    /** A growable int list (curves, reverse-reachable sets). */
    final class IntList {
        int[] data;
        int size;

        public IntList() {
            this(16);
        }

        public IntList(int capacity) {
            data = new int[Math.max(1, capacity)];
        }

        public void add(int x) {
            if (size == data.length) data = java.util.Arrays.copyOf(data, Math.max(8, data.length + (data.length >> 1)));
            data[size++] = x;
        }

        public void addAll(int[] src, int from, int to) {
            int len = to - from;
            if (size + len > data.length) data = java.util.Arrays.copyOf(data, Math.max(size + len, data.length + (data.length >> 1)));
            System.arraycopy(src, from, data, size, len);
            size += len;
        }

        public int size() {
            return size;
        }

        public int get(int i) {
            return data[i];
        }

        public void clear() {
            size = 0;
        }

        public int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
