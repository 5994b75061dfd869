package dev.chorus.spark;

import dev.chorus.community.LabelPropagationConfig;
import dev.chorus.progress.Progress;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.graphx.EdgeContext;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.TripletFields;
import org.apache.spark.graphx.VertexRDD;
import scala.Option;

/**
 * Label propagation (Raghavan, Albert &amp; Kumara, Phys. Rev. E 76, 036106 (2007),
 * doi:10.1103/PhysRevE.76.036106) on the undirected weighted view, with the embedded engine's rule: a node
 * takes a label of maximal total weight among its neighbours' labels and keeps its own when that is among the
 * maximal ones; it stops when every node holds a maximal label.
 * <p>
 * The embedded engine updates asynchronously in a random order; a distributed engine updates in rounds. Fully
 * synchronous rounds oscillate on bipartite structures (two nodes swapping labels forever), so each round only
 * a pseudo-random half of the nodes that want to change do so (semi-synchronous LPA; Cordasco &amp; Gargano,
 * "Community detection via semi-synchronous label propagation algorithms", BASNA 2010,
 * doi:10.1109/BASNA.2010.5730298). Ties and the halves are drawn from a hash of (seed, node, round, label),
 * so the result is deterministic for a seed and independent of partitioning, but not the embedded
 * engine's partition. O(m) per round.
 */
public final class SparkLabelPropagation {
    private SparkLabelPropagation() {
    }

    /**
     * @param labels    by vertex id (a vertex id of the community)
     * @param rounds    rounds run
     * @param converged whether every node held a maximal label before {@code maxIterations}
     */
    public record Result(JavaPairRDD<Long, Long> labels, int rounds, boolean converged) {
    }

    /**
     * A node's incoming votes, (neighbour's label, edge weight), merged by appending into doubling arrays and summed
     * per label once, when the node decides. Why not a map per message: one map allocated and merged per edge end
     * and round made label propagation the slowest step of {@code spark analyze}. Appending in place is safe: GraphX
     * merges messages it made for this merge only.
     */
    static final class Votes implements java.io.Serializable {
        long[] labels;
        double[] weights;
        int size;

        Votes(long label, double weight) {
            labels = new long[] {label};
            weights = new double[] {weight};
            size = 1;
        }

        Votes addAll(Votes o) {
            if (size + o.size > labels.length) {
                int capacity = Math.max(2 * labels.length, size + o.size);
                labels = java.util.Arrays.copyOf(labels, capacity);
                weights = java.util.Arrays.copyOf(weights, capacity);
            }
            System.arraycopy(o.labels, 0, labels, size, o.size);
            System.arraycopy(o.weights, 0, weights, size, o.size);
            size += o.size;
            return this;
        }

        /** Summed weight per label. */
        Map<Long, Double> byLabel() {
            Map<Long, Double> m = new HashMap<>(2 * size);
            for (int i = 0; i < size; i++) m.merge(labels[i], weights[i], Double::sum);
            return m;
        }
    }

    /** Reports rounds done to {@code progress}. */
    public static Result compute(SparkGraph sg, LabelPropagationConfig config, Progress progress) {
        int maxIterations = config.maxIterations();
        boolean weighted = config.weighted();
        long seed = config.seed();
        Graph<String, Double> u = sg.undirected();
        Graph<Long, Double> g = SparkGraph.over(u.vertices().mapValues((Fn.F2<Object, String, Long>) (id, name) -> (Long) id, Fn.tag(Long.class)), u,
                Long.class);
        int rounds = 0;
        boolean converged = false;
        try (Progress.Task task = progress.begin("lpa", maxIterations, "rounds")) {
            while (rounds < maxIterations) {
                VertexRDD<Votes> votes = g.aggregateMessages(Fn.unit((EdgeContext<Long, Double, Votes> c) -> {
                    double w = weighted ? c.attr() : 1.0;
                    c.sendToDst(new Votes(c.srcAttr(), w));
                    c.sendToSrc(new Votes(c.dstAttr(), w));
                }), (Fn.F2<Votes, Votes, Votes>) Votes::addAll, TripletFields.All, Fn.tag(Votes.class));
                final int round = rounds;
                // {label after this round, 1 when the node holds no maximal label before it (changing now or not)}
                Fn.F3<Object, Long, Option<Votes>, long[]> decide = (id, label, votes0) -> {
                    if (votes0.isEmpty()) return new long[] {label, 0};
                    Map<Long, Double> v = votes0.get().byLabel();
                    double max = Double.NEGATIVE_INFINITY;
                    for (double w : v.values()) max = Math.max(max, w);
                    Double own = v.get(label);
                    if (own != null && own == max) return new long[] {label, 0};
                    if ((mix(seed, (Long) id, round, -1) & 1) == 0) return new long[] {label, 1};
                    long best = 0;
                    long bestHash = Long.MAX_VALUE;
                    for (Map.Entry<Long, Double> e : v.entrySet()) {
                        if (e.getValue() != max) continue;
                        long h = mix(seed, (Long) id, round, e.getKey());
                        if (h < bestHash || (h == bestHash && e.getKey() < best)) {
                            bestHash = h;
                            best = e.getKey();
                        }
                    }
                    return new long[] {best, 1};
                };
                VertexRDD<long[]> decided = g.vertices().leftJoin(votes, decide, Fn.tag(Votes.class), Fn.tag(long[].class));
                decided.cache();
                long wanting = decided.toJavaRDD().filter(x -> x._2()[1] == 1).count();
                Graph<Long, Double> next = SparkGraph.round(decided.mapValues((Fn.F1<long[], Long>) a -> a[0], Fn.tag(Long.class)), u, Long.class,
                        rounds + 1);
                next.vertices().count();
                decided.unpersist(false);
                SparkGraph.release(g);
                g = next;
                rounds++;
                task.stepTo(rounds);
                if (wanting == 0) {
                    converged = true;
                    break;
                }
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaPairRDD<Long, Long> labels = (JavaPairRDD) JavaPairRDD.fromJavaRDD(g.vertices().toJavaRDD());
        return new Result(labels, rounds, converged);
    }

    /** SplitMix64 finalizer over the inputs: a well-spread pseudo-random value per (seed, node, round, label). */
    static long mix(long seed, long node, int round, long label) {
        long z = seed * 0x9E3779B97F4A7C15L + node;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L + round;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL + label;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
