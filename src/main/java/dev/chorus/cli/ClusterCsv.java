package dev.chorus.cli;

import dev.chorus.community.ClusterCohesion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code clusters.csv}: {@link ClusterCohesion#COLUMNS} then {@code core} (member ids joined by {@code ;}).
 * A NaN metric (undefined, e.g. reciprocity of an undirected graph) is an empty field; +Infinity is {@code inf}.
 * Public for the Spark job, which writes the same file ({@code spark analyze} passes this writer in).
 */
public final class ClusterCsv {
    private ClusterCsv() {
    }

    public static void write(Path path, List<ClusterCohesion> clusters) {
        try (Writer w = CsvOut.open(path, null)) {
            w.write(String.join(",", ClusterCohesion.COLUMNS) + ",core\n");
            StringBuilder line = new StringBuilder(256);
            for (ClusterCohesion c : clusters) {
                line.setLength(0);
                for (Map.Entry<String, Number> e : c.asMap().entrySet()) {
                    double v = e.getValue().doubleValue();
                    line.append(Double.isNaN(v) ? "" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : CsvOut.number(v)).append(',');
                }
                line.append(CsvOut.field(String.join(";", c.core()))).append('\n');
                w.write(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
