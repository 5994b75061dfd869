package dev.chorus.diffusion;

import dev.chorus.community.Communities;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.List;

/**
 * The seeding strategies by name, in one place, for every experiment that compares them:
 * <ul>
 * <li>{@code degree}, {@code pagerank}: the hubs, {@link SeedBaselines};</li>
 * <li>{@code clusters}: mutually tied seeds inside cohesive clusters, {@link ClusterSeeds} on
 * {@link Groups#clusterOrder()}: what complex contagion's reinforcement needs, whatever the audience;</li>
 * <li>{@code choirs}: the best-heard members of the top choirs, {@link AudienceSeeds#choirs};</li>
 * <li>{@code voices}: one engaged person with an outside audience from each of k communities,
 * {@link AudienceSeeds#voices};</li>
 * <li>{@code imm}: {@link Imm} for the independent cascade with epsilon {@link #IMM_EPSILON}.</li>
 * </ul>
 * Group strategies take {@code max(2, thresholdK)} seeds per cluster, so that complex contagion can start there.
 */
public final class SeedStrategies {
    public static final List<String> NAMES = List.of("degree", "pagerank", "clusters", "choirs", "voices", "imm");
    /** IMM's slack here: 0.2 needs a quarter of the RR sets of 0.1 (theta ~ 1/epsilon^2) for a report-sized answer. */
    public static final double IMM_EPSILON = 0.2;

    private SeedStrategies() {
    }

    /**
     * The groups the group strategies read.
     *
     * @param clusters     a fine partition of the graph's nodes (tight clusters)
     * @param clusterOrder cluster indices for {@code clusters}, most cohesive first
     * @param choirOrder   cluster indices of the choirs, best first
     * @param communities  the partition {@code voices} draws one person from per community
     */
    public record Groups(Communities clusters, int[] clusterOrder, int[] choirOrder, Communities communities) {
        /** One group for everyone: the group strategies fall back as documented (degree fill, no choirs, one voice). */
        public static Groups single(InteractionGraph g) {
            Communities all = Communities.of("none", g.ids(), new int[g.nodeCount()], Double.NaN, 1, 0, true);
            return new Groups(all, new int[0], new int[0], all);
        }
    }

    /** The seeds of {@code strategy}, at most k, in the order the strategy chose them. */
    public static int[] choose(String strategy, InteractionGraph g, Groups groups, int k, SeedingExperimentConfig config) {
        return choose(strategy, g, groups, k, config, null, Progress.NONE);
    }

    /**
     * @param icGraph the influence graph of {@code config.simple()} on {@code g} when the caller has one (IMM reads
     *                it), or null to build it here
     */
    public static int[] choose(String strategy, InteractionGraph g, Groups groups, int k, SeedingExperimentConfig config,
                               InfluenceGraph icGraph, Progress progress) {
        if (k == 0 || g.nodeCount() == 0) return new int[0];
        int perCluster = Math.max(2, config.complex().thresholdK());
        return switch (strategy) {
            case "degree", "pagerank" -> SeedBaselines.compute(g, new SeedBaselinesConfig(SeedBaselinesConfig.Method.parse(strategy), k,
                    config.threads()), progress).nodes();
            case "clusters" -> ClusterSeeds.compute(g, groups.clusters(), groups.clusterOrder(), new ClusterSeedsConfig(k, perCluster),
                    progress).nodes();
            case "choirs" -> AudienceSeeds.choirs(g, groups.clusters(), groups.choirOrder(), k, perCluster);
            case "voices" -> AudienceSeeds.voices(g, groups.communities(), k);
            case "imm" -> Imm.compute(icGraph != null ? icGraph : config.simple().influenceGraph(g), ImmConfig.defaults().withK(k)
                    .withEpsilon(IMM_EPSILON).withPropagation(config.simple()).withSeed(config.seed()).withThreads(config.threads()), progress).nodes();
            default -> throw new IllegalArgumentException("unknown seeding strategy '" + strategy + "' (available: " + String.join(", ", NAMES) + ")");
        };
    }
}
