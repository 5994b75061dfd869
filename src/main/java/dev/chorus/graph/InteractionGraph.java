package dev.chorus.graph;

import dev.chorus.ingest.Interaction;
import dev.chorus.ingest.InteractionType;
import dev.chorus.parallel.Chunks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultUndirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The immutable interaction graph every algorithm runs on.
 * <p>
 * An arc {@code u -> v} means "u acted on v's content" (retweeted, replied to, mentioned); its weight is the
 * summed weight of all rows for the pair, and influence flows {@code v -> u}. Storage is compressed sparse rows
 * over dense int ids ({@link IdMap}):
 * <ul>
 * <li>{@link #out()}: arcs by source, with weights; arc indices {@code 0..arcCount()-1} address per-arc data
 * (type counts, first/last time, reciprocity);</li>
 * <li>{@link #in()}: the same arcs by target, with weights copied so that pull-style loops (PageRank) read
 * contiguous memory; {@link #inArc(int)} maps an in-position to its arc index; built on first use, with the
 * reciprocated arcs, so that a command that only writes the pairs out (the Neo4j backend's load and import) does
 * not pay for it;</li>
 * <li>{@link #undirected()}: the symmetrized simple view (self-loops dropped, weights of u->v and v->u summed),
 * built on first use, for algorithms defined on undirected simple graphs (k-core, clustering, Louvain).</li>
 * </ul>
 * Undirected inputs are stored as symmetric arc pairs (a self-loop is one arc), so that {@link #out()} and
 * {@link #in()} are both the neighbourhoods; {@link #edgeCount()} then counts each pair once.
 * Self-loops stay in {@code out}/{@code in} (PageRank counts them, as NetworkX does) and are counted by
 * {@link #selfLoopCount()}; algorithms that must ignore them use {@link #undirected()} or skip {@code u == v}.
 * <p>
 * Memory: 28 bytes per arc for both directions with weights (out: 4 + 8, in: 4 + 8 + 4 for the arc index),
 * 8 bytes per node for offsets, one bit per arc for reciprocity; plus 4 bytes per arc and present type, and 16
 * bytes per arc when the input has times; plus the id dictionary ({@link IdMap}).
 */
public final class InteractionGraph {
    private final IdMap ids;
    private final NodeAttributes attributes;
    private final boolean directed;
    private final Adjacency out;
    private final EdgeData data;
    private final int selfLoops;
    private final int threads;
    private volatile Inverse inverse;
    private volatile Adjacency undirected;

    /** The arcs by target and what is computed from them ({@link #in()}, {@link #isReciprocated}). */
    private record Inverse(Adjacency in, int[] inArc, long[] reciprocated, long reciprocatedArcs) {
    }

    /** @param threads threads that build the derived views ({@link #in()}, {@link #undirected()}); they do not change them */
    InteractionGraph(IdMap ids, NodeAttributes attributes, boolean directed, Adjacency out, EdgeData data, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.ids = ids;
        this.attributes = attributes;
        this.directed = directed;
        this.out = out;
        this.data = data;
        int loops = 0;
        for (int u = 0; u < ids.size(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) if (out.neighbor(e) == u) loops++;
        }
        this.selfLoops = loops;
    }

    private Inverse inverse() {
        Inverse x = inverse;
        if (x == null) {
            synchronized (this) {
                x = inverse;
                if (x == null) inverse = x = invert();
            }
        }
        return x;
    }

    /**
     * The in-CSR by a counting sort of the arcs on their targets, and the reciprocated arcs by merging rows. O(n + m)
     * time, plus O(n) per source range: the sort runs over up to {@link #MAX_RANGES} ranges of sources in parallel,
     * each counting and placing its own arcs, a range's block of a row before the next range's, so that every row
     * lists its sources in increasing order, as one sequential pass would.
     */
    private Inverse invert() {
        int n = ids.size();
        int m = out.size();
        int[] outOffsets = out.offsets();
        int[] targets = out.neighbors();
        ForkJoinPool pool = m < PARALLEL_ARCS ? null : Chunks.pool(threads);
        try {
            Chunks ranges = Chunks.balanced(outOffsets, pool == null ? 1 : Math.min(threads, MAX_RANGES));
            int[][] fill = new int[ranges.count()][];
            ranges.forEach(pool, r -> {
                int[] count = new int[n];
                for (int e = outOffsets[ranges.start(r)]; e < outOffsets[ranges.end(r)]; e++) count[targets[e]]++;
                fill[r] = count;
            });
            int[] inOffsets = new int[n + 1];
            for (int v = 0; v < n; v++) {
                int at = inOffsets[v];
                for (int[] count : fill) {
                    int c = count[v];
                    count[v] = at;
                    at += c;
                }
                inOffsets[v + 1] = at;
            }
            int[] sources = new int[m];
            double[] inWeights = new double[m];
            int[] inArc = new int[m];
            ranges.forEach(pool, r -> {
                int[] next = fill[r];
                for (int u = ranges.start(r); u < ranges.end(r); u++) {
                    for (int e = outOffsets[u]; e < outOffsets[u + 1]; e++) {
                        int i = next[targets[e]]++;
                        sources[i] = u;
                        inWeights[i] = out.weight(e);
                        inArc[i] = e;
                    }
                }
            });
            long[] reciprocated = new long[(m + 63) >>> 6];
            long rec = reciprocate(pool, outOffsets, targets, inOffsets, sources, reciprocated);
            return new Inverse(new Adjacency(inOffsets, sources, inWeights), inArc, reciprocated, rec);
        } finally {
            if (pool != null) pool.shutdown();
        }
    }

    /** Fewer arcs than this build the views on the caller's thread: starting threads would cost more. */
    private static final int PARALLEL_ARCS = 1 << 16;
    /** Most source ranges of the in-CSR's counting sort: each holds an int per node. */
    private static final int MAX_RANGES = 4;

    /**
     * Sets the bit of every arc u -> v whose reverse exists (v is also an in-neighbour of u: the two sorted rows are
     * merged, no searching), over chunks of nodes in parallel; returns their number. A chunk's first and last words
     * may hold another chunk's arcs, so it ORs those in after the parallel pass.
     */
    private static long reciprocate(ForkJoinPool pool, int[] outOffsets, int[] targets, int[] inOffsets, int[] sources, long[] bits) {
        Chunks chunks = Chunks.balanced(outOffsets, Chunks.DEFAULT_CHUNKS);
        long[] edgeWords = new long[2 * chunks.count()];
        long[] counts = new long[chunks.count()];
        chunks.forEach(pool, c -> {
            int from = outOffsets[chunks.start(c)];
            int to = outOffsets[chunks.end(c)];
            if (from == to) return;
            int firstWord = from >>> 6;
            int lastWord = (to - 1) >>> 6;
            long first = 0;
            long last = 0;
            long rec = 0;
            for (int u = chunks.start(c); u < chunks.end(c); u++) {
                int j = inOffsets[u];
                int jEnd = inOffsets[u + 1];
                for (int e = outOffsets[u]; e < outOffsets[u + 1] && j < jEnd; e++) {
                    int v = targets[e];
                    while (j < jEnd && sources[j] < v) j++;
                    if (j < jEnd && sources[j] == v && v != u) {
                        int w = e >>> 6;
                        if (w == firstWord) first |= 1L << e;
                        else if (w == lastWord) last |= 1L << e;
                        else bits[w] |= 1L << e;
                        rec++;
                    }
                }
            }
            edgeWords[2 * c] = first;
            edgeWords[2 * c + 1] = last;
            counts[c] = rec;
        });
        long total = 0;
        for (int c = 0; c < chunks.count(); c++) {
            int from = outOffsets[chunks.start(c)];
            int to = outOffsets[chunks.end(c)];
            if (from == to) continue;
            bits[from >>> 6] |= edgeWords[2 * c];
            bits[(to - 1) >>> 6] |= edgeWords[2 * c + 1];
            total += counts[c];
        }
        return total;
    }

    /** Original ids of the nodes. */
    public IdMap ids() {
        return ids;
    }

    /** Attributes that graph formats declared for nodes (empty for edge lists). */
    public NodeAttributes nodeAttributes() {
        return attributes;
    }

    public boolean isDirected() {
        return directed;
    }

    public int nodeCount() {
        return ids.size();
    }

    /** Stored arcs: edges for directed graphs; for undirected ones each non-loop pair twice, loops once. */
    public int arcCount() {
        return out.size();
    }

    /** Distinct interaction pairs: arcs if directed; undirected pairs (self-loops included) otherwise. */
    public long edgeCount() {
        return directed ? out.size() : (out.size() - selfLoops) / 2L + selfLoops;
    }

    /** Threads that build the derived views (as the graph was built with). */
    int threads() {
        return threads;
    }

    public int selfLoopCount() {
        return selfLoops;
    }

    /** Arcs by source, with weights. */
    public Adjacency out() {
        return out;
    }

    /** Arcs by target, with weights. */
    public Adjacency in() {
        return inverse().in();
    }

    /** The arc index (position in {@link #out()}) of in-position {@code i}. */
    public int inArc(int i) {
        return inverse().inArc()[i];
    }

    /** Index of arc {@code u -> v}, or -1. O(log outdegree). */
    public int arc(int u, int v) {
        return out.find(u, v);
    }

    /** Whether arc {@code e = u -> v} has its reverse {@code v -> u} (self-loops never count). O(1). */
    public boolean isReciprocated(int e) {
        return (inverse().reciprocated()[e >>> 6] & (1L << e)) != 0;
    }

    /**
     * Fraction of non-loop arcs whose reverse exists, for directed graphs; NaN for undirected graphs (where
     * it is not defined). NetworkX's {@code overall_reciprocity} keeps self-loops in the denominator; Chorus
     * does not, because talking to oneself is not an unanswered interaction.
     */
    public double reciprocity() {
        if (!directed) return Double.NaN;
        long nonLoop = out.size() - (long) selfLoops;
        return nonLoop == 0 ? 0.0 : (double) inverse().reciprocatedArcs() / nonLoop;
    }

    /** Sum of edge weights, each undirected pair once, self-loops included. */
    public double weightSum() {
        double s = 0;
        int[] targets = out.neighbors();
        for (int u = 0; u < nodeCount(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                if (directed || targets[e] >= u) s += out.weight(e);
            }
        }
        return s;
    }

    /** As NetworkX: m / (n (n-1)) directed, 2m / (n (n-1)) undirected, self-loops counted in m; 0 if n < 2. */
    public double density() {
        return density(nodeCount(), edgeCount(), directed);
    }

    /** {@link #density()} from the counts, for engines that hold no graph (Spark). */
    public static double density(long n, long m, boolean directed) {
        if (n < 2) return 0.0;
        return (directed ? (double) m : 2.0 * m) / (n * (n - 1.0));
    }

    /** Interaction types present in the input, in {@link InteractionType} order. */
    public List<InteractionType> types() {
        return List.of(data.types());
    }

    /** Rows of type {@code t} on arc {@code e} (0 if the type is absent from the input). */
    public int typeCount(int e, InteractionType t) {
        int c = column(t);
        return c < 0 ? 0 : data.typeCounts()[e * data.types().length + c];
    }

    /** Rows per type over the whole graph, each undirected pair once. */
    public Map<InteractionType, Long> rowsByType() {
        Map<InteractionType, Long> counts = new LinkedHashMap<>();
        InteractionType[] types = data.types();
        int[] tc = data.typeCounts();
        int[] targets = out.neighbors();
        for (int c = 0; c < types.length; c++) {
            long sum = 0;
            for (int u = 0; u < nodeCount(); u++) {
                for (int e = out.start(u); e < out.end(u); e++) {
                    if (directed || targets[e] >= u) sum += tc[e * types.length + c];
                }
            }
            counts.put(types[c], sum);
        }
        return counts;
    }

    private int column(InteractionType t) {
        InteractionType[] types = data.types();
        for (int c = 0; c < types.length; c++) if (types[c] == t) return c;
        return -1;
    }

    public boolean hasTimes() {
        return data.firstTime() != null;
    }

    /** Earliest time (epoch seconds) of arc {@code e}, or {@link Interaction#NO_TIME}. */
    public long firstTime(int e) {
        return data.firstTime() == null ? Interaction.NO_TIME : data.firstTime()[e];
    }

    /** Latest time (epoch seconds) of arc {@code e}, or {@link Interaction#NO_TIME}. */
    public long lastTime(int e) {
        return data.lastTime() == null ? Interaction.NO_TIME : data.lastTime()[e];
    }

    /** {min, max} over all arcs' times, or {@code null} when the input has none. */
    public long[] timeRange() {
        if (data.firstTime() == null) return null;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int e = 0; e < arcCount(); e++) {
            if (data.firstTime()[e] == Interaction.NO_TIME) continue;
            lo = Math.min(lo, data.firstTime()[e]);
            hi = Math.max(hi, data.lastTime()[e]);
        }
        return lo == Long.MAX_VALUE ? null : new long[] {lo, hi};
    }

    /**
     * The undirected simple view: neighbours are the union of in- and out-neighbours without {@code u} itself,
     * weight of {u,v} = w(u->v) + w(v->u) (for undirected inputs: the pair's weight). Built once, O(n + m).
     */
    public Adjacency undirected() {
        Adjacency view = undirected;
        if (view == null) {
            synchronized (this) {
                view = undirected;
                if (view == null) undirected = view = symmetrize();
            }
        }
        return view;
    }

    private Adjacency symmetrize() {
        int n = nodeCount();
        Adjacency b = directed ? in() : null;
        int[] offsets = new int[n + 1];
        ForkJoinPool pool = out.size() < PARALLEL_ARCS ? null : Chunks.pool(threads);
        try {
            Chunks chunks = Chunks.balanced(out.offsets(), Chunks.DEFAULT_CHUNKS);
            chunks.forEach(pool, c -> {
                for (int u = chunks.start(c); u < chunks.end(c); u++) offsets[u + 1] = mergeRow(u, b, null, null, 0);
            });
            for (int u = 0; u < n; u++) offsets[u + 1] += offsets[u];
            int[] nb = new int[offsets[n]];
            double[] w = new double[offsets[n]];
            chunks.forEach(pool, c -> {
                for (int u = chunks.start(c); u < chunks.end(c); u++) mergeRow(u, b, nb, w, offsets[u]);
            });
            return new Adjacency(offsets, nb, w);
        } finally {
            if (pool != null) pool.shutdown();
        }
    }

    /**
     * Merges u's out-row with its in-row {@code b} (null: undirected input, out is both), without u itself, into
     * {@code nb}/{@code w} from {@code at} (null: only counts); returns the number of neighbours.
     */
    private int mergeRow(int u, Adjacency b, int[] nb, double[] w, int at) {
        int i = out.start(u);
        int iEnd = out.end(u);
        int j = b == null ? 0 : b.start(u);
        int jEnd = b == null ? 0 : b.end(u);
        int k = at;
        while (i < iEnd || j < jEnd) {
            int x = i < iEnd ? out.neighbor(i) : Integer.MAX_VALUE;
            int y = j < jEnd ? b.neighbor(j) : Integer.MAX_VALUE;
            int v = Math.min(x, y);
            double sum = 0;
            if (x == v) sum += out.weight(i++);
            if (y == v) sum += b.weight(j++);
            if (v == u) continue;
            if (nb != null) {
                nb[k] = v;
                w[k] = sum;
            }
            k++;
        }
        return k - at;
    }

    /** Bytes held by the graph, by part, for reports and the ingest benchmark. */
    public Map<String, Long> memoryBytes() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("out", out.memoryBytes());
        Inverse x = inverse(); // counted as built, so that the figure does not depend on what ran before
        m.put("in", x.in().memoryBytes() + 4L * x.inArc().length);
        m.put("reciprocity", 8L * x.reciprocated().length);
        m.put("edgeData", data.memoryBytes());
        m.put("ids", ids.memoryBytes());
        Adjacency view = undirected;
        if (view != null) m.put("undirected", view.memoryBytes());
        return m;
    }

    /**
     * A JGraphT copy with original ids as vertices (in index order) and summed weights, for interop and
     * cross-checks: {@link DefaultDirectedWeightedGraph} or {@link DefaultUndirectedWeightedGraph}, self-loops
     * kept. Boxed and much larger than this graph: meant for small and medium graphs.
     */
    public Graph<String, DefaultWeightedEdge> toJGraphT() {
        Graph<String, DefaultWeightedEdge> g = directed
                ? new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class)
                : new DefaultUndirectedWeightedGraph<>(DefaultWeightedEdge.class);
        int n = nodeCount();
        String[] names = new String[n];
        for (int u = 0; u < n; u++) {
            names[u] = ids.id(u);
            g.addVertex(names[u]);
        }
        for (int u = 0; u < n; u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (!directed && v < u) continue;
                DefaultWeightedEdge edge = g.addEdge(names[u], names[v]);
                g.setEdgeWeight(edge, out.weight(e));
            }
        }
        return g;
    }
}
