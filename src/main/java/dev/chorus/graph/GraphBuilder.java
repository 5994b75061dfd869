package dev.chorus.graph;

import dev.chorus.ingest.Interaction;
import dev.chorus.ingest.InteractionSink;
import dev.chorus.ingest.InteractionType;
import dev.chorus.parallel.Chunks;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Collects interaction rows and builds an immutable {@link InteractionGraph}.
 * <p>
 * Rows are kept as parallel primitive arrays (source, target; weight, type and time only once the input has
 * them), then aggregated by a counting sort on the source and a per-source sort on the target: equal
 * (source, target) rows become one edge with summed weight, per-type counts and first/last time. No per-edge
 * objects and no hash map on pairs; O(R + m log d) time for R rows, about 17 bytes per row while building
 * (25 with timestamps). Node indices follow first appearance and rows keep input order, so the same input
 * always builds the same graph, on any number of threads.
 */
public final class GraphBuilder implements InteractionSink {
    private final IdMap ids = new IdMap();
    private final NodeAttributes attributes = new NodeAttributes();
    private final Boolean forcedDirected;
    private final int threads;
    private Boolean declaredDirected;
    private int rows;
    private int[] src;
    private int[] dst;
    private double[] weight; // null while every weight is 1
    private byte[] type;     // ordinal + 1; 0 = no type; null while no row has a type
    private long[] time;     // null while no row has a time
    private int typeMask;

