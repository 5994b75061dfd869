package dev.chorus.spark;

import dev.chorus.centrality.KCoreConfig;
import dev.chorus.progress.Progress;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.graphx.EdgeDirection;
import org.apache.spark.graphx.EdgeContext;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.TripletFields;
import org.apache.spark.graphx.VertexRDD;
import scala.Option;
import scala.Tuple2;
import scala.runtime.BoxedUnit;

/**
 * Coreness on GraphX by the distributed h-index algorithm of Montresor, De Pellegrini &amp; Miorandi,
 * "Distributed k-core decomposition", IEEE TPDS 24(2) (2013), doi:10.1109/TPDS.2012.124: every node starts
 * with its degree as estimate and sends it to its neighbours; a node whose estimate changed sends the new one;
 * a node sets its estimate to the largest k such that k of its neighbours have estimates &gt;= k (never above its
 * own). The estimates only decrease and stop at the coreness. Conventions as the embedded {@code KCore}: the
 * undirected simple graph (directions merged, self-loops dropped, weights ignored).
 * <p>
 * Rounds: at most the number of distinct estimate changes along the longest chain, in practice a few dozen;
 * each is one {@code aggregateMessages} over the edges whose end changed and one pass over the vertices. The
 * neighbours' last known estimates (O(m) over the graph) stay with their vertex: only a number per changed
 * vertex travels to the edge partitions. (Shipping that state through the triplets, as a Pregel vertex
 * attribute must, made this the slowest step of {@code spark analyze}: 183 s on the 1M-row generated graph.)
 */
public final class SparkKCore {
    private SparkKCore() {
    }

    /** A node's estimate, whether it changed in the last round, its neighbours (sorted) and their last known estimates. */
    static final class State implements Serializable {
        final long[] neighbors;
        final int[] known;
        final int core;
        final boolean changed;

        State(long[] neighbors, int[] known, int core, boolean changed) {
            this.neighbors = neighbors;
            this.known = known;
            this.core = core;
            this.changed = changed;
        }
    }

    /**
     * A message: pairs (neighbour id, its new estimate) flattened, merged by appending into a doubling array. Why
     * not a fresh {@code long[]} per merge: a vertex of degree d then costs O(d^2) copying in the first round, where
     * every estimate changes. Appending in place is safe: GraphX merges messages it made for this merge only.
     */
    static final class Pairs implements Serializable {
        long[] values;
        int size;

        Pairs(long id, long estimate) {
            values = new long[] {id, estimate};
            size = 2;
        }

        Pairs addAll(Pairs o) {
            if (size + o.size > values.length) values = Arrays.copyOf(values, Math.max(2 * values.length, size + o.size));
            System.arraycopy(o.values, 0, values, size, o.size);
            size += o.size;
            return this;
        }
    }

    /** Coreness by vertex id, every vertex included (isolated-by-self-loop ones have 0). */
    public static JavaPairRDD<Long, Integer> compute(SparkGraph sg, KCoreConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("kcore", -1, "rounds")) {
            return coreness(sg, task);
        }
    }

    private static JavaPairRDD<Long, Integer> coreness(SparkGraph sg, Progress.Task task) {
        Graph<String, Double> g = sg.undirected();
        VertexRDD<long[]> nbrs = g.ops().collectNeighborIds(EdgeDirection.Either());
        Fn.F3<Object, String, Option<long[]>, State> init = (id, name, n) -> {
            long[] ns = n.isEmpty() ? new long[0] : n.get().clone();
            Arrays.sort(ns);
            int[] known = new int[ns.length];
            Arrays.fill(known, Integer.MAX_VALUE);
            return new State(ns, known, ns.length, true);
        };
        Graph<State, Double> state = g.outerJoinVertices(nbrs.toJavaRDD().rdd(), init, Fn.tag(long[].class), Fn.tag(State.class), null);
        state.cache();
        // what the edges see: the estimate, negated when it did not change (nothing to announce)
        Fn.F2<Object, State, Integer> announce = (id, st) -> st.changed ? st.core : -1;
        Fn.F1<EdgeContext<Integer, Double, Pairs>, BoxedUnit> send = Fn.unit(c -> {
            if (c.srcAttr() >= 0) c.sendToDst(new Pairs(c.srcId(), c.srcAttr()));
            if (c.dstAttr() >= 0) c.sendToSrc(new Pairs(c.dstId(), c.dstAttr()));
        });
        Fn.F2<Pairs, Pairs, Pairs> merge = Pairs::addAll;
        Fn.F3<Object, State, Option<Pairs>, State> update = (id, st, m) -> {
            if (m.isEmpty()) return st.changed ? new State(st.neighbors, st.known, st.core, false) : st;
            Pairs msg = m.get();
            int[] known = st.known.clone();
            for (int i = 0; i < msg.size; i += 2) {
                int at = Arrays.binarySearch(st.neighbors, msg.values[i]);
                if (at >= 0) known[at] = (int) Math.min(known[at], msg.values[i + 1]);
            }
            int core = Math.min(st.core, hIndex(known));
            return new State(st.neighbors, known, core, core < st.core);
        };
        int rounds = 0;
        for (long changed = 1; changed > 0; ) {
            Graph<Integer, Double> view = SparkGraph.over(state.vertices().mapValues(announce, Fn.tag(Integer.class)), g, Integer.class);
            VertexRDD<Pairs> msgs = view.aggregateMessages(send, merge, TripletFields.All, Fn.tag(Pairs.class));
            Graph<State, Double> next = SparkGraph.round(state.vertices().leftJoin(msgs, update, Fn.tag(Pairs.class), Fn.tag(State.class)), g,
                    State.class, rounds + 1);
            changed = next.vertices().toJavaRDD().filter(x -> ((State) x._2()).changed).count();
            SparkGraph.release(view);
            SparkGraph.release(state);
            state = next;
            task.stepTo(++rounds);
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaPairRDD<Long, State> v = (JavaPairRDD) JavaPairRDD.fromJavaRDD(state.vertices().toJavaRDD());
        return v.mapValues(st -> st.core);
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
