package dev.chorus.output;

import dev.chorus.community.ClusterCohesion;
import dev.chorus.roles.ClusterRanking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code clusters.csv}: {@link ClusterCohesion#COLUMNS}, {@code core} (member ids joined by {@code ;}), then
 * {@code reach} (distinct outsiders who acted on a member, {@link dev.chorus.community.ClusterAudience}) and
 * {@code kind} ({@code choir}, {@code ring}, {@code other}: {@link dev.chorus.roles.ClusterKinds}), as the embedded
 * analysis, {@code communities --clusters} and Spark write it (the last two empty when no kinds are given). Cells
 * are formatted by {@link CsvOut}.
 */
public final class ClusterCsv {
    private ClusterCsv() {
    }

    /** @param kinds the clusters' reach and kind, by cluster index; null for empty cells */
    public static void write(Path path, List<ClusterCohesion> clusters, ClusterRanking kinds) {
        try (Writer w = CsvOut.open(path, null)) {
            w.write(String.join(",", ClusterCohesion.COLUMNS) + ",core,reach,kind\n");
            StringBuilder line = new StringBuilder(256);
            for (ClusterCohesion c : clusters) {
                line.setLength(0);
                for (Number v : c.asMap().values()) line.append(CsvOut.number(v.doubleValue())).append(',');
                line.append(CsvOut.field(String.join(";", c.core()))).append(',');
                if (kinds != null) line.append(kinds.audience().get(c.community()).reach()).append(',').append(kinds.kinds().get(c.community()));
                else line.append(',');
                line.append('\n');
                w.write(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
