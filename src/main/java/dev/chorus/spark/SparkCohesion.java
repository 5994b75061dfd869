package dev.chorus.spark;

import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.CohesionConfig;
import dev.chorus.progress.Progress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.TriangleCount;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The embedded {@code Cohesion} metrics of every community, computed with joins and aggregations over the
 * edges, so that {@code clusters.csv} comes out of a Spark run in the same format. Formulas as documented in
 * {@code dev.chorus.community.Cohesion}: on the undirected weighted view except reciprocity (arcs between
 * members answered by the reverse arc; NaN for undirected inputs); internal triangles counted by GraphX's
 * {@code TriangleCount} on the graph of internal edges. O(m) shuffled data plus one triangle count. Spark's
 * partitions, not {@link CohesionConfig#threads()}, set the parallelism.
 */
public final class SparkCohesion {
    private SparkCohesion() {
    }

    /** Per-community sums, merged across partitions. */
    static final class Sums implements Serializable {
        long size;
        long internalEdges;
        double internalWeight;
        double cut;
        long internalArcs;
        long reciprocatedArcs;
        double clustering;
        long triangles;

        Sums add(Sums o) {
            size += o.size;
            internalEdges += o.internalEdges;
            internalWeight += o.internalWeight;
            cut += o.cut;
            internalArcs += o.internalArcs;
            reciprocatedArcs += o.reciprocatedArcs;
            clustering += o.clustering;
            triangles += o.triangles;
            return this;
        }
    }

    /**
     * @param community  community index by vertex id (0 = largest)
     * @param triangles  {triangles, clustering} by vertex id ({@link SparkTriangles})
     * @return one entry per community, in community order (collected: one small record per community)
     */
    public static List<ClusterCohesion> compute(SparkGraph sg, JavaPairRDD<Long, Long> community,
                                                JavaPairRDD<Long, double[]> triangles, CohesionConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("cohesion", -1, "")) {
            return cohesion(sg, community, triangles, config.coreSize());
        }
    }

    private static List<ClusterCohesion> cohesion(SparkGraph sg, JavaPairRDD<Long, Long> community,
                                                  JavaPairRDD<Long, double[]> triangles, int coreSize) {
        boolean directed = sg.isDirected();
        // undirected pairs u < v: (weight both ways, arcs between them: 1 or 2)
        JavaPairRDD<Long, Tuple2<Long, double[]>> pairs = sg.graph().edges().toJavaRDD()
                .filter(e -> e.srcId() != e.dstId())
                .mapToPair(e -> new Tuple2<>(new Tuple2<>(Math.min(e.srcId(), e.dstId()), Math.max(e.srcId(), e.dstId())), new double[] {e.attr(), 1}))
                .reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]})
                .mapToPair(x -> new Tuple2<>(x._1()._1(), new Tuple2<>(x._1()._2(), x._2())));
        // (u, v, cu, cv, weight, arcs)
        JavaRDD<Object[]> labelled = pairs.join(community)
                .mapToPair(x -> new Tuple2<>(x._2()._1()._1(), new Object[] {x._1(), x._2()._2(), x._2()._1()._2()}))
                .join(community)
                .map(x -> new Object[] {x._2()._1()[0], x._1(), x._2()._1()[1], x._2()._2(), x._2()._1()[2]});
        labelled.persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Sums> edgeSums = labelled.flatMapToPair(x -> {
            long cu = (Long) x[2];
            long cv = (Long) x[3];
            double[] wa = (double[]) x[4];
            List<Tuple2<Long, Sums>> out = new ArrayList<>(2);
            if (cu == cv) {
                Sums s = new Sums();
                s.internalEdges = 1;
                s.internalWeight = wa[0];
                s.internalArcs = (long) wa[1];
                s.reciprocatedArcs = wa[1] == 2 ? 2 : 0;
                out.add(new Tuple2<>(cu, s));
            } else {
                Sums a = new Sums();
                a.cut = wa[0];
                Sums b = new Sums();
                b.cut = wa[0];
                out.add(new Tuple2<>(cu, a));
                out.add(new Tuple2<>(cv, b));
            }
            return out.iterator();
        });
        JavaPairRDD<Long, Sums> memberSums = community.join(triangles).mapToPair(x -> {
            Sums s = new Sums();
            s.size = 1;
            s.clustering = x._2()._2()[1];
            return new Tuple2<>(x._2()._1(), s);
        });
        // internal triangles: triangle counts on the graph of internal edges
        JavaRDD<Edge<Double>> internal = labelled.filter(x -> x[2].equals(x[3])).map(x -> new Edge<>((Long) x[0], (Long) x[1], 1.0));
        Graph<Object, Double> inner = Graph.fromEdges(internal.rdd(), 0, StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK(),
                Fn.tag(Integer.class), Fn.tag(Double.class));
        // canonical already (pairs u < v, once each, no loops), as SparkTriangles' graph
        Graph<Object, Double> innerTriangles = TriangleCount.runPreCanonicalized(inner, Fn.tag(Integer.class), Fn.tag(Double.class));
        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaPairRDD<Long, Integer> atNode = (JavaPairRDD) JavaPairRDD.fromJavaRDD(innerTriangles.vertices().toJavaRDD());
        JavaPairRDD<Long, Sums> triangleSums = atNode.join(community).mapToPair(x -> {
            Sums s = new Sums();
            s.triangles = x._2()._1();
            return new Tuple2<>(x._2()._2(), s);
        });
        List<Tuple2<Long, Sums>> sums = edgeSums.union(memberSums).union(triangleSums).reduceByKey(Sums::add).sortByKey().collect();
        // core: members by internal weighted degree, highest first, ties by original id
        JavaPairRDD<Long, Double> internalDegree = labelled.filter(x -> x[2].equals(x[3]))
                .flatMapToPair(x -> List.of(new Tuple2<>((Long) x[0], ((double[]) x[4])[0]), new Tuple2<>((Long) x[1], ((double[]) x[4])[0])).iterator())
                .reduceByKey(Double::sum)
                .filter(x -> x._2() > 0);
        java.util.Map<Long, List<String>> cores = internalDegree.join(sg.ids()).join(community)
                .mapToPair(x -> new Tuple2<>(x._2()._2(), List.of(new Tuple2<>(x._2()._1()._2(), x._2()._1()._1()))))
                .reduceByKey((a, b) -> top(a, b, coreSize))
                .mapValues(l -> l.stream().map(Tuple2::_1).toList())
                .collectAsMap();
        labelled.unpersist(false);
        double totalVolume = 0;
        for (Tuple2<Long, Sums> s : sums) totalVolume += 2 * s._2().internalWeight + s._2().cut;
        List<ClusterCohesion> result = new ArrayList<>(sums.size());
        for (Tuple2<Long, Sums> t : sums) {
            Sums s = t._2();
            double pairsPossible = s.size * (s.size - 1) / 2.0;
            double triples = s.size * (double) (s.size - 1) * (s.size - 2) / 6.0;
            double vol = 2 * s.internalWeight + s.cut;
            double denominator = Math.min(vol, totalVolume - vol);
            double ratio = s.cut > 0 ? s.internalWeight / s.cut : s.internalWeight > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
            result.add(new ClusterCohesion(Math.toIntExact(t._1()), Math.toIntExact(s.size), s.internalEdges, s.internalWeight, s.cut,
                    s.size < 2 ? 0 : s.internalEdges / pairsPossible,
                    !directed ? Double.NaN : s.internalArcs == 0 ? 0 : s.reciprocatedArcs / (double) s.internalArcs,
                    denominator > 0 ? s.cut / denominator : 0,
                    s.size == 0 ? 0 : s.clustering / s.size,
                    s.triangles / 3, s.size < 3 ? 0 : (s.triangles / 3) / triples, ratio,
                    s.size < 2 ? 0 : s.internalWeight / pairsPossible,
                    cores.getOrDefault(t._1(), List.of())));
        }
        return result;
    }

    private static final Comparator<Tuple2<String, Double>> ENGAGED_FIRST =
            Comparator.<Tuple2<String, Double>>comparingDouble(Tuple2::_2).reversed().thenComparing(Tuple2::_1);

    private static List<Tuple2<String, Double>> top(List<Tuple2<String, Double>> a, List<Tuple2<String, Double>> b, int k) {
        List<Tuple2<String, Double>> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        all.sort(ENGAGED_FIRST);
        return new ArrayList<>(all.subList(0, Math.min(k, all.size())));
    }
}
