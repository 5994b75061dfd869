package dev.chorus.centrality;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.progress.Progress;
import java.util.List;

/**
 * One entry of the {@link Centralities} registry: the name the CLI, {@code nodes.csv} and Neo4j know it by, the
 * columns its {@link NodeScores} hold, whether it uses weights by default, and how to run it from
 * {@link CentralitySettings}.
 *
 * @param name              as on the CLI ({@code --algo})
 * @param columns           the columns of its result, in order (the {@code nodes.csv} and Neo4j property names)
 * @param weightedByDefault whether it uses interaction weights when {@link CentralitySettings#weighted()} is null
 * @param runner            builds the algorithm's config from the settings and runs it
 */
public record CentralityAlgorithm(String name, List<String> columns, boolean weightedByDefault, Runner runner) {
    /** Runs the algorithm with {@code weighted} already resolved. */
    @FunctionalInterface
    public interface Runner {
        NodeScores run(InteractionGraph g, CentralitySettings settings, boolean weighted, Progress progress);
    }

    public CentralityAlgorithm {
        columns = List.copyOf(columns);
    }

    public NodeScores compute(InteractionGraph g, CentralitySettings settings, Progress progress) {
        return runner.run(g, settings, settings.weighted() == null ? weightedByDefault : settings.weighted(), progress);
    }

    /** The column of a one-column algorithm. */
    public String column() {
        if (columns.size() != 1) throw new IllegalStateException(name + " has " + columns.size() + " columns: " + columns);
        return columns.get(0);
    }
}
