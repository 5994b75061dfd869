package dev.chorus.backtest;

import dev.chorus.graph.IdMap;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Interaction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The future side of a split, compact: per row the source and target as indices into a dictionary of the people
 * seen in the future ({@link #people()}), and the time, in input order, in primitive arrays (16 bytes a row plus
 * the dictionary, so 10M rows take ~200 MB). People who only appear in the future have a future index but no
 * train node ({@link #trainNode(int)} is -1): they count in engagers and reach, never in rankings.
 */
public final class FutureRows {
    private final IdMap people = new IdMap();
    private int[] source = new int[1 << 10];
    private int[] target = new int[1 << 10];
    private long[] time = new long[1 << 10];
    private int rows;
    private int[] order;
    private int[] trainNode;
    private int[] futureOf;

    /** Appends a row (input order is the order of the calls). */
    void add(Interaction row) {
        append(people.intern(row.sourceBytes(), row.sourceOffset(), row.sourceLength()),
                people.intern(row.targetBytes(), row.targetOffset(), row.targetLength()), row.timestamp());
    }

    /** Adds a row between original ids (tests and library use). */
    public FutureRows add(String a, String b, long t) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        append(people.intern(x, 0, x.length), people.intern(y, 0, y.length), t);
        return this;
    }

    private void append(int s, int t, long when) {
        if (rows == source.length) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8L, rows * 2L);
            source = Arrays.copyOf(source, cap);
            target = Arrays.copyOf(target, cap);
            time = Arrays.copyOf(time, cap);
        }
        source[rows] = s;
        target[rows] = t;
        time[rows] = when;
        rows++;
    }

    /**
     * Sorts the sweep order by time, ties in input order (a stable merge sort of row indices: O(r log r), no
     * boxing), and links the people to the train graph's nodes. Call once, after the last row.
     */
    public FutureRows link(InteractionGraph train) {
        source = Arrays.copyOf(source, rows);
        target = Arrays.copyOf(target, rows);
        time = Arrays.copyOf(time, rows);
        order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        boolean sorted = true;
        for (int i = 1; i < rows && sorted; i++) sorted = time[i - 1] <= time[i];
        if (!sorted) mergeSort(order, new int[rows], 0, rows);
        int n = people.size();
        trainNode = new int[n];
        futureOf = new int[train.nodeCount()];
        Arrays.fill(futureOf, -1);
        for (int p = 0; p < n; p++) {
            trainNode[p] = train.ids().index(people.id(p));
            if (trainNode[p] >= 0) futureOf[trainNode[p]] = p;
        }
        return this;
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from < 2) return;
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        if (time[a[mid - 1]] <= time[a[mid]]) return;
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            // <= keeps the left (earlier input) row first on equal times: the sort is stable
            if (j >= to || (i < mid && time[tmp[i]] <= time[tmp[j]])) a[k] = tmp[i++];
            else a[k] = tmp[j++];
        }
    }

    public int rows() {
        return rows;
    }

    /** People seen in future rows, by future index. */
    public IdMap people() {
        return people;
    }

    public int source(int row) {
        return source[row];
    }

    public int target(int row) {
        return target[row];
    }

    public long time(int row) {
        return time[row];
    }

    /** The i-th row of the sweep: by time, ties in input order. */
    public int sweep(int i) {
        return order[i];
    }

    /** The train node of future person {@code p}, or -1 if p is not in the train graph. */
    public int trainNode(int p) {
        return trainNode[p];
    }

    /** The future index of train node {@code u}, or -1 if u has no future row. */
    public int futureIndex(int u) {
        return futureOf[u];
    }
}
