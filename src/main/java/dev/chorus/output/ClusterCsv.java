package dev.chorus.output;

import dev.chorus.community.ClusterCohesion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code clusters.csv}: {@link ClusterCohesion#COLUMNS} then {@code core} (member ids joined by {@code ;}), as the
 * embedded analysis, {@code communities --clusters} and Spark write it. Cells are formatted by {@link CsvOut}.
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
                for (Number v : c.asMap().values()) line.append(CsvOut.number(v.doubleValue())).append(',');
                line.append(CsvOut.field(String.join(";", c.core()))).append('\n');
                w.write(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
