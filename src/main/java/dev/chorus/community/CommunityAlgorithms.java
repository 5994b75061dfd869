package dev.chorus.community;

import java.util.List;
import java.util.Optional;

/**
 * The registry of community algorithms: the only place that maps a name to its config. {@code chorus communities
 * --algo}, {@link dev.chorus.analysis.Analysis}, {@code neo4j analyze --communities} and the Spark job read it.
 */
public final class CommunityAlgorithms {
    /** The column (and Neo4j property) every partition is written as. */
    public static final String COLUMN = "community";

    public static final CommunityAlgorithm LOUVAIN = new CommunityAlgorithm("louvain", true, (g, s, p) -> Louvain.compute(g,
            LouvainConfig.defaults().withResolution(s.resolution()).withSeed(s.seed()).withThreads(s.threads()), p));
    public static final CommunityAlgorithm LEIDEN = new CommunityAlgorithm("leiden", true, (g, s, p) -> {
        LeidenConfig c = LeidenConfig.defaults().withQuality(s.quality()).withResolution(s.resolution()).withSeed(s.seed())
                .withThreads(s.threads());
        return Leiden.compute(g, s.maxIterations() == null ? c : c.withMaxIterations(s.maxIterations()), p);
    });
    public static final CommunityAlgorithm LPA = new CommunityAlgorithm("lpa", false, (g, s, p) -> LabelPropagation.compute(g,
            new LabelPropagationConfig(s.maxIterations() == null ? LabelPropagationConfig.MAX_ITERATIONS_DEFAULT : s.maxIterations(),
                    s.weighted(), s.seed()), p));
    public static final CommunityAlgorithm WCC = new CommunityAlgorithm("wcc", false,
            (g, s, p) -> ConnectedComponents.compute(g, new ComponentsConfig(ComponentsConfig.Kind.WEAK), p));
    public static final CommunityAlgorithm SCC = new CommunityAlgorithm("scc", false,
            (g, s, p) -> ConnectedComponents.compute(g, new ComponentsConfig(ComponentsConfig.Kind.STRONG), p));

    /** Every entry, in the order the CLI lists them. */
    public static final List<CommunityAlgorithm> ALL = List.of(LOUVAIN, LEIDEN, LPA, WCC, SCC);

    private CommunityAlgorithms() {
    }

    /** Names of {@link #ALL}, in order. */
    public static List<String> names() {
        return ALL.stream().map(CommunityAlgorithm::name).toList();
    }

    public static Optional<CommunityAlgorithm> byName(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
