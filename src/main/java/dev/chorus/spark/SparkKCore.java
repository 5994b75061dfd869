package dev.chorus.spark;

import dev.chorus.centrality.KCoreConfig;
import dev.chorus.progress.Progress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.graphx.EdgeDirection;
import org.apache.spark.graphx.EdgeTriplet;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.Pregel;
import org.apache.spark.graphx.VertexRDD;
import scala.Option;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Coreness on GraphX Pregel by the distributed h-index algorithm of Montresor, De Pellegrini &amp; Miorandi,
 * "Distributed k-core decomposition", IEEE TPDS 24(2) (2013), doi:10.1109/TPDS.2012.124: every node starts
 * with its degree as estimate and sends it to each neighbour whose copy of it is out of date; a node sets its
 * estimate to the largest k such that k of its neighbours have estimates &gt;= k (never above its own). The
 * estimates only decrease and stop at the coreness. Conventions as the embedded {@code KCore}: the undirected
 * simple graph (directions merged, self-loops dropped, weights ignored).
 * <p>
 * Supersteps: at most the number of distinct estimate changes along the longest chain, in practice a few
 * dozen; each is O(changed nodes' degrees) messages. State per node: its neighbours' last known estimates,
 * O(m) over the graph.
 */
public final class SparkKCore {
    private SparkKCore() {
    }

    /** A node's estimate, its neighbours (sorted) and their last known estimates. */
    static final class State implements Serializable {
        final long[] neighbors;
        final int[] known;
        final int core;

        State(long[] neighbors, int[] known, int core) {
            this.neighbors = neighbors;
            this.known = known;
            this.core = core;
        }
    }

    /** Coreness by vertex id, every vertex included (isolated-by-self-loop ones have 0). */
    public static JavaPairRDD<Long, Integer> compute(SparkGraph sg, KCoreConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("kcore", -1, "")) {
            return coreness(sg);
        }
    }

    private static JavaPairRDD<Long, Integer> coreness(SparkGraph sg) {
        Graph<String, Double> g = sg.undirected();
        VertexRDD<long[]> nbrs = g.ops().collectNeighborIds(EdgeDirection.Either());
        Fn.F3<Object, String, Option<long[]>, State> init = (id, name, n) -> {
            long[] ns = n.isEmpty() ? new long[0] : n.get().clone();
            Arrays.sort(ns);
            int[] known = new int[ns.length];
            Arrays.fill(known, Integer.MAX_VALUE);
            return new State(ns, known, ns.length);
        };
        Graph<State, Double> start = g.outerJoinVertices(nbrs.toJavaRDD().rdd(), init, Fn.tag(long[].class), Fn.tag(State.class), null);
        // a message: pairs (neighbour id, its estimate) flattened into one long[]
        Fn.F3<Object, State, long[], State> vprog = (id, s, msg) -> {
            if (msg.length == 0) return s; // the initial message: keep the degree, announce it
            int[] known = s.known.clone();
            for (int i = 0; i < msg.length; i += 2) {
                int at = Arrays.binarySearch(s.neighbors, msg[i]);
                if (at >= 0) known[at] = (int) Math.min(known[at], msg[i + 1]);
            }
            int core = Math.min(s.core, hIndex(known));
            return new State(s.neighbors, known, core);
        };
        Fn.F1<EdgeTriplet<State, Double>, Iterator<Tuple2<Object, long[]>>> send = t -> {
            List<Tuple2<Object, long[]>> out = new ArrayList<>(2);
            if (stale(t.dstAttr(), t.srcId(), t.srcAttr().core)) out.add(new Tuple2<>(t.dstId(), new long[] {t.srcId(), t.srcAttr().core}));
            if (stale(t.srcAttr(), t.dstId(), t.dstAttr().core)) out.add(new Tuple2<>(t.srcId(), new long[] {t.dstId(), t.dstAttr().core}));
            return CollectionConverters.asScala(out.iterator());
        };
        Fn.F2<long[], long[], long[]> merge = (a, b) -> {
            long[] r = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, r, a.length, b.length);
            return r;
        };
        Graph<State, Double> done = Pregel.apply(start, new long[0], Integer.MAX_VALUE, EdgeDirection.Either(), vprog, send, merge,
                Fn.tag(State.class), Fn.tag(Double.class), Fn.tag(long[].class));
        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaPairRDD<Long, State> v = (JavaPairRDD) JavaPairRDD.fromJavaRDD(done.vertices().toJavaRDD());
        return v.mapValues(s -> s.core);
    }

    /**
     * Whether {@code s} holds an older estimate of neighbour {@code id} than {@code core}. Deciding on the
     * receiver's copy rather than a "changed" flag on the sender matters: Pregel runs no vertex program on a
     * vertex without messages, so such a flag would go stale and two nodes would resend forever.
     */
    private static boolean stale(State s, long id, int core) {
        int at = Arrays.binarySearch(s.neighbors, id);
        return at >= 0 && s.known[at] > core;
    }

    /** Largest k such that at least k values are >= k. O(d) with a counting pass. */
    static int hIndex(int[] values) {
        int d = values.length;
        int[] count = new int[d + 1];
        for (int v : values) count[Math.min(v, d)]++;
        int atLeast = 0;
        for (int k = d; k > 0; k--) {
            atLeast += count[k];
            if (atLeast >= k) return k;
        }
        return 0;
    }
}
