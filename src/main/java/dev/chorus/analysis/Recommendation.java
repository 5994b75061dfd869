package dev.chorus.analysis;

import dev.chorus.diffusion.SeedingArm;
import dev.chorus.graph.IdMap;
import java.util.HashSet;
import java.util.List;

/**
 * The seeds to use for one {@link Goal}, chosen among the seeding experiment's strategy arms under the goal's model
 * (on the goal's layer on typed input). The best arm is the one with the largest mean spread (the first on a tie);
 * an arm is <b>tied</b> with it when their 95% intervals overlap or the means differ by less than {@value #SMALL} of
 * the best (the summary's rule for "no answer").
 * <ul>
 * <li>{@code awareness}: the best arm.</li>
 * <li>{@code action}: of the best arm and the arms tied with it, the one whose seeds are the most <b>credible</b>
 * (then the larger mean): credibility of a seed set is the mean, over its seeds, of the share of their
 * conversation ties that are mutual ({@code reciprocity_talk}, or {@code reciprocity} on untyped input; undefined
 * counts as 0, nobody answered); engaged, reciprocal people are believed when they ask others to act.</li>
 * </ul>
 * The runner-up, which the reason compares against, is the arm passed over for credibility when there is one,
 * else the best arm whose seed set differs from the chosen one. O(arms x k).
 *
 * @param goal                the goal
 * @param layered             whether the arms ran on the goal's layer (typed input), not on the whole graph
 * @param arm                 the chosen arm: its strategy, seeds and spread
 * @param credibility         credibility of the chosen seeds, in [0,1]
 * @param runnerUp            the arm compared against, or null when every arm chose the same seeds
 * @param runnerUpCredibility credibility of the runner-up's seeds (NaN without one)
 * @param tied                whether the runner-up is tied with the chosen arm
 * @param forCredibility      whether the chosen arm is not the best by spread but was preferred for credibility
 */
public record Recommendation(Goal goal, boolean layered, SeedingArm arm, double credibility, SeedingArm runnerUp,
                             double runnerUpCredibility, boolean tied, boolean forCredibility) {
    /** Means closer than this share of the larger are a tie, whatever the intervals say. */
    public static final double SMALL = 0.02;

    /**
     * @param arms        the strategy arms (no extra seed sets), any models; only {@code goal.model()}'s are read
     * @param reciprocity per node, the share of its conversation ties that are mutual (NaN: undefined)
     * @return null when there is no arm of the goal's model
     */
    public static Recommendation choose(Goal goal, boolean layered, List<SeedingArm> arms, double[] reciprocity, IdMap ids) {
        List<SeedingArm> own = arms.stream().filter(a -> a.model().equals(goal.model())).toList();
        if (own.isEmpty()) return null;
        SeedingArm best = own.get(0);
        for (SeedingArm a : own) if (a.mean() > best.mean()) best = a;
        SeedingArm chosen = best;
        if (goal == Goal.ACTION) {
            for (SeedingArm a : own) {
                if (a == best || !tied(a, best)) continue;
                double c = credibility(a, reciprocity, ids);
                double cc = credibility(chosen, reciprocity, ids);
                if (c > cc || (c == cc && a.mean() > chosen.mean())) chosen = a;
            }
        }
        SeedingArm runnerUp = null;
        if (chosen != best) {
            runnerUp = best;
        } else {
            for (SeedingArm a : own) {
                if (!new HashSet<>(a.seeds()).equals(new HashSet<>(chosen.seeds())) && (runnerUp == null || a.mean() > runnerUp.mean())) runnerUp = a;
            }
        }
        return new Recommendation(goal, layered, chosen, credibility(chosen, reciprocity, ids), runnerUp,
                runnerUp == null ? Double.NaN : credibility(runnerUp, reciprocity, ids), runnerUp != null && tied(runnerUp, chosen),
                chosen != best);
    }

    /** Whether two arms' spreads cannot be told apart: overlapping 95% intervals, or means within {@link #SMALL}. */
    static boolean tied(SeedingArm a, SeedingArm b) {
        boolean overlap = a.ci95Low() <= b.ci95High() && b.ci95Low() <= a.ci95High();
        return overlap || Math.abs(a.mean() - b.mean()) < SMALL * Math.max(a.mean(), b.mean());
    }

    /** Mean over the arm's seeds of their mutual share of conversation ties, undefined as 0; 0 without seeds. */
    static double credibility(SeedingArm a, double[] reciprocity, IdMap ids) {
        if (a.seeds().isEmpty()) return 0;
        double sum = 0;
        for (String id : a.seeds()) {
            double r = reciprocity[ids.index(id)];
            sum += Double.isNaN(r) ? 0 : r;
        }
        return sum / a.seeds().size();
    }
}
