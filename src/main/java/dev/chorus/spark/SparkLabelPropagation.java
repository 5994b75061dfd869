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

    /** Reports rounds done to {@code progress}. */
    public static Result compute(SparkGraph sg, LabelPropagationConfig config, Progress progress) {
        int maxIterations = config.maxIterations();
        boolean weighted = config.weighted();
        long seed = config.seed();
        Graph<String, Double> u = sg.undirected();
        Graph<Long, Double> g = u.mapVertices((Fn.F2<Object, String, Long>) (id, name) -> (Long) id, Fn.tag(Long.class), null);
        g.cache();
        int rounds = 0;
        boolean converged = false;
        try (Progress.Task task = progress.begin("lpa", maxIterations, "rounds")) {
            while (rounds < maxIterations) {
                VertexRDD<HashMap<Long, Double>> votes = g.aggregateMessages(Fn.unit((EdgeContext<Long, Double, HashMap<Long, Double>> c) -> {
                    double w = weighted ? c.attr() : 1.0;
                    HashMap<Long, Double> toDst = new HashMap<>(2);
                    toDst.put(c.srcAttr(), w);
                    c.sendToDst(toDst);
                    HashMap<Long, Double> toSrc = new HashMap<>(2);
                    toSrc.put(c.dstAttr(), w);
                    c.sendToSrc(toSrc);
                }), (Fn.F2<HashMap<Long, Double>, HashMap<Long, Double>, HashMap<Long, Double>>) (a, b) -> {
                    HashMap<Long, Double> big = a.size() >= b.size() ? a : b;
                    HashMap<Long, Double> small = big == a ? b : a;
                    for (Map.Entry<Long, Double> e : small.entrySet()) big.merge(e.getKey(), e.getValue(), Double::sum);
                    return big;
                }, TripletFields.All, Fn.tag(HashMap.class));
                final int round = rounds;
                // +label: keeps it; -(label+1) encodes "wants to change and may not this round"
                Fn.F3<Object, Long, Option<HashMap<Long, Double>>, long[]> decide = (id, label, v) -> {
                    if (v.isEmpty()) return new long[] {label, 0};
                    double max = Double.NEGATIVE_INFINITY;
                    for (double w : v.get().values()) max = Math.max(max, w);
                    Double own = v.get().get(label);
                    if (own != null && own == max) return new long[] {label, 0};
                    if ((mix(seed, (Long) id, round, -1) & 1) == 0) return new long[] {label, 1};
                    long best = 0;
                    long bestHash = Long.MAX_VALUE;
                    for (Map.Entry<Long, Double> e : v.get().entrySet()) {
                        if (e.getValue() != max) continue;
                        long h = mix(seed, (Long) id, round, e.getKey());
                        if (h < bestHash || (h == bestHash && e.getKey() < best)) {
                            bestHash = h;
                            best = e.getKey();
                        }
                    }
                    return new long[] {best, 1};
                };
                Graph<long[], Double> decided = g.outerJoinVertices(votes.toJavaRDD().rdd(), decide, Fn.tag(HashMap.class), Fn.tag(long[].class), null);
                decided.cache();
                long wanting = decided.vertices().toJavaRDD().filter(x -> x._2()[1] == 1).count();
                Graph<Long, Double> next = decided.mapVertices((Fn.F2<Object, long[], Long>) (id, a) -> a[0], Fn.tag(Long.class), null);
                next.cache();
                next.vertices().count();
                decided.unpersist(false);
                g.unpersist(false);
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
