package dev.chorus.backtest;

/**
 * What the future did with a seed set S (the contract's definitions, seeds never counted):
 * <ul>
 * <li>{@link #engagers}: distinct people a not in S with a future row "a acted on b", b in S;</li>
 * <li>{@link #reach}: the time-respecting cascade. The seeds are reached at the split; the rows are swept by
 * time, ties in input order, and a row "a acted on b" reaches a when b was reached by then. A chain that runs
 * backwards in time (c acted on a before a acted on a seed) does not carry: when c's row is swept, a is not
 * reached yet. Two rows at the same time carry in input order only.</li>
 * </ul>
 * Influence flows target -> source, as in the graph. Each is one pass over the future rows: O(r + people).
 * Seeds are given as train nodes; a seed with no future row reaches nobody.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /** Engagers and reach of one seed set. */
    public record Observed(int engagers, int reach) {
    }

    public static Observed of(FutureRows f, int[] trainSeeds) {
        boolean[] seed = new boolean[f.people().size()];
        for (int u : trainSeeds) {
            int p = f.futureIndex(u);
            if (p >= 0) seed[p] = true;
        }
        return new Observed(engagers(f, seed), reach(f, seed));
    }

    static int engagers(FutureRows f, boolean[] seed) {
        boolean[] counted = new boolean[seed.length];
        int n = 0;
        for (int r = 0; r < f.rows(); r++) {
            int a = f.source(r);
            if (seed[f.target(r)] && !seed[a] && !counted[a]) {
                counted[a] = true;
                n++;
            }
        }
        return n;
    }

    static int reach(FutureRows f, boolean[] seed) {
        boolean[] reached = seed.clone();
        int n = 0;
        for (int i = 0; i < f.rows(); i++) {
            int r = f.sweep(i);
            int a = f.source(r);
            if (reached[f.target(r)] && !reached[a]) {
                reached[a] = true;
                n++;
            }
        }
        return n;
    }

    /**
     * Future attention of every train node: the distinct people (other than the node itself) with a future row
     * acting on it. O(r) with one marker array: rows grouped by target through a counting sort.
     */
    public static int[] attention(FutureRows f, int trainNodes) {
        int people = f.people().size();
        int[] start = new int[people + 1];
        for (int r = 0; r < f.rows(); r++) start[f.target(r) + 1]++;
        for (int p = 0; p < people; p++) start[p + 1] += start[p];
        int[] actors = new int[f.rows()];
        int[] fill = java.util.Arrays.copyOf(start, people);
        for (int r = 0; r < f.rows(); r++) actors[fill[f.target(r)]++] = f.source(r);
        int[] mark = new int[people];
        java.util.Arrays.fill(mark, -1);
        int[] out = new int[trainNodes];
        for (int p = 0; p < people; p++) {
            int u = f.trainNode(p);
            if (u < 0) continue;
            int c = 0;
            for (int i = start[p]; i < start[p + 1]; i++) {
                int a = actors[i];
                if (a != p && mark[a] != p) {
                    mark[a] = p;
                    c++;
                }
            }
            out[u] = c;
        }
        return out;
    }
}
