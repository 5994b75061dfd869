package dev.chorus.spark;

import dev.chorus.diffusion.Cascade;
import dev.chorus.diffusion.Propagation;
import dev.chorus.diffusion.Simulation;
import dev.chorus.diffusion.SimulationConfig;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Monte Carlo spread from given seeds (independent cascade, or any model of {@link Simulation}), parallel over
 * runs: the weighted edge list is broadcast once, every task builds the embedded graph from it and runs its share
 * of the runs with the embedded cascade code ({@link Propagation#cascade}), run r drawing from
 * {@link SpreadEstimator#random}(seed, simulate stream, r) as the embedded estimator does. So the model, the
 * edge probabilities and the direction of influence (target to source of each interaction) are the embedded
 * engine's by construction, and the result is reproducible for a seed whatever the partitioning (the graph is
 * built in canonical order, {@link SparkLocalGraph}). Only node numbering differs from an embedded run (vertex id
 * order, not the input order), so single runs differ while the distribution is the same.
 * <p>
 * This distributes the runs, not one cascade: the graph must fit in an executor's memory (about 40 bytes per
 * edge). Confidence interval as the embedded estimator: mean +- t(0.975, runs-1) sd / sqrt(runs).
 */
public final class SparkCascade {
    private SparkCascade() {
    }

    /**
     * @param config     the embedded simulation's settings: its propagation travels to the executors, its runs
     *                   and seed drive the Monte Carlo; Spark's partitions, not {@code threads}, set the parallelism
     * @param partitions tasks the runs are spread over
     * @param progress   told when the runs start and end (executors report nothing back)
     */
    public static SimulationResult simulate(JavaSparkContext sc, SparkGraph g, List<String> seeds, SimulationConfig config,
                                            int partitions, Progress progress) {
        Broadcast<SparkLocalGraph> graph = SparkLocalGraph.broadcast(sc, g, false);
        try {
            return simulate(sc, graph, seeds, config, partitions, progress);
        } finally {
            SparkLocalGraph.release(graph);
        }
    }

    /** As above on a graph already broadcast. */
    static SimulationResult simulate(JavaSparkContext sc, Broadcast<SparkLocalGraph> graph, List<String> seeds, SimulationConfig config,
                                     int partitions, Progress progress) {
        int runs = config.runs();
        long seed = config.seed();
        Propagation propagation = config.propagation();
        java.util.Set<String> known = new java.util.HashSet<>(java.util.Arrays.asList(graph.value().ids()));
        for (String s : seeds) {
            if (!known.contains(s)) throw new IllegalArgumentException("seed '" + s + "' is not a node of the graph");
        }
        List<String> seedIds = new ArrayList<>(seeds);
        List<Long> runIndex = LongStream.range(0, runs).boxed().toList();
        List<Integer> spread;
        try (Progress.Task task = progress.begin(propagation.model().cliName() + " monte carlo", runs, "runs")) {
            spread = sc.parallelize(runIndex, Math.max(1, Math.min(partitions, runs))).mapPartitions(rs -> {
                InteractionGraph local = SparkLocalGraph.built(graph).graph();
                Cascade cascade = propagation.cascade(local);
                int[] seedIdx = Simulation.indices(local, seedIds);
                Cascade.Scratch scratch = new Cascade.Scratch(local.nodeCount());
                List<Integer> out = new ArrayList<>();
                while (rs.hasNext()) {
                    long r = rs.next();
                    out.add(cascade.run(seedIdx, SpreadEstimator.random(seed, SpreadEstimator.STREAM_SIMULATE, r), scratch, null));
                }
                return out.iterator();
            }).collect();
            task.stepTo(runs);
        }
        return result(propagation.model().cliName(), spread);
    }

    static SimulationResult result(String model, List<Integer> spread) {
        int k = spread.size();
        long sum = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : spread) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = (double) sum / k;
        if (k < 2) return new SimulationResult(model, k, mean, Double.NaN, Double.NaN, Double.NaN, min, max, new double[0]);
        double ss = 0;
        for (int v : spread) ss += (v - mean) * (v - mean);
        double sd = Math.sqrt(ss / (k - 1));
        double half = new TDistribution(k - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(k);
        return new SimulationResult(model, k, mean, sd, mean - half, mean + half, min, max, new double[0]);
    }
}
