package dev.chorus.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.analysis.Analysis;
import dev.chorus.analysis.AnalysisConfig;
import dev.chorus.analysis.AnalysisResult;
import dev.chorus.graph.GraphLoader;
import dev.chorus.ingest.IngestOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@link Gexf.Scope#FULL} is gzipped only above the edge threshold, and the gzipped file is the same GEXF. */
class GexfTest {
    @TempDir
    Path tmp;

    @Test
    void fullGraphIsGzippedAboveTheThreshold() throws Exception {
        // karate: 34 members, 78 friendships, one per line of the file
        AnalysisResult r = Analysis.compute(GraphLoader.load("datasets/karate/karate.edges", IngestOptions.defaults()).graph(),
                AnalysisConfig.defaults().withSeedingRuns(0));
        Path plain = Gexf.write(r, Files.createDirectory(tmp.resolve("plain")), Gexf.Scope.FULL, 78);
        Path zipped = Gexf.write(r, Files.createDirectory(tmp.resolve("zipped")), Gexf.Scope.FULL, 77);
        assertEquals("graph.gexf", plain.getFileName().toString());
        assertEquals("graph.gexf.gz", zipped.getFileName().toString());
        assertFalse(Files.exists(zipped.resolveSibling("graph.gexf")));
        Document doc;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(zipped))) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        assertEquals(34, doc.getElementsByTagName("node").getLength());
        assertEquals(78, doc.getElementsByTagName("edge").getLength());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(zipped))) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(plain), in.readAllBytes()), "the same document, gzipped");
        }
        assertEquals(null, Gexf.write(r, tmp, Gexf.Scope.NONE));
    }
}
