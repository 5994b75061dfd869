package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.centrality.Centralities;
import dev.chorus.centrality.CentralityAlgorithm;
import dev.chorus.centrality.CentralitySettings;
import dev.chorus.community.Communities;
import dev.chorus.community.CommunityAlgorithm;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.community.CommunitySettings;
import dev.chorus.graph.GraphLoader;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.progress.Progress;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The algorithm registries: what each entry declares is what it returns, and the CLI offers exactly them. */
class AlgorithmRegistryTest {
    /** Zachary's karate club (undirected) and SNAP email-Eu-core (directed, with self-loops). */
    static final List<String> GRAPHS = List.of("datasets/karate/karate_gt.gml", "datasets/email-eu-core/email-Eu-core.txt.gz");

    @Test
    void everyCentralityReturnsExactlyTheColumnsItDeclares() {
        for (String file : GRAPHS) {
            InteractionGraph g = GraphLoader.load(file, IngestOptions.defaults()).graph();
            for (CentralityAlgorithm a : Centralities.ALL) {
                NodeScores s = a.compute(g, CentralitySettings.defaults().withThreads(2), Progress.NONE);
                assertEquals(a.name(), s.algorithm(), file);
                assertEquals(a.columns(), s.columns(), a.name() + " on " + file);
                for (double[] v : s.values()) assertEquals(g.nodeCount(), v.length, a.name());
            }
        }
    }

    @Test
    void everyCommunityAlgorithmPartitionsEveryNode() {
        for (String file : GRAPHS) {
            InteractionGraph g = GraphLoader.load(file, IngestOptions.defaults()).graph();
            for (CommunityAlgorithm a : CommunityAlgorithms.ALL) {
                Communities c = a.compute(g, CommunitySettings.defaults().withThreads(2), Progress.NONE);
                assertEquals(a.name(), c.algorithm(), file);
                assertEquals(g.nodeCount(), c.membership().length);
                assertTrue(Arrays.stream(c.membership()).allMatch(k -> k >= 0 && k < c.count()), a.name());
            }
        }
    }

    @Test
    void theCliOffersExactlyTheRegisteredCentralities() {
        CliTest.Run help = CliTest.run("centrality", "--help");
        Matcher m = Pattern.compile("Algorithm: ([a-z, -]+)\\.").matcher(help.out().replaceAll("\\s+", " "));
        assertTrue(m.find(), help.out());
        assertEquals(Centralities.names(), List.of(m.group(1).split(", ")));
        CliTest.Run unknown = CliTest.run("centrality", "datasets/karate/karate.edges", "--algo", "nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("(available: " + String.join(", ", Centralities.names()) + ")"), unknown.err());
        // accepted: CliTest.everyCentralityAlgorithmRunsWithItsHeader runs every registered name with the contract's header
    }

    @Test
    void theCliOffersExactlyTheRegisteredCommunityAlgorithms() throws Exception {
        CliTest.Run unknown = CliTest.run("communities", "datasets/karate/karate.edges", "--algo", "nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("(available: " + String.join(", ", CommunityAlgorithms.names()) + ")"), unknown.err());
        // the contract's list, as the help text states it
        assertEquals(List.of("louvain", "leiden", "lpa", "wcc", "scc"), CommunityAlgorithms.names());
        assertTrue(CliTest.run("communities", "--help").out().contains("louvain, leiden, lpa, wcc or scc."));
        for (String algo : CommunityAlgorithms.names()) {
            CliTest.Run r = CliTest.run("communities", "datasets/karate/karate.edges", "--undirected", "--algo", algo, "-q");
            assertEquals(0, r.code(), algo + ": " + r.err());
            assertEquals(algo, new ObjectMapper().readTree(r.err()).get("algorithm").asText());
        }
        CliTest.Run neo4j = CliTest.run("neo4j", "analyze", "--communities", "lpa");
        assertEquals(2, neo4j.code(), neo4j.err());
        assertTrue(neo4j.err().contains("(use leiden or louvain)"), neo4j.err());
    }
}
