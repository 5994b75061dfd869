package dev.chorus.centrality;

import java.util.List;
import java.util.Optional;

/**
 * The registry of centrality algorithms: the only place that maps a name to its columns, its weighting default
 * and its config. {@code chorus centrality --algo}, {@link dev.chorus.analysis.Analysis}, the Neo4j write-back
 * and the Spark job read it. Defaults follow NetworkX's functions of the same names (see each config).
 */
public final class Centralities {
    public static final CentralityAlgorithm DEGREE = new CentralityAlgorithm("degree", List.of("in", "out", "total"), true,
            (g, s, w, p) -> Degree.compute(g, DegreeConfig.defaults().withWeighted(w), p));
    public static final CentralityAlgorithm PAGERANK = new CentralityAlgorithm("pagerank", List.of("pagerank"), true,
            (g, s, w, p) -> PageRank.compute(g, new PageRankConfig(s.damping(), or(s.maxIterations(), PageRankConfig.MAX_ITERATIONS_DEFAULT),
                    or(s.tolerance(), PageRankConfig.TOLERANCE_DEFAULT), w, s.personalize(), s.threads()), p));
    public static final CentralityAlgorithm BETWEENNESS = new CentralityAlgorithm("betweenness", List.of("betweenness"), false,
            (g, s, w, p) -> Betweenness.compute(g, BetweennessConfig.defaults().withNormalized(s.normalized()).withWeighted(w)
                    .withSamples(s.samples()).withSeed(s.seed()).withThreads(s.threads()), p));
    public static final CentralityAlgorithm CLOSENESS = new CentralityAlgorithm("closeness", List.of("closeness"), false,
            (g, s, w, p) -> Closeness.compute(g, ClosenessConfig.defaults().withWeighted(w).withThreads(s.threads()), p));
    public static final CentralityAlgorithm HARMONIC = new CentralityAlgorithm("harmonic", List.of("harmonic"), false,
            (g, s, w, p) -> Harmonic.compute(g, HarmonicConfig.defaults().withWeighted(w).withThreads(s.threads()), p));
    public static final CentralityAlgorithm EIGENVECTOR = new CentralityAlgorithm("eigenvector", List.of("eigenvector"), false,
            (g, s, w, p) -> Eigenvector.compute(g, new EigenvectorConfig(or(s.maxIterations(), EigenvectorConfig.MAX_ITERATIONS_DEFAULT),
                    or(s.tolerance(), EigenvectorConfig.TOLERANCE_DEFAULT), w, s.threads()), p));
    public static final CentralityAlgorithm HITS = new CentralityAlgorithm("hits", List.of("hub", "authority"), true,
            (g, s, w, p) -> Hits.compute(g, new HitsConfig(or(s.maxIterations(), HitsConfig.MAX_ITERATIONS_DEFAULT),
                    or(s.tolerance(), HitsConfig.TOLERANCE_DEFAULT), w, s.threads()), p));
    public static final CentralityAlgorithm KATZ = new CentralityAlgorithm("katz", List.of("katz"), false, (g, s, w, p) -> {
        KatzConfig k = KatzConfig.defaults().withBeta(s.beta()).withWeighted(w).withThreads(s.threads());
        if (s.alpha() != null) k = k.withAlpha(s.alpha());
        if (s.maxIterations() != null) k = k.withMaxIterations(s.maxIterations());
        if (s.tolerance() != null) k = k.withTolerance(s.tolerance());
        return Katz.compute(g, k, p);
    });
    /** Coreness of the undirected simple graph: weights play no part. */
    public static final CentralityAlgorithm KCORE = new CentralityAlgorithm("kcore", List.of("kcore"), false,
            (g, s, w, p) -> KCore.compute(g, KCoreConfig.defaults(), p));
    public static final CentralityAlgorithm INFLUENCE_PASSIVITY = new CentralityAlgorithm("influence-passivity",
            List.of("influence", "passivity"), true,
            (g, s, w, p) -> InfluencePassivity.compute(g, new InfluencePassivityConfig(or(s.maxIterations(), InfluencePassivityConfig.MAX_ITERATIONS_DEFAULT),
                    or(s.tolerance(), InfluencePassivityConfig.TOLERANCE_DEFAULT), w, s.threads()), p));

    /** Every entry, in the order the CLI lists them. */
    public static final List<CentralityAlgorithm> ALL = List.of(DEGREE, PAGERANK, BETWEENNESS, CLOSENESS, HARMONIC, EIGENVECTOR,
            HITS, KATZ, KCORE, INFLUENCE_PASSIVITY);

    private Centralities() {
    }

    /** Names of {@link #ALL}, in order. */
    public static List<String> names() {
        return ALL.stream().map(CentralityAlgorithm::name).toList();
    }

    public static Optional<CentralityAlgorithm> byName(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
