package dev.chorus.output.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.Source;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import dev.chorus.ingest.InputSource;
import dev.chorus.output.ReportData;
import dev.chorus.progress.Progress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "reach vs conversation" section of report.html as written (the browser test renders it too). Spreading layer:
 * s0 retweeted by 20 people, s1 by 10, s2..s5 by 3 each; conversation layer: t0..t4 all reply to each other, and
 * u0 replies to s0. So 6 people are retweeted (s0..s5) and 6 are talked to (t0..t4, s0): the union is 11 people,
 * the overlap s0 alone, Jaccard 1/11. The top of the spreading layer is s0; of the conversation layer t0 (t0..t4 tie
 * on PageRank, the id breaks it).
 */
class ReachConversationSectionTest {
    static final String ROWS = rows();

    static String rows() {
        StringBuilder b = new StringBuilder();
        int t = 1;
        for (int i = 0; i < 20; i++) b.append("u").append(i).append(" s0 ").append(t++).append(" RT\n");
        for (int i = 0; i < 10; i++) b.append("u").append(i).append(" s1 ").append(t++).append(" RT\n");
        for (int s = 2; s <= 5; s++) for (int i = 0; i < 3; i++) b.append("v").append(s).append('_').append(i).append(" s").append(s).append(' ').append(t++).append(" RT\n");
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) if (i != j) b.append("t").append(i).append(" t").append(j).append(' ').append(t++).append(" RE\n");
        b.append("u0 s0 ").append(t).append(" RE\n");
        return b.toString();
    }

    static String html(String rows) {
        GraphLoader.Loaded l = GraphLoader.load(InputSource.of("typed.txt", rows.getBytes(StandardCharsets.UTF_8)), IngestOptions.defaults(),
                r -> { }, Progress.NONE);
        return ReportHtml.html(ReportData.of(Analysis.compute(l.graph(), AnalysisConfig.defaults().withSeedingRuns(0).withThreads(1)),
                new Source("typed.txt", "snap", l.rows())));
    }

    @Test
    void tableAndOneDotPerTopPersonOnTypedInput() {
        String h = html(ROWS);
        assertTrue(h.contains("Reach vs conversation"), "the section is on the page");
        assertTrue(h.contains("Jaccard index of 0.09"), "1/11 overlap");
        Matcher table = Pattern.compile("<th>rank</th>.*?</table>", Pattern.DOTALL).matcher(h);
        assertTrue(table.find());
        Matcher first = Pattern.compile("<tr><td>1</td><td class=\"l\">(\\w+)</td>.*?<td class=\"l\">(\\w+)</td>").matcher(table.group());
        assertTrue(first.find(), table.group());
        assertEquals("s0", first.group(1));
        assertEquals("t0", first.group(2));
        // six retweeted, six talked-to: six rows, and s0 in both lists
        assertEquals(6, count(table.group(), "<tr><td>"));
        Matcher svg = Pattern.compile("<svg id=\"chart-reach-conversation\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(h);
        assertTrue(svg.find());
        assertEquals(11 + 3, count(svg.group(1), "<circle"), "11 people and 3 legend dots");
        assertEquals(1, count(svg.group(1), "<title>s0 (top of both)</title>"));
    }

    @Test
    void untypedInputHasNoSection() {
        String h = html(ROWS.replaceAll(" (RT|RE)\n", "\n"));
        assertFalse(h.contains("Reach vs conversation"));
        for (String id : ReportHtml.TYPED_CHARTS) assertFalse(h.contains("<svg id=\"" + id + "\""), id);
    }

    private static int count(String s, String needle) {
        int c = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) c++;
        return c;
    }
}
