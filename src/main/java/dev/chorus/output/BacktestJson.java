package dev.chorus.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.analysis.Source;
import dev.chorus.backtest.Arm;
import dev.chorus.backtest.BacktestResult;
import dev.chorus.backtest.ChoirOutcome;
import dev.chorus.backtest.Outcomes;
import dev.chorus.backtest.Ranking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code backtest.json}, and the {@code backtest} object of {@code report.json} (the same tree): the split, the
 * arms with prediction beside observation, the top choirs' cores likewise, the rankings, the verdict. Fields as in the CLI contract and README
 * ("Backtest"); NaN is written as null.
 */
public final class BacktestJson {
    private BacktestJson() {
    }

    public static void write(BacktestResult r, Source source, Path file) {
        try {
            Json.mapper().writeValue(file.toFile(), tree(r, source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static ObjectNode tree(BacktestResult r, Source source) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ReportJson.input(root, source);
        root.put("split", r.split());
        root.put("split_time", Instant.ofEpochSecond(r.split()).toString());
        if (r.horizonEnd() == Long.MAX_VALUE) {
            root.putNull("horizon_end");
            root.putNull("horizon_end_time");
        } else {
            root.put("horizon_end", r.horizonEnd());
            root.put("horizon_end_time", Instant.ofEpochSecond(r.horizonEnd()).toString());
        }
        ObjectNode train = root.putObject("train");
        train.put("rows", r.trainRows());
        train.put("nodes", r.trainNodes());
        train.put("edges", r.trainEdges());
        root.putObject("future").put("rows", r.futureRows());
        root.put("k", r.k());
        ArrayNode arms = root.putArray("arms");
        for (Arm a : r.arms()) arms.add(arm(a, r.k()));
        ArrayNode choirs = root.putArray("choirs");
        for (ChoirOutcome c : r.choirs()) choirs.add(choir(c));
        ArrayNode rankings = root.putArray("rankings");
        for (Ranking k : r.rankings()) rankings.add(ranking(k));
        root.put("recent_attention_half_life_seconds", r.halfLife());
        ObjectNode verdict = root.putObject("verdict");
        Arm won = r.observedWinner();
        Arm predicted = r.predictedWinner();
        verdict.put("observed_winner", won == null ? null : won.strategy());
        verdict.put("predicted_winner", predicted == null ? null : predicted.strategy());
        verdict.put("agreed", won != null && predicted != null && won.strategy().equals(predicted.strategy()));
        return root;
    }

    private static ObjectNode arm(Arm a, int k) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("strategy", a.strategy());
        o.put("k", k);
        ArrayNode seeds = o.putArray("seeds");
        a.seeds().forEach(seeds::add);
        prediction(o, a.predicted());
        observed(o, a.observed());
        if (a.draws() != null) {
            ObjectNode d = o.putObject("observed_draws");
            d.put("draws", a.draws().draws());
            ObjectNode e = d.putObject("engagers");
            number(e, "mean", a.draws().engagersMean());
            number(e, "low", a.draws().engagersLow());
            number(e, "high", a.draws().engagersHigh());
            ObjectNode re = d.putObject("reach");
            number(re, "mean", a.draws().reachMean());
            number(re, "low", a.draws().reachLow());
            number(re, "high", a.draws().reachHigh());
        }
        return o;
    }

    private static ObjectNode choir(ChoirOutcome c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("cluster", c.cluster());
        o.put("rank", c.rank());
        o.put("size", c.size());
        if (c.reach() == null) o.putNull("reach");
        else o.put("reach", c.reach());
        ArrayNode core = o.putArray("core");
        c.core().forEach(core::add);
        if (c.predicted() == null) o.putNull("predicted");
        else prediction(o, c.predicted());
        observed(o, c.observed());
        return o;
    }

    private static void prediction(ObjectNode o, Arm.Prediction a) {
        ObjectNode p = o.putObject("predicted");
        p.put("model", a.model());
        p.put("weights", a.weights());
        p.put("runs", a.runs());
        number(p, "mean", a.mean());
        number(p, "ci95_low", a.ci95Low());
        number(p, "ci95_high", a.ci95High());
    }

    private static void observed(ObjectNode o, Outcomes.Observed a) {
        ObjectNode obs = o.putObject("observed");
        obs.put("engagers", a.engagers());
        obs.put("reach", a.reach());
    }

    private static ObjectNode ranking(Ranking k) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ranking", k.ranking());
        o.put("outcome", k.outcome());
        number(o, "spearman", k.spearman());
        ArrayNode ci = o.putArray("spearman_ci95");
        if (Double.isFinite(k.ci95Low())) ci.add(k.ci95Low());
        else ci.addNull();
        if (Double.isFinite(k.ci95High())) ci.add(k.ci95High());
        else ci.addNull();
        number(o, "precision_at_100", k.precisionAt100());
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }
}
