package dev.chorus.community;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;

/**
 * One entry of the {@link CommunityAlgorithms} registry. Every entry's result is one {@link Communities}, written
 * as the column {@link CommunityAlgorithms#COLUMN}.
 *
 * @param name          as on the CLI ({@code --algo}) and in {@link Communities#algorithm()}
 * @param alwaysWeighted whether it always uses interaction weights ({@code --unweighted} is refused)
 * @param runner        builds the algorithm's config from the settings and runs it
 */
public record CommunityAlgorithm(String name, boolean alwaysWeighted, Runner runner) {
    @FunctionalInterface
    public interface Runner {
        Communities run(InteractionGraph g, CommunitySettings settings, Progress progress);
    }

    public Communities compute(InteractionGraph g, CommunitySettings settings, Progress progress) {
        return runner.run(g, settings, progress);
    }
}
