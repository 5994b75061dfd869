package dev.chorus.output.html;

import dev.chorus.analysis.Source;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.Analysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real headless Chromium (Debian {@code chromium}; {@code .ci/run} installs it): no console
 * messages, every chart's SVG in the rendered DOM, and a screenshot with visible content. Skips, saying why, only
 * when {@code /usr/bin/chromium} is absent.
 */
class ReportHtmlBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path tmp;
    static Path html;
    static AnalysisResult result;
    static Path typedHtml;
    static AnalysisResult typedResult;

    record Browser(int code, String out, String err) {
    }

    @BeforeAll
    static void writeReport() {
        assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED: /usr/bin/chromium is absent (apt-get install chromium); the browser test did not run");
        GraphLoader.Loaded loaded = GraphLoader.load("datasets/email-eu-core/email-Eu-core.txt.gz", IngestOptions.defaults());
        result = Analysis.compute(loaded.graph(), AnalysisConfig.defaults().withSeedingRuns(50).withThreads(2));
        html = tmp.resolve("report.html");
        ReportHtml.write(result, new Source("datasets/email-eu-core/email-Eu-core.txt.gz", "snap", loaded.rows()), html);
        // typed input: the reach-vs-conversation chart is drawn only then
        GraphLoader.Loaded t = GraphLoader.load(dev.chorus.ingest.InputSource.of("typed.txt",
                ReachConversationSectionTest.ROWS.getBytes(StandardCharsets.UTF_8)), IngestOptions.defaults(), r -> { },
                dev.chorus.progress.Progress.NONE);
        typedResult = Analysis.compute(t.graph(), AnalysisConfig.defaults().withSeedingRuns(20).withThreads(2));
        typedHtml = tmp.resolve("typed.html");
        ReportHtml.write(typedResult, new Source("typed.txt", "snap", t.rows()), typedHtml);
    }

    static Browser chromium(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + cmd);
        }
        return new Browser(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Console output of the page: Chromium logs each console message and uncaught error as a CONSOLE line. */
    static List<String> consoleLines(String stderr) {
        return stderr.lines().filter(l -> l.contains(":CONSOLE(") || l.contains("Uncaught")).toList();
    }

    @Test
    void consoleDetectionWorksOnAPageThatErrs() throws Exception {
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom'); undefinedFunction();</script></body></html>");
        Browser b = chromium("--dump-dom", bad.toUri().toString());
        assertEquals(0, b.code(), b.err());
        assertFalse(consoleLines(b.err()).isEmpty(), "the harness must see console errors: " + b.err());
    }

    @Test
    void everyChartIsInTheRenderedDomWithoutConsoleErrors() throws Exception {
        Browser b = chromium("--dump-dom", html.toUri().toString());
        assertEquals(0, b.code(), b.err());
        assertEquals(List.of(), consoleLines(b.err()));
        String dom = b.out();
        assertTrue(dom.contains("</html>"), "a whole document was dumped");
        for (String id : ReportHtml.CHARTS) {
            Matcher m = Pattern.compile("<svg id=\"" + id + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
            assertTrue(m.find(), "chart " + id + " is in the DOM");
            String body = m.group(1);
            int marks = count(body, "<circle") + count(body, "<rect") + count(body, "<line");
            assertTrue(marks >= 10, id + " draws something: " + marks + " marks");
        }
        // the seeding chart shows one bar per arm
        Matcher seeding = Pattern.compile("<svg id=\"chart-seeding\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(seeding.find());
        assertEquals(result.seeding().arms().size(), count(seeding.group(1), "<rect"));
        // one dot per choir and ring (from the run, not the page), plus the two legend dots
        Matcher kinds = Pattern.compile("<svg id=\"chart-cohesion-reach\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(kinds.find());
        assertEquals(result.passionate().size() + result.clusterKinds().rings().size() + 2, count(kinds.group(1), "<circle"));
        assertTrue(result.passionate().size() > 0, "email-Eu-core has choirs to plot");
        assertTrue(dom.contains("Possible gamed engagement"), "the rings section is on the page");
        assertTrue(dom.contains(result.hubs().get(0)), "the summary names the first hub");
        assertFalse(dom.contains("<script"), "the report needs no script");
    }

    /** One dot per person of either layer's top list (from the run, not the page), plus the three legend dots. */
    @Test
    void reachConversationChartDrawsOneDotPerTopPersonOnTypedInputOnly() throws Exception {
        Browser b = chromium("--dump-dom", typedHtml.toUri().toString());
        assertEquals(0, b.code(), b.err());
        assertEquals(List.of(), consoleLines(b.err()));
        for (String id : ReportHtml.TYPED_CHARTS) {
            Matcher m = Pattern.compile("<svg id=\"" + id + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(b.out());
            assertTrue(m.find(), "chart " + id + " is in the DOM");
            var rvc = dev.chorus.analysis.ReachVsConversation.of(typedResult.nodes());
            java.util.Set<Integer> people = new java.util.HashSet<>(rvc.spread());
            people.addAll(rvc.talk());
            assertTrue(people.size() >= 10, "the typed graph has people to plot: " + people.size());
            assertEquals(people.size() + 3, count(m.group(1), "<circle"));
        }
        Browser untyped = chromium("--dump-dom", html.toUri().toString());
        for (String id : ReportHtml.TYPED_CHARTS) assertFalse(untyped.out().contains("<svg id=\"" + id + "\""), id + " only on typed input");
    }

    @Test
    void screenshotShowsContent() throws Exception {
        Path png = tmp.resolve("shot.png");
        Browser b = chromium("--screenshot=" + png, "--window-size=1200,3000", "--hide-scrollbars", html.toUri().toString());
        assertEquals(0, b.code(), b.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(3000, img.getHeight());
        long nonWhite = 0;
        long hubRed = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) nonWhite++;
                int r = rgb >> 16, g = (rgb >> 8) & 0xFF, bl = rgb & 0xFF;
                if (r > 180 && g < 80 && bl < 80) hubRed++; // #d62728, the hub colour of the charts
            }
        }
        double share = (double) nonWhite / ((long) img.getWidth() * img.getHeight());
        assertTrue(share > 0.02, "non-white share " + share);
        assertTrue(hubRed > 50, "red chart marks visible: " + hubRed + " pixels");
    }

    private static int count(String s, String needle) {
        int c = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) c++;
        return c;
    }
}
