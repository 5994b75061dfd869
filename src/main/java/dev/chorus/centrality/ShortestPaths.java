package dev.chorus.centrality;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.parallel.Chunks;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Single-source shortest paths over one CSR direction, the engine of {@link Betweenness}, {@link Closeness} and
 * {@link Harmonic}. One instance is one worker's scratch space, reused source after source: resetting costs only
 * the nodes the previous search reached, so many small searches (sampled sources, directed graphs where most
 * nodes reach little) stay cheap.
 * <p>
 * Lengths: 1 per arc (breadth-first search), or {@code 1 / weight} with {@code weighted} (Dijkstra with a binary
 * heap), because an interaction weight is a strength: more interaction means closer, not farther. A zero weight
 * then gives an infinite length, so such arcs are never used. An arc {@code v -> w} is on a shortest path iff
 * {@code w} was reached and {@code dist[v] < dist[w] && dist[v] + len == dist[w]}, computed with the same
 * floating-point operations in the forward search and in any backward pass ({@link #onShortestPath}), so both
 * always agree on the shortest-path DAG, ties included (NetworkX compares path lengths exactly as well).
 */
final class ShortestPaths {
    private final int[] offsets;
    private final int[] targets;
    private final double[] weights;
    private final boolean weighted;
    private final boolean countPaths;
    /** Distance from the last source; +infinity where unreached. */
    final double[] dist;
    /** Number of shortest paths from the last source (only with {@code countPaths}). */
    final double[] sigma;
    /** Reached nodes in non-decreasing distance; {@code order[0]} is the source. */
    final int[] order;
    /** How many entries of {@link #order} are valid. */
    int reached;
    private final int[] heap;
    private final int[] heapPos;

    /**
     * @param rows       the direction to search: {@code out()} for distances from the source, {@code in()} for
     *                   distances to it
     * @param countPaths also count shortest paths (Brandes); closeness and harmonic need only distances
     */
    ShortestPaths(Adjacency rows, boolean weighted, boolean countPaths) {
        int n = rows.nodeCount();
        this.offsets = rows.offsets();
        this.targets = rows.neighbors();
        this.weights = rows.weights();
        this.weighted = weighted;
        this.countPaths = countPaths;
        this.dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        this.sigma = countPaths ? new double[n] : null;
        this.order = new int[n];
        this.heap = weighted ? new int[n] : null;
        this.heapPos = weighted ? new int[n] : null;
    }

    /** The length of an arc of interaction weight {@code w}. */
    static double length(boolean weighted, double w) {
        return weighted ? 1.0 / w : 1.0;
    }

    /** Whether arc {@code v -> w} of length {@code len} lies on a shortest path of the last search. */
    static boolean onShortestPath(double distV, double len, double distW) {
        // an unreached w (infinite distance) is not on a path even when len is infinite (zero weight)
        return distV < distW && distV + len == distW && distW != Double.POSITIVE_INFINITY;
    }

    /** Searches from {@code s}, filling {@link #dist}, {@link #order}, {@link #reached} (and {@link #sigma}). */
    void run(int s) {
        for (int k = 0; k < reached; k++) {
            int v = order[k];
            dist[v] = Double.POSITIVE_INFINITY;
            if (countPaths) sigma[v] = 0;
        }
        dist[s] = 0;
        if (countPaths) sigma[s] = 1;
        if (weighted) dijkstra(s);
        else bfs(s);
    }

    private void bfs(int s) {
        order[0] = s;
        reached = 1;
        for (int head = 0; head < reached; head++) {
            int v = order[head];
            double next = dist[v] + 1;
            for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                int w = targets[i];
                if (dist[w] == Double.POSITIVE_INFINITY) {
                    dist[w] = next;
                    order[reached++] = w;
                }
                if (countPaths && dist[w] == next) sigma[w] += sigma[v];
            }
        }
    }

    private void dijkstra(int s) {
        reached = 0;
        int size = 0;
        heap[size] = s;
        heapPos[s] = size++;
        while (size > 0) {
            int v = heap[0];
            int last = heap[--size];
            if (size > 0) siftDown(last, 0, size);
            order[reached++] = v;
            double dv = dist[v];
            for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
                double nd = dv + 1.0 / weights[i];
                // skips zero weights (infinite length) and lengths too small to change dv, which would act as
                // zero-length arcs and break the distance order that accumulation relies on
                if (!(nd > dv) || nd == Double.POSITIVE_INFINITY) continue;
                int w = targets[i];
                double dw = dist[w];
                if (nd < dw) {
                    dist[w] = nd;
                    if (dw == Double.POSITIVE_INFINITY) {
                        heap[size] = w;
                        heapPos[w] = size++;
                    }
                    siftUp(w, heapPos[w]);
                    if (countPaths) sigma[w] = sigma[v];
                } else if (countPaths && nd == dw) {
                    sigma[w] += sigma[v];
                }
            }
        }
    }

    private void siftUp(int v, int i) {
        double d = dist[v];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (dist[p] <= d) break;
            heap[i] = p;
            heapPos[p] = i;
            i = parent;
        }
        heap[i] = v;
        heapPos[v] = i;
    }

    private void siftDown(int v, int i, int size) {
        double d = dist[v];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && dist[heap[child + 1]] < dist[heap[child]]) child++;
            int c = heap[child];
            if (d <= dist[c]) break;
            heap[i] = c;
            heapPos[c] = i;
            i = child;
        }
        heap[i] = v;
        heapPos[v] = i;
    }

    /** Work for one chunk of sources, done by the worker that owns {@code slot}. */
    interface ChunkWork {
        void run(int chunk, int slot);
    }

    /** Called on the caller's thread after each wave, in chunk order. */
    interface ChunkDone {
        void done(int chunk, int slot);
    }

    /**
     * Runs {@code work} over all chunks in waves of {@code slots} chunks (one per slot, so per-slot scratch and
     * partial results are never shared), then calls {@code done} for the wave's chunks in chunk order and reports
     * progress up to the wave's end. Chunk boundaries do not depend on {@code slots}, and neither does any
     * combination done in chunk order, so results are identical for every thread count.
     */
    static void inWaves(Chunks chunks, int slots, ForkJoinPool pool, ChunkWork work, ChunkDone done,
                        Progress.Task task) {
        for (int first = 0; first < chunks.count(); first += slots) {
            int base = first;
            int size = Math.min(slots, chunks.count() - first);
            Chunks.even(size, size).forEach(pool, slot -> work.run(base + slot, slot));
            for (int slot = 0; slot < size; slot++) done.done(base + slot, slot);
            task.stepTo(chunks.end(base + size - 1));
        }
    }

    /** A node's score from the search that just ran to it. */
    interface TargetScore {
        double score(ShortestPaths paths);
    }

    /**
     * Scores every node {@code u} from a search along in-arcs, i.e. from the distances {@code d(v,u)} of the nodes
     * that reach it (closeness, harmonic). Each score is computed by one thread alone, in fixed node chunks.
     */
    static double[] perTarget(InteractionGraph g, boolean weighted, int threads, Progress progress, String name,
                              TargetScore score) {
        int n = g.nodeCount();
        double[] scores = new double[n];
        Chunks chunks = Chunks.even(n, Chunks.DEFAULT_CHUNKS);
        int slots = Math.min(threads, chunks.count());
        ShortestPaths[] workers = new ShortestPaths[slots];
        ForkJoinPool pool = Chunks.pool(slots);
        try (Progress.Task task = progress.begin(name, n, "nodes")) {
            inWaves(chunks, slots, pool, (c, slot) -> {
                if (workers[slot] == null) workers[slot] = new ShortestPaths(g.in(), weighted, false);
                ShortestPaths paths = workers[slot];
                for (int u = chunks.start(c); u < chunks.end(c); u++) {
                    paths.run(u);
                    scores[u] = score.score(paths);
                }
            }, (c, slot) -> { }, task);
        } finally {
            if (pool != null) pool.shutdown();
        }
        return scores;
    }
}
