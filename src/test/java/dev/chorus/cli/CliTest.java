package dev.chorus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: outputs, the contract's exit codes, and one clear stderr line per failure. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Chorus.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void infoJsonOnEmailEuCore() throws IOException {
        Run r = run("info", "datasets/email-eu-core/email-Eu-core.txt.gz", "--json", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1005, j.get("nodes").asInt());
        assertEquals(25571, j.get("edges").asInt());
        assertEquals(642, j.get("self_loops").asInt());
        assertEquals(25571, j.get("weight_sum").asDouble(), 0);
        assertEquals(25571, j.get("rows").get("read").asLong());
        assertEquals(25571, j.get("rows").get("loaded").asLong());
        assertEquals(0, j.get("rows").get("rejected").asLong());
        assertEquals(17730.0 / (25571 - 642), j.get("reciprocity").asDouble(), 1e-12);
        assertEquals(25571.0 / (1005 * 1004), j.get("density").asDouble(), 1e-15);
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void infoTextOnHiggsActivityShowsTypesAndTimeRange() {
        Run r = run("info", "datasets/higgs-twitter/higgs-activity_time.txt.gz");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("{RT=354930, MT=171237, RE=36902}"), r.out());
        assertTrue(r.out().contains("2012-07-01T00:02:52Z"), r.out());
        assertTrue(r.out().contains("304691"), r.out());
    }

    /** Weighted in/out degree equals JGraphT's sums of incoming/outgoing edge weights. */
    @Test
    void degreeCentralityMatchesJGraphT() throws IOException {
        String input = "datasets/email-eu-core/email-Eu-core.txt.gz";
        Path out = tmp.resolve("degree.csv");
        Run r = run("centrality", input, "--algo", "degree", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("node,in,out,total", lines.get(0));
        assertEquals(1006, lines.size());
        Graph<String, DefaultWeightedEdge> j = dev.chorus.graph.GraphLoader.load(input, dev.chorus.ingest.IngestOptions.defaults()).graph().toJGraphT();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double in = j.incomingEdgesOf(f[0]).stream().mapToDouble(j::getEdgeWeight).sum();
            double outW = j.outgoingEdgesOf(f[0]).stream().mapToDouble(j::getEdgeWeight).sum();
            assertEquals(in, Double.parseDouble(f[1]), 0, line);
            assertEquals(outW, Double.parseDouble(f[2]), 0, line);
            assertEquals(in + outW, Double.parseDouble(f[3]), 0, line);
        }
    }

    /** Undirected karate club: degree = number of neighbours (NetworkX karate_club_graph().degree()). */
    @Test
    void degreeOnUndirectedKarateWithTop() {
        Run r = run("centrality", "datasets/karate/karate.edges", "--algo", "degree", "--undirected", "--unweighted", "--top", "3");
        assertEquals(0, r.code(), r.err());
        // Zachary's club: node 33 (the officer) has 17 ties, node 0 (Mr. Hi) 16, node 32 has 12
        assertEquals(List.of("node,in,out,total", "33,17,17,17", "0,16,16,16", "32,12,12,12"), r.out().lines().toList());
    }

    @Test
    void pagerankScoresSumToOneAndOptionsAreChecked() {
        Run r = run("centrality", "datasets/email-eu-core/email-Eu-core.txt.gz", "--algo", "pagerank", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("node,pagerank", lines.get(0));
        assertEquals(1006, lines.size());
        double sum = lines.subList(1, lines.size()).stream().mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
        assertEquals(1.0, sum, 1e-9);
        Run personalized = run("centrality", "datasets/karate/karate.edges", "--undirected", "--algo", "pagerank",
                "--personalize", "0,33", "--top", "2");
        assertEquals(List.of("node", "33", "0"), personalized.out().lines().map(l -> l.split(",")[0]).toList());
        Run unknown = run("centrality", "datasets/karate/karate.edges", "--algo", "pagerank", "--personalize", "nobody");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("'nobody'"), unknown.err());
        assertEquals(2, run("centrality", "datasets/karate/karate.edges", "--algo", "pagerank", "--damping", "1.5").code());
    }

    /** Every algorithm runs from the CLI with the contract's header; values equal the library call's. */
    @Test
    void everyCentralityAlgorithmRunsWithItsHeader() {
        Map<String, String> headers = Map.of("degree", "node,in,out,total", "pagerank", "node,pagerank",
                "eigenvector", "node,eigenvector", "hits", "node,hub,authority", "katz", "node,katz", "kcore", "node,kcore",
                "influence-passivity", "node,influence,passivity", "betweenness", "node,betweenness", "closeness",
                "node,closeness", "harmonic", "node,harmonic");
        assertEquals(headers.keySet(), java.util.Set.copyOf(dev.chorus.centrality.Centralities.names()), "the contract's algorithms");
        for (String algo : dev.chorus.centrality.Centralities.names()) {
            Run r = run("centrality", "datasets/karate/karate.edges", "--undirected", "--algo", algo, "--top", "1");
            assertEquals(0, r.code(), algo + ": " + r.err());
            assertEquals(headers.get(algo), r.out().lines().findFirst().orElse(""), algo);
        }
        Run core = run("centrality", "datasets/karate/karate.edges", "--undirected", "--algo", "kcore");
        // coreness of Zachary's club: members 0, 1, 2, 3, 33 sit in the 4-core (cuGraph core_number docs; NetworkX)
        for (String id : List.of("0", "1", "2", "3", "33")) assertTrue(core.out().contains("\n" + id + ",4\n"), id);
        assertEquals(2, run("centrality", "datasets/karate/karate.edges", "--algo", "katz", "--alpha", "-1").code());
        // Brandes betweenness of Mr. Hi (node 0) in the karate club: 231.0714 (B. Lantz, Machine Learning with R, ch. 12)
        Run b = run("centrality", "datasets/karate/karate.edges", "--undirected", "--algo", "betweenness", "--top", "1");
        assertEquals("0", b.out().lines().skip(1).findFirst().orElse("").split(",")[0]);
        assertEquals(231.0714286, Double.parseDouble(b.out().lines().skip(1).findFirst().orElse("").split(",")[1]), 1e-6);
    }

    /** communities: CSV node,community, JSON summary with the contract's fields; Leiden on football vs conferences. */
    @Test
    void communitiesWritesMembershipSummaryAndClusters() throws IOException {
        Path out = tmp.resolve("c.csv");
        Path clusters = tmp.resolve("clusters.csv");
        Run r = run("communities", "datasets/football/football_newman.gml", "--algo", "leiden", "--out", out.toString(),
                "--clusters", clusters.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("leiden", j.get("algorithm").asText());
        List<String> lines = Files.readAllLines(out);
        assertEquals("node,community", lines.get(0));
        assertEquals(116, lines.size());
        int[] membership = new int[115];
        dev.chorus.graph.InteractionGraph g = dev.chorus.graph.GraphLoader.load("datasets/football/football_newman.gml",
                dev.chorus.ingest.IngestOptions.defaults()).graph();
        int[] truth = new int[115];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int u = g.ids().index(f[0]);
            membership[u] = Integer.parseInt(f[1]);
            truth[u] = Integer.parseInt(g.nodeAttributes().get(u, "value"));
        }
        assertEquals(dev.chorus.community.Modularity.of(g, membership), j.get("modularity").asDouble(), 1e-12);
        assertEquals(j.get("communities").asInt(), java.util.Arrays.stream(membership).max().getAsInt() + 1);
        assertTrue(dev.chorus.community.PartitionComparison.nmi(membership, truth) >= 0.85);
        List<String> cl = Files.readAllLines(clusters);
        assertTrue(cl.get(0).startsWith("community,size,") && cl.get(0).endsWith(",core,reach,kind"), cl.get(0));
        assertEquals(j.get("communities").asInt() + 1, cl.size());
        // football is undirected: reciprocity is not recorded, so no community is a ring
        for (String line : cl.subList(1, cl.size())) assertTrue(line.matches(".*,\\d+,(choir|other)"), line);

        // without --out: CSV on stdout, JSON on stderr; --min-size marks small communities -1
        Run small = run("communities", "datasets/karate/karate.edges", "--undirected", "--algo", "louvain", "--min-size", "11");
        assertEquals(0, small.code(), small.err());
        assertTrue(small.out().startsWith("node,community\n"));
        assertTrue(small.out().contains(",-1\n"), "communities below 11 members are -1");
        assertTrue(small.err().contains("\"modularity\""), small.err());
        assertEquals(2, run("communities", "datasets/karate/karate.edges", "--algo", "girvan").code());
        assertEquals(2, run("communities", "datasets/karate/karate.edges", "--algo", "leiden", "--quality", "fame").code());
    }

    @Test
    void unwritableOutputNamesThePath() {
        Run r = run("centrality", "datasets/karate/karate.edges", "--algo", "degree", "--out", tmp.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("chorus: cannot write " + tmp), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void missingFileIsExit3WithOneLine() {
        Run r = run("info", "no/such/file.txt");
        assertEquals(3, r.code());
        assertEquals("chorus: no/such/file.txt: no such file", r.err().strip());
    }

    @Test
    void usageErrorsAreExit2() {
        Run unknownFlag = run("info", "datasets/karate/karate.edges", "--bogus");
        assertEquals(2, unknownFlag.code());
        assertTrue(unknownFlag.err().startsWith("chorus: Unknown option: '--bogus'"), unknownFlag.err());
        Run missingArg = run("centrality", "datasets/karate/karate.edges");
        assertEquals(2, missingArg.code());
        Run badAlgo = run("centrality", "datasets/karate/karate.edges", "--algo", "fame");
        assertEquals(2, badAlgo.code());
        assertTrue(badAlgo.err().contains("'fame'") && badAlgo.err().contains("degree"), badAlgo.err());
        assertEquals(1, badAlgo.err().strip().lines().count(), badAlgo.err());
        Run badColumns = run("info", "datasets/karate/karate.edges", "--columns", "source,when");
        assertEquals(2, badColumns.code());
        Run noCommand = run();
        assertEquals(2, noCommand.code());
    }

    @Test
    void rejectedRowsGoNextToOutAndTooManyIsExit3() throws IOException {
        Path in = tmp.resolve("bad.txt");
        Files.writeString(in, "a b\nc\nd e -1\nf g\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("scores.csv");
        Run ok = run("centrality", in.toString(), "--algo", "degree", "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        Path rejects = tmp.resolve("scores.csv.rejected.tsv");
        assertEquals(List.of("line\treason\ttext", "2\tmissing field 'target': expected 2 columns (source target), found 1\tc",
                "3\textra field: expected 2 columns (source target), found more\td e -1"), Files.readAllLines(rejects));
        assertTrue(ok.err().contains("4 rows read = 2 loaded + 2 rejected"), ok.err());

        Run tooMany = run("info", in.toString(), "--max-rejects", "1", "--rejects", tmp.resolve("r.tsv").toString());
        assertEquals(3, tooMany.code());
        assertTrue(tooMany.err().contains("more than 1 rejected rows"), tooMany.err());
        assertEquals(3, Files.readAllLines(tmp.resolve("r.tsv")).size(), "the rejected rows up to the failure are kept");
    }

    @Test
    void rejectedRowsWithoutOutAreSummarizedOnStderr() throws IOException {
        Path in = tmp.resolve("bad.csv");
        Files.writeString(in, "source,target,weight\na,b,1\nc,d,oops\n", StandardCharsets.UTF_8);
        Run r = run("info", in.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("line 3: weight: not a number 'oops'"), r.err());
        assertTrue(r.out().contains("\"rejected\" : 1"), r.out());
    }

    @Test
    void generateIsReproducibleAndLoadsRowForRow() throws IOException {
        Path a = tmp.resolve("a.txt");
        Path b = tmp.resolve("b.txt");
        Path c = tmp.resolve("c.txt");
        assertEquals(0, run("generate", "--nodes", "500", "--edges", "5000", "--seed", "7", "--out", a.toString()).code());
        assertEquals(0, run("generate", "--nodes", "500", "--edges", "5000", "--seed", "7", "--out", b.toString()).code());
        assertEquals(0, run("generate", "--nodes", "500", "--edges", "5000", "--seed", "8", "--out", c.toString()).code());
        assertEquals(Files.readString(a), Files.readString(b));
        assertFalse(Files.readString(a).equals(Files.readString(c)));
        Run info = run("info", a.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(info.out());
        assertEquals(5000, j.get("rows").get("loaded").asLong());
        assertEquals(0, j.get("self_loops").asInt());
        assertTrue(j.get("reciprocity").asDouble() > 0.1, "replies make reciprocal pairs");
        assertEquals(3, j.get("types").size());
        Run bad = run("generate", "--nodes", "1", "--edges", "10");
        assertEquals(2, bad.code());
    }

    /** Heavy tail: the most active 1% of users account for far more than 1% of the rows. */
    @Test
    void generatedDegreesAreHeavyTailed() throws IOException {
        Path a = tmp.resolve("g.txt");
        assertEquals(0, run("generate", "--nodes", "10000", "--edges", "100000", "--seed", "1", "--plain", "--out", a.toString()).code());
        Map<String, Integer> in = new HashMap<>();
        for (String line : Files.readAllLines(a)) {
            if (line.startsWith("#")) continue;
            in.merge(line.split(" ")[1], 1, Integer::sum);
        }
        List<Integer> sorted = in.values().stream().sorted((x, y) -> y - x).toList();
        long top = sorted.subList(0, 100).stream().mapToLong(Integer::longValue).sum();
        assertTrue(top > 0.1 * 100_000, "top 1% receive " + top + " of 100000 rows");
    }
}
