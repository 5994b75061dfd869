package dev.chorus.output;

import dev.chorus.analysis.Seeding;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.Analysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
                r.passionate(), r.roles(), r.hubs(), new Seeding(2, 100, 2, arms), r.seconds());
    }

    static SeedingArm arm(String strategy, String model, double mean, double lo, double hi) {
        return new SeedingArm(strategy, model, List.of("x"), 100, mean, 1, lo, hi, new double[0]);
    }

    @Test
    void separatedIntervalsGiveAnAnswerPerModel() {
        List<String> v = Summary.verdict(with(List.of(
                arm("degree", "ic", 50, 48, 52), arm("pagerank", "ic", 55, 53, 57), arm("clusters", "ic", 20, 19, 21),
                arm("degree", "threshold", 10, 10, 10), arm("clusters", "threshold", 30, 29, 31))), null);
        assertEquals(3, v.size(), v.toString());
        assertTrue(v.get(0).contains("simple contagion") && v.get(0).contains("hub seeds spread further")
                && v.get(0).contains("pagerank hubs reached 55.0"), v.get(0));
        assertTrue(v.get(1).contains("complex contagion") && v.get(1).contains("cluster seeds spread further"), v.get(1));
        assertTrue(v.get(2).startsWith("Caveats"), v.get(2));
    }

    @Test
    void overlappingIntervalsOrTinyDifferencesAreNoAnswer() {
        List<String> v = Summary.verdict(with(List.of(
                arm("degree", "ic", 50, 45, 55), arm("clusters", "ic", 53, 48, 58),
                arm("degree", "threshold", 751, 751, 751), arm("clusters", "threshold", 747, 747, 747))), null);
        assertTrue(v.get(0).contains("about as far"), v.get(0));
        assertTrue(v.get(1).contains("about as far"), v.get(1));
    }

    @Test
    void withoutTheExperimentTheReportSaysSo() {
        GraphBuilder b = new GraphBuilder(true).add("a", "b", 1);
        AnalysisResult r = Analysis.compute(b.build(), AnalysisConfig.defaults().withSeedingRuns(0));
        assertEquals(List.of("Influencers or clusters? The seeding experiment was not run, so this report does not answer it."),
                Summary.verdict(r, null));
    }
}
