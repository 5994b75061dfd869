package dev.chorus.cli;

import static dev.chorus.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.cli.CliTest.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --layer} and {@code --platform}: every command gives on a filtered read exactly what it gives on a file
 * that a filter written here (plain string tests on the raw lines, no Chorus code) cut down to the kept rows.
 * The input is the first 20,000 rows of Higgs activity (RT/MT/RE) with bad rows mixed in, which must still be
 * counted as rejected.
 */
class LayerCliTest {
    @TempDir
    static Path tmp;
    static Path typed;
    static final List<String> BAD = List.of("1 2 yesterday RT", "3 4 1341100000 XX", "5 6 1341100000");
    static List<String> lines;

    @BeforeAll
    static void sample() throws IOException {
        lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of("datasets/higgs-twitter/higgs-activity_time.txt.gz"))), StandardCharsets.UTF_8))) {
            for (String l; lines.size() < 20_000 && (l = r.readLine()) != null; ) {
                lines.add(l);
                if (lines.size() % 5000 == 100) lines.add(BAD.get(lines.size() / 5000 % BAD.size()));
            }
        }
        typed = tmp.resolve("higgs-20k.txt");
        Files.write(typed, lines);
    }

    /** The independent filter: kept rows by their 4th field as spelled in the file, plus every bad row. */
    static Path prefiltered(String name, Set<String> codes) throws IOException {
        Predicate<String> keep = l -> BAD.contains(l) || codes.contains(l.split("\\s+")[3]);
        Path p = tmp.resolve(name + ".txt");
        Files.write(p, lines.stream().filter(keep).toList());
        return p;
    }

    static List<String> reasons(Path rejected) throws IOException {
        return Files.readAllLines(rejected).stream().map(l -> l.substring(l.indexOf('\t') + 1)).toList();
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    @Test
    void centralityAndCommunitiesOnALayerEqualThePrefilteredFile() throws IOException {
        Path spread = prefiltered("rt", Set.of("RT"));
        for (String algo : List.of("pagerank", "kcore", "degree")) {
            Path a = tmp.resolve("layer-" + algo + ".csv");
            Path b = tmp.resolve("file-" + algo + ".csv");
            Run r = run("centrality", typed.toString(), "--layer", "retweet", "--algo", algo, "--out", a.toString(), "-q");
            assertEquals(0, r.code(), r.err());
            assertEquals(0, run("centrality", spread.toString(), "--algo", algo, "--out", b.toString(), "-q").code());
            assertEquals(read(b), read(a), algo);
        }
        Path talk = prefiltered("re-mt", Set.of("RE", "MT"));
        Path a = tmp.resolve("layer-leiden.csv");
        Path b = tmp.resolve("file-leiden.csv");
        Run ra = run("communities", typed.toString(), "--layer", "RE,mention", "--algo", "leiden", "--out", a.toString(), "-q");
        Run rb = run("communities", talk.toString(), "--algo", "leiden", "--out", b.toString(), "-q");
        assertEquals(0, ra.code(), ra.err());
        assertEquals(read(b), read(a));
        assertEquals(rb.out(), ra.out());
    }

    @Test
    void infoCountsFilteredRowsBesideReadLoadedRejected() throws IOException {
        Path talk = prefiltered("re", Set.of("RE"));
        ObjectMapper json = new ObjectMapper();
        JsonNode layer = json.readTree(run("info", typed.toString(), "--layer", "RE", "--json", "-q").out()).get("rows");
        JsonNode file = json.readTree(run("info", talk.toString(), "--json", "-q").out()).get("rows");
        for (String k : List.of("read", "loaded", "rejected")) assertEquals(file.get(k), layer.get(k), k);
        assertEquals(lines.stream().filter(BAD::contains).count(), layer.get("rejected").asLong());
        long dropped = lines.size() - Files.readAllLines(talk).size();
        assertEquals(dropped, layer.get("filtered").asLong());
        assertEquals(0, file.get("filtered").asLong());
    }

    @Test
    void analyzeOnALayerEqualsThePrefilteredFile() throws IOException {
        Path spread = prefiltered("rt-qt", Set.of("RT"));
        Path a = tmp.resolve("layer-report");
        Path b = tmp.resolve("file-report");
        Run ra = run("analyze", typed.toString(), "--layer", "RT", "--out", a.toString(), "--runs", "3", "--threads", "2", "-q");
        Run rb = run("analyze", spread.toString(), "--out", b.toString(), "--runs", "3", "--threads", "2", "-q");
        assertEquals(0, ra.code(), ra.err());
        assertEquals(0, rb.code(), rb.err());
        for (String f : List.of("nodes.csv", "clusters.csv")) assertEquals(read(b.resolve(f)), read(a.resolve(f)), f);
        // the same rejected rows, each named by its line in the file that was read
        assertEquals(reasons(b.resolve("rejected.tsv")), reasons(a.resolve("rejected.tsv")));
        ObjectMapper json = new ObjectMapper();
        ObjectNode ja = (ObjectNode) json.readTree(a.resolve("report.json").toFile());
        ObjectNode jb = (ObjectNode) json.readTree(b.resolve("report.json").toFile());
        assertEquals(lines.size() - Files.readAllLines(spread).size(), ja.get("input").get("rows").get("filtered").asLong());
        for (ObjectNode j : List.of(ja, jb)) {
            j.remove("input");
            j.remove("timings_seconds");
        }
        assertEquals(jb, ja);
    }

    @Test
    void backtestOnALayerEqualsThePrefilteredFile() throws IOException {
        Path spread = prefiltered("bt-rt", Set.of("RT"));
        Path a = tmp.resolve("layer-bt");
        Path b = tmp.resolve("file-bt");
        String[] common = {"--split-fraction", "0.6", "--k", "5", "--runs", "20", "--draws", "5", "--bootstrap", "20", "--threads", "2", "-q"};
        List<String> la = new ArrayList<>(List.of("backtest", typed.toString(), "--layer", "retweet", "--out", a.toString()));
        List<String> lb = new ArrayList<>(List.of("backtest", spread.toString(), "--out", b.toString()));
        la.addAll(List.of(common));
        lb.addAll(List.of(common));
        Run ra = run(la.toArray(String[]::new));
        Run rb = run(lb.toArray(String[]::new));
        assertEquals(0, ra.code(), ra.err());
        assertEquals(0, rb.code(), rb.err());
        ObjectMapper json = new ObjectMapper();
        ObjectNode ja = (ObjectNode) json.readTree(a.resolve("backtest.json").toFile());
        ObjectNode jb = (ObjectNode) json.readTree(b.resolve("backtest.json").toFile());
        for (ObjectNode j : List.of(ja, jb)) {
            j.remove("input");
            j.remove("timings_seconds");
        }
        assertEquals(jb, ja);
    }

    @Test
    void layerOnUntypedInputIsAnInputErrorOfOneLine() {
        Run r = run("centrality", "datasets/email-eu-core/email-Eu-core.txt.gz", "--layer", "RT", "--algo", "degree", "-q");
        assertEquals(3, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--layer needs interaction types"), r.err());
        Run bad = run("info", typed.toString(), "--layer", "RT,likes-ish");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("unknown interaction type 'likes-ish'"), bad.err());
    }

    @Test
    void platformColumnIsCountedAndFiltersLikeALayer() throws IOException {
        Path csv = tmp.resolve("multi.csv");
        Files.writeString(csv, """
                source,target,type,network
                a,b,retweet,Twitter
                b,c,reply,Mastodon
                c,a,comment,mastodon
                d,a,retweet,Twitter
                e,a,retweet,twitter
                a,d,reply,
                """);
        ObjectMapper json = new ObjectMapper();
        JsonNode all = json.readTree(run("info", csv.toString(), "--json", "-q").out());
        // counted as spelled; the row without a platform is counted nowhere
        assertEquals(json.readTree("{\"Twitter\":2,\"Mastodon\":1,\"mastodon\":1,\"twitter\":1}"), all.get("platforms"));
        JsonNode masto = json.readTree(run("info", csv.toString(), "--json", "--platform", "MASTODON", "-q").out());
        assertEquals(2, masto.get("rows").get("loaded").asLong());
        assertEquals(4, masto.get("rows").get("filtered").asLong());
        assertEquals(3, masto.get("nodes").asLong()); // a, b, c
        JsonNode both = json.readTree(run("info", csv.toString(), "--json", "--platform", "twitter", "--layer", "RT", "-q").out());
        assertEquals(3, both.get("rows").get("loaded").asLong());
        Run none = run("info", "datasets/email-eu-core/email-Eu-core.txt.gz", "--platform", "twitter", "-q");
        assertEquals(3, none.code(), none.err());
        assertTrue(none.err().contains("--platform needs a 'platform' column"), none.err());
    }
}
