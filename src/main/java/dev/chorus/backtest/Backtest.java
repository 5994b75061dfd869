package dev.chorus.backtest;

import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.diffusion.SeedingExperimentConfig;
import dev.chorus.diffusion.EdgeWeights;
import dev.chorus.diffusion.SeedingArm;
import dev.chorus.diffusion.SimulationResult;
import dev.chorus.diffusion.SpreadEstimator;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import dev.chorus.roles.PassionateCluster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The backtest: everything is chosen and scored on the train graph only, then compared with the future rows.
 * <ul>
 * <li>Arms: the embedded {@link Analysis} runs on the train graph, seeding experiment included, and every one of
 * its strategies under the independent cascade becomes an arm: its seeds, its simulated spread (the prediction)
 * and the observed {@link Outcomes}. Whatever strategies the seeding experiment has, the backtest has. Plus
 * {@code random}: {@link BacktestConfig#draws()} uniform draws of k train nodes; the first is the arm's seeds.</li>
 * <li>Choirs: the train analysis's top {@link dev.chorus.analysis.AnalysisConfig#top()} choirs, each one's core as a
 * seed set: its simulated spread (the analysis's core arm) beside its observed {@link Outcomes}.</li>
 * <li>Rankings: every metric column of {@code nodes.csv} computed on the train graph, {@code in_degree} (the
 * baseline) and {@link RecencyAttention}, each scored against future attention with {@link SpearmanBootstrap}
 * and precision@100.</li>
 * </ul>
 * Cost: one analysis of the train graph, then O(future rows) per arm, per choir and per random draw, O(n) per bootstrap
 * replicate and ranking. Reproducible for a seed, for any thread count.
 */
public final class Backtest {
    public static final String RANDOM = "random";
    public static final String IN_DEGREE = "in_degree";
    public static final String ATTENTION = "attention";
    static final int TOP = 100;

    private Backtest() {
    }

    public static BacktestResult compute(TemporalSplit.Split s, BacktestConfig c) {
        return compute(s, c, Progress.NONE, step -> { });
    }

    /** @param steps told what starts, for progress lines */
    public static BacktestResult compute(TemporalSplit.Split s, BacktestConfig c, Progress progress, Consumer<String> steps) {
        InteractionGraph g = s.train();
        FutureRows f = s.future();
        // the outcome counts every future row, so the strategies choose on the whole train graph, not on a goal's layer
        AnalysisResult r = Analysis.compute(g, c.analysis().withSeedOnLayers(false), progress, step -> steps.accept("train graph: " + step));
        steps.accept("observed outcomes of the arms");
        List<Arm> arms = new ArrayList<>();
        for (SeedingArm a : r.seeding().arms("ic")) {
            int[] seeds = a.seeds().stream().mapToInt(g.ids()::index).toArray();
            arms.add(new Arm(a.strategy(), a.seeds(), prediction(a.model(), a.runs(), a.mean(), a.ci95Low(), a.ci95High(), seeds.length),
                    Outcomes.of(f, seeds), null));
        }
        arms.add(random(g, f, r.seeding().k(), c));
        steps.accept("observed outcomes of the choirs' cores");
        List<ChoirOutcome> choirs = choirs(r, f);
        steps.accept("rankings against future attention");
        double halfLife = RecencyAttention.defaultHalfLife(g, s.split());
        Map<String, double[]> scores = new LinkedHashMap<>();
        scores.put(IN_DEGREE, inDegree(g));
        for (String column : r.nodes().metricColumns()) scores.put(column, r.nodes().metric(column));
        scores.put(RecencyAttention.NAME, RecencyAttention.compute(g, s.split(), halfLife));
        List<Ranking> rankings = rankings(g, scores, Outcomes.attention(f, g.nodeCount()), c);
        return new BacktestResult(s.split(), s.horizonEnd(), s.trainRows(), g.nodeCount(), g.edgeCount(), f.rows(),
                r.seeding().k(), halfLife, arms, choirs, rankings, scores);
    }

    /** The choirs whose cores the seeding experiment simulated (the top ones), with what their cores did next. */
    private static List<ChoirOutcome> choirs(AnalysisResult r, FutureRows f) {
        InteractionGraph g = r.graph();
        List<PassionateCluster> top = r.passionate().subList(0, Math.min(r.config().top(), r.passionate().size()));
        List<ChoirOutcome> out = new ArrayList<>();
        for (PassionateCluster p : top) {
            List<String> core = p.cohesion().core();
            SeedingArm a = r.seeding().core(p.cluster(), "ic");
            Arm.Prediction predicted = a == null ? null : prediction(a.model(), a.runs(), a.mean(), a.ci95Low(), a.ci95High(), a.seeds().size());
            out.add(new ChoirOutcome(p.cluster(), p.rank(), p.cohesion().size(), p.audience() == null ? null : p.audience().reach(), core,
                    predicted, Outcomes.of(f, core.stream().mapToInt(g.ids()::index).toArray())));
        }
        return out;
    }

    /** A simulated spread with the seeds taken out, so that it counts what {@code reach} counts. */
    private static Arm.Prediction prediction(String model, int runs, double mean, double low, double high, int seeds) {
        return new Arm.Prediction(model, EdgeWeights.weightedCascade().describe(), runs, mean - seeds, low - seeds, high - seeds);
    }

    private static Arm random(InteractionGraph g, FutureRows f, int k, BacktestConfig c) {
        int n = g.nodeCount();
        int[] pool = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(c.seed());
        int[][] draws = new int[c.draws()][];
        for (int d = 0; d < draws.length; d++) {
            for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k of a uniform permutation
                int j = i + random.nextInt(n - i);
                int x = pool[i];
                pool[i] = pool[j];
                pool[j] = x;
            }
            draws[d] = Arrays.copyOf(pool, k);
        }
        Outcomes.Observed[] observed = new Outcomes.Observed[draws.length];
        IntStream.range(0, draws.length).parallel().forEach(d -> observed[d] = Outcomes.of(f, draws[d]));
        double[] engagers = Arrays.stream(observed).mapToDouble(Outcomes.Observed::engagers).toArray();
        double[] reach = Arrays.stream(observed).mapToDouble(Outcomes.Observed::reach).toArray();
        SimulationResult sim;
        // the seeding experiment's simple contagion (weighted cascade), on the same evaluation stream
        try (SpreadEstimator est = new SpreadEstimator(n, SeedingExperimentConfig.defaults().simple().cascade(g), c.analysis().seedingRuns(), c.seed(),
                SpreadEstimator.STREAM_EVALUATE, c.analysis().threads())) {
            sim = est.simulate("ic", draws[0]);
        }
        List<String> ids = Arrays.stream(draws[0]).mapToObj(g.ids()::id).toList();
        return new Arm(RANDOM, ids, prediction(sim.model(), sim.runs(), sim.mean(), sim.ci95Low(), sim.ci95High(), k), observed[0],
                new Arm.Draws(draws.length, mean(engagers), percentile(engagers, 2.5), percentile(engagers, 97.5),
                        mean(reach), percentile(reach, 2.5), percentile(reach, 97.5)));
    }

    /** Distinct people who acted on each node in train (self-actions not counted). */
    static double[] inDegree(InteractionGraph g) {
        Adjacency in = g.in();
        double[] d = new double[g.nodeCount()];
        for (int u = 0; u < d.length; u++) {
            for (int i = in.start(u); i < in.end(u); i++) if (in.neighbor(i) != u) d[u]++;
        }
        return d;
    }

    private static List<Ranking> rankings(InteractionGraph g, Map<String, double[]> scores, int[] attention, BacktestConfig c) {
        double[] y = Arrays.stream(attention).asDoubleStream().toArray();
        List<double[]> xs = new ArrayList<>();
        for (double[] v : scores.values()) {
            double[] x = v.clone();
            for (int u = 0; u < x.length; u++) if (Double.isNaN(x[u])) x[u] = Double.NEGATIVE_INFINITY; // undefined ranks last
            xs.add(x);
        }
        List<SpearmanBootstrap.Interval> rho = SpearmanBootstrap.compute(xs, y, c.bootstrap(), c.seed());
        List<String> names = List.copyOf(scores.keySet());
        List<Ranking> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            SpearmanBootstrap.Interval r = rho.get(i);
            out.add(new Ranking(names.get(i), ATTENTION, r.spearman(), r.low(), r.high(), precisionAtTop(g, xs.get(i), y)));
        }
        return out;
    }

    /**
     * Share of the score's top {@link #TOP} (ties at the cut by original id) whose outcome reaches the
     * {@link #TOP}-th largest outcome. O(n log n) on primitives; ids are compared only at the cut.
     */
    static double precisionAtTop(InteractionGraph g, double[] score, double[] outcome) {
        int n = score.length;
        int top = Math.min(TOP, n);
        if (top == 0) return Double.NaN;
        double cut = kthLargest(score, top);
        double bar = kthLargest(outcome, top);
        List<Integer> tied = new ArrayList<>();
        int hits = 0;
        int taken = 0;
        for (int u = 0; u < n; u++) {
            if (score[u] > cut) {
                taken++;
                if (outcome[u] >= bar) hits++;
            } else if (score[u] == cut) {
                tied.add(u);
            }
        }
        tied.sort((a, b) -> g.ids().id(a).compareTo(g.ids().id(b)));
        for (int i = 0; taken < top; i++, taken++) if (outcome[tied.get(i)] >= bar) hits++;
        return (double) hits / top;
    }

    private static double kthLargest(double[] v, int k) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length - k];
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double percentile(double[] v, double p) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(v, p);
    }
}
