package dev.chorus.output;

import dev.chorus.analysis.Seeding;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.Analysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.diffusion.SeedingArm;
import dev.chorus.graph.GraphBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain-words verdict: an answer only when the intervals separate and the difference is material. */
class SummaryTest {
    static AnalysisResult with(List<SeedingArm> arms) {
        GraphBuilder b = new GraphBuilder(true);
        for (int i = 0; i < 6; i++) b.add("a" + i, "hub", 1);
        AnalysisResult r = Analysis.compute(b.build(), AnalysisConfig.defaults().withSeedingRuns(0));
        return new AnalysisResult(r.graph(), r.config(), r.nodes(), r.degree(), r.pagerank(), r.kcore(), r.betweenness(),
                r.betweennessSamples(), r.communities(), r.modularity(), r.cohesion(), r.clusters(), r.clusterCohesion(),
                r.passionate(), r.roles(), r.hubs(), new Seeding(2, 100, 2, arms), r.seconds(), r.clusterKinds(), r.communityKinds());
    }

    static SeedingArm arm(String strategy, String model, double mean, double lo, double hi) {
        return new SeedingArm(strategy, model, List.of(strategy.equals("degree") || strategy.equals("pagerank") ? "hub" : "a0"), 100, mean, 1,
                lo, hi, new double[0]);
    }

    @Test
    void separatedIntervalsGiveAnAnswerPerModel() {
        List<String> v = Summary.verdict(with(List.of(
                arm("degree", "ic", 50, 48, 52), arm("pagerank", "ic", 55, 53, 57), arm("voices", "ic", 20, 19, 21),
                arm("choirs", "ic", 10, 9, 11), arm("clusters", "ic", 15, 14, 16),
                arm("degree", "threshold", 10, 10, 10), arm("choirs", "threshold", 30, 29, 31), arm("voices", "threshold", 25, 25, 25))), null);
        assertEquals(3, v.size(), v.toString());
        // hubs against the best group arm, here voices
        assertTrue(v.get(0).contains("simple contagion") && v.get(0).contains("hub seeds spread further than voices seeds")
                && v.get(0).contains("pagerank hubs reached 55.0") && v.get(0).contains("voices seeds 20.0"), v.get(0));
        // the star has no choir: the loser's reason says so; the hub is acted on by 6 people, a0 by nobody
        assertTrue(v.get(0).contains("the groups lost because the clusters here are small conversations with no audience")
                && v.get(0).contains("acted on by 6 people against 0"), v.get(0));
        assertTrue(v.get(1).contains("complex contagion") && v.get(1).contains("choirs seeds spread further than hub seeds")
                && v.get(1).contains("the hubs lost because complex contagion needs 2 active contacts"), v.get(1));
        assertTrue(v.get(2).startsWith("Caveats"), v.get(2));
    }

    @Test
    void theClustersArmIsAGroupArmSoTheVerdictNeverSaysTheGroupsLostWhenItWon() {
        List<String> v = Summary.verdict(with(List.of(
                arm("degree", "ic", 50, 48, 52), arm("pagerank", "ic", 55, 53, 57), arm("voices", "ic", 20, 19, 21),
                arm("choirs", "ic", 10, 9, 11), arm("clusters", "ic", 90, 89, 91))), null);
        assertTrue(v.get(0).contains("clusters seeds spread further than hub seeds") && v.get(0).contains("pagerank hubs reached 55.0")
                && v.get(0).contains("clusters seeds 90.0") && v.get(0).contains("the hubs lost because"), v.get(0));
        assertFalse(v.get(0).contains("the groups lost"), v.get(0));
    }

    @Test
    void overlappingIntervalsOrTinyDifferencesAreNoAnswer() {
        List<String> v = Summary.verdict(with(List.of(
                arm("degree", "ic", 50, 45, 55), arm("choirs", "ic", 53, 48, 58),
                arm("degree", "threshold", 751, 751, 751), arm("voices", "threshold", 747, 747, 747))), null);
        assertTrue(v.get(0).contains("about as far"), v.get(0));
        assertTrue(v.get(1).contains("about as far"), v.get(1));
    }

    @Test
    void withoutTheExperimentTheReportSaysSo() {
        GraphBuilder b = new GraphBuilder(true).add("a", "b", 1);
        AnalysisResult r = Analysis.compute(b.build(), AnalysisConfig.defaults().withSeedingRuns(0));
        assertEquals(List.of("Influencers or groups? The seeding experiment was not run, so this report does not answer it."),
                Summary.verdict(r, null));
    }
}