    /**
     * @param directed {@code true}/{@code false} forces directed/undirected; {@code null} follows what the input
     *                 declares (graph formats) and is directed otherwise
     */
    public GraphBuilder(Boolean directed) {
        this(directed, 0, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param expectedRows capacity to reserve (a guess; the builder still grows past it)
     * @param threads      threads to use, >= 1: with one, ids are numbered and edges aggregated on the caller's
     *                     thread; the graph is the same for any count
     */
    public GraphBuilder(Boolean directed, long expectedRows, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.forcedDirected = directed;
        this.threads = threads;
        int cap = (int) Math.max(1 << 10, Math.min(expectedRows, 1L << 30));
        this.src = new int[cap];
        this.dst = new int[cap];
    }

    @Override
    public void declaredDirected(boolean directed) {
        declaredDirected = directed;
    }

    @Override
    public void node(String id, Map<String, String> attrs) {
        drainIds();
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        int node = ids.intern(b, 0, b.length);
        for (Map.Entry<String, String> a : attrs.entrySet()) attributes.put(node, a.getKey(), a.getValue());
    }

    @Override
    public void interaction(Interaction row) {
        if (!staging.fits(row.sourceLength(), row.targetLength())) flushIds();
        if (!staging.fits(row.sourceLength(), row.targetLength())) { // one huge id pair: interned directly, in order
            drainIds();
            add(ids.intern(row.sourceBytes(), row.sourceOffset(), row.sourceLength()),
                    ids.intern(row.targetBytes(), row.targetOffset(), row.targetLength()), row.weight(), row.type(), row.timestamp());
            return;
        }
        staging.stage(row.sourceBytes(), row.sourceOffset(), row.sourceLength());
        staging.stage(row.targetBytes(), row.targetOffset(), row.targetLength());
        add(-1, -1, row.weight(), row.type(), row.timestamp()); // ids arrive when the batch is interned
    }

    /*
     * Ids are interned in batches on one worker thread (IdMap.internAll), while the reader goes on parsing the
     * next batch: with two cores, parsing and the hash-table work overlap. With one thread a batch is interned
     * on the caller's thread when it is handed over. Batches are interned strictly in
     * order by a single worker, so first-appearance numbering is the same as interning row by row. Only the
     * worker touches the IdMap while a batch is in flight; the builder's arrays are only written here.
     */
    private static final int BATCH = 4096;
    private IdBatch staging = new IdBatch();
    private IdBatch spare = new IdBatch();
    private IdBatch inFlight;
    private Future<?> inFlightDone;
    private ThreadPoolExecutor worker;

    private static final class IdBatch {
        final byte[] buf = new byte[1 << 17];
        final int[] off = new int[2 * BATCH];
        final int[] len = new int[2 * BATCH];
        final long[] keys = new long[2 * BATCH];
        final int[] ids = new int[2 * BATCH];
        int count;
        int bytes;
        int firstRow;

        boolean fits(int a, int b) {
            return count + 2 <= off.length && bytes + a + b <= buf.length;
        }

        void stage(byte[] b, int o, int l) {
            System.arraycopy(b, o, buf, bytes, l);
            off[count] = bytes;
            len[count] = l;
            bytes += l;
            count++;
        }
    }

    /** Hands the staged batch to the worker (after collecting the previous one). */
    private void flushIds() {
        if (staging.count == 0) return;
        collect();
        IdBatch b = staging;
        b.firstRow = rows - b.count / 2;
        if (threads == 1) {
            ids.internAll(b.buf, b.off, b.len, b.count, b.keys, b.ids);
            inFlight = b;
            collect();
            b.count = 0;
            b.bytes = 0;
            return;
        }
        if (worker == null) {
            worker = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "chorus-id-interner");
                t.setDaemon(true);
                return t;
            });
            worker.allowCoreThreadTimeOut(true); // an abandoned builder leaves no thread behind
        }
        inFlight = b;
        inFlightDone = worker.submit(() -> ids.internAll(b.buf, b.off, b.len, b.count, b.keys, b.ids));
        staging = spare;
        spare = b;
        staging.count = 0;
        staging.bytes = 0;
    }

    /** Waits for the batch in flight and writes its ids into the rows it belongs to. */
    private void collect() {
        if (inFlight == null) return;
        try {
            if (inFlightDone != null) inFlightDone.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while interning ids", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        IdBatch b = inFlight;
        for (int i = 0, r = b.firstRow; i < b.count; i += 2, r++) {
            src[r] = b.ids[i];
            dst[r] = b.ids[i + 1];
        }
        inFlight = null;
        inFlightDone = null;
    }

    /** Interns everything staged and stops the worker; afterwards the IdMap may be used directly. */
    private void drainIds() {
        flushIds();
        collect();
    }

    /** Adds one row between original ids (library use and tests). */
    public GraphBuilder add(String source, String target, double w) {
        drainIds();
        byte[] a = source.getBytes(StandardCharsets.UTF_8);
        byte[] b = target.getBytes(StandardCharsets.UTF_8);
        if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("weight must be finite and >= 0, got " + w);
        add(ids.intern(a, 0, a.length), ids.intern(b, 0, b.length), w, null, Interaction.NO_TIME);
        return this;
    }

    /**
     * Adds one row with its interaction type and time ({@code null} / {@link Interaction#NO_TIME} for none): for
     * library use and for backends that rebuild a graph they stored (the Neo4j backend).
     */
    public GraphBuilder add(String source, String target, double w, InteractionType type, long timestamp) {
        drainIds();
        byte[] a = source.getBytes(StandardCharsets.UTF_8);
        byte[] b = target.getBytes(StandardCharsets.UTF_8);
        if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("weight must be finite and >= 0, got " + w);
        add(ids.intern(a, 0, a.length), ids.intern(b, 0, b.length), w, type, timestamp);
        return this;
    }

    /** Adds a node without edges (library use and tests). */
    public GraphBuilder addNode(String id) {
        node(id, Map.of());
        return this;
    }

    private void add(int s, int t, double w, InteractionType ty, long ts) {
        if (rows == src.length) grow();
        src[rows] = s;
        dst[rows] = t;
        if (w != 1.0 && weight == null) {
            weight = new double[src.length];
            Arrays.fill(weight, 0, rows, 1.0);
        }
        if (weight != null) weight[rows] = w;
        if (ty != null) {
            if (type == null) type = new byte[src.length];
            type[rows] = (byte) (ty.ordinal() + 1);
            typeMask |= 1 << ty.ordinal();
        }
        if (ts != Interaction.NO_TIME && time == null) {
            time = new long[src.length];
            Arrays.fill(time, 0, rows, Interaction.NO_TIME);
        }
        if (time != null) time[rows] = ts;
        rows++;
    }

    private void grow() {
        if (rows >= Integer.MAX_VALUE - 16) throw new IllegalStateException("more than 2^31 rows; use the Spark backend");
        int cap = (int) Math.min(Integer.MAX_VALUE - 8L, rows * 2L);
        src = Arrays.copyOf(src, cap);
        dst = Arrays.copyOf(dst, cap);
        if (weight != null) weight = Arrays.copyOf(weight, cap);
        if (type != null) type = Arrays.copyOf(type, cap);
        if (time != null) time = Arrays.copyOf(time, cap);
    }

    /** Rows added so far. */
    public int rowCount() {
        return rows;
    }

    public boolean directed() {
        return forcedDirected != null ? forcedDirected : declaredDirected == null || declaredDirected;
    }

    /** Builds the graph. The builder must not be used afterwards (its arrays are released). */
    public InteractionGraph build() {
        drainIds();
        if (worker != null) worker.shutdown();
        boolean directed = directed();
        int n = ids.size();
        ids.trim();
        if (!directed) {
            for (int r = 0; r < rows; r++) {
                if (src[r] > dst[r]) {
                    int x = src[r];
                    src[r] = dst[r];
                    dst[r] = x;
                }
            }
        }
        // Counting sort of rows by source. Row attributes move with the rows in this one sequential pass, so the
        // aggregation below reads them next to each other instead of at random row indices.
        int[] rowStart = new int[n + 1];
        for (int r = 0; r < rows; r++) rowStart[src[r] + 1]++;
        for (int u = 0; u < n; u++) rowStart[u + 1] += rowStart[u];
        long[] keys = new long[rows]; // target << 32 | position inside the source's segment
        double[] w = weight == null ? null : new double[rows];
        byte[] ty = type == null ? null : new byte[rows];
        long[] tm = time == null ? null : new long[rows];
        int[] fill = Arrays.copyOf(rowStart, n);
        for (int r = 0; r < rows; r++) {
            int u = src[r];
            int p = fill[u]++;
            keys[p] = ((long) dst[r] << 32) | (p - rowStart[u]);
            if (w != null) w[p] = weight[r];
            if (ty != null) ty[p] = type[r];
            if (tm != null) tm[p] = time[r];
        }
        fill = null;
        src = null;
        dst = null;
        weight = null;
        type = null;
        time = null;

        int[] typeColumn = new int[InteractionType.values().length];
        InteractionType[] types = new InteractionType[Integer.bitCount(typeMask)];
        for (int o = 0, c = 0; o < typeColumn.length; o++) {
            typeColumn[o] = -1;
            if ((typeMask & (1 << o)) != 0) {
                typeColumn[o] = c;
                types[c++] = InteractionType.values()[o];
            }
        }
        int nt = types.length;

        // Both passes work on disjoint ranges of sources, in parallel; each edge is still summed by one thread
        // in row order, so the result does not depend on the thread count.
        Chunks chunks = Chunks.balanced(rowStart, Chunks.DEFAULT_CHUNKS);
        int[] offsets = new int[n + 1];
        int m;
        int[] targets;
        double[] weights;
        int[] typeCounts;
        long[] first;
        long[] last;
        ForkJoinPool pool = Chunks.pool(threads);
        try {
            // pass 1: sort each source's rows by (target, input order) and count distinct targets
            chunks.forEach(pool, c -> {
                for (int u = chunks.start(c); u < chunks.end(c); u++) {
                    int a = rowStart[u];
                    int b = rowStart[u + 1];
                    Arrays.sort(keys, a, b);
                    int distinct = 0;
                    long prev = -1;
                    for (int k = a; k < b; k++) {
                        long t = keys[k] >>> 32;
                        if (t != prev) {
                            distinct++;
                            prev = t;
                        }
                    }
                    offsets[u + 1] = distinct;
                }
            });
            for (int u = 0; u < n; u++) offsets[u + 1] += offsets[u];
            // pass 2: one edge per distinct (source, target), attributes aggregated over its rows
            m = offsets[n];
            targets = new int[m];
            weights = new double[m];
            typeCounts = nt == 0 ? null : new int[m * nt];
            first = tm == null ? null : new long[m];
            last = tm == null ? null : new long[m];
            chunks.forEach(pool, c -> {
                for (int u = chunks.start(c); u < chunks.end(c); u++) {
                    int a = rowStart[u];
                    int e = offsets[u] - 1;
                    int prev = -1;
                    for (int k = a; k < rowStart[u + 1]; k++) {
                        int t = (int) (keys[k] >>> 32);
                        int r = a + (int) keys[k];
                        if (t != prev) {
                            e++;
                            targets[e] = t;
                            if (first != null) {
                                first[e] = Long.MAX_VALUE;
                                last[e] = Long.MIN_VALUE;
                            }
                            prev = t;
                        }
                        weights[e] += w == null ? 1.0 : w[r];
                        if (typeCounts != null && ty[r] != 0) typeCounts[e * nt + typeColumn[ty[r] - 1]]++;
                        if (first != null && tm[r] != Interaction.NO_TIME) {
                            first[e] = Math.min(first[e], tm[r]);
                            last[e] = Math.max(last[e], tm[r]);
                        }
                    }
                }
            });
        } finally {
            if (pool != null) pool.shutdown();
        }
        if (first != null) {
            for (int x = 0; x < m; x++) {
                if (first[x] == Long.MAX_VALUE) {
                    first[x] = Interaction.NO_TIME;
                    last[x] = Interaction.NO_TIME;
                }
            }
        }
        EdgeData data = new EdgeData(types, typeCounts, first, last);
        if (!directed) return symmetric(n, offsets, targets, weights, data);
        return new InteractionGraph(ids, attributes, true, new Adjacency(offsets, targets, weights), data, threads);
    }

    /** Undirected input: each pair {a <= b} becomes arcs a->b and b->a (a loop stays one arc). */
    private InteractionGraph symmetric(int n, int[] pairOffsets, int[] pairTargets, double[] pairWeights, EdgeData pairs) {
        int[] offsets = new int[n + 1];
        for (int a = 0; a < n; a++) {
            for (int e = pairOffsets[a]; e < pairOffsets[a + 1]; e++) {
                int b = pairTargets[e];
                offsets[a + 1]++;
                if (b != a) offsets[b + 1]++;
            }
        }
        for (int u = 0; u < n; u++) offsets[u + 1] += offsets[u];
        int arcs = offsets[n];
        int[] fill = Arrays.copyOf(offsets, n);
        int[] targets = new int[arcs];
        double[] weights = new double[arcs];
        int[] pairOf = new int[arcs];
        // visiting pairs by (a, b) ascending leaves every row sorted: b's arcs to smaller a come first
        for (int a = 0; a < n; a++) {
            for (int e = pairOffsets[a]; e < pairOffsets[a + 1]; e++) {
                int b = pairTargets[e];
                int i = fill[a]++;
                targets[i] = b;
                weights[i] = pairWeights[e];
                pairOf[i] = e;
                if (b != a) {
                    int j = fill[b]++;
                    targets[j] = a;
                    weights[j] = pairWeights[e];
                    pairOf[j] = e;
                }
            }
        }
        return new InteractionGraph(ids, attributes, false, new Adjacency(offsets, targets, weights), pairs.select(pairOf), threads);
    }
}
