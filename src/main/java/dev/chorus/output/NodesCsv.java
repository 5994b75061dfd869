package dev.chorus.output;

import dev.chorus.analysis.NodeTable;
import dev.chorus.roles.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code nodes.csv}: one row per person, {@code node} first. The embedded analysis writes its {@link NodeTable}
 * (metrics, {@code community}, {@code roles} joined by {@code ;}, {@code cluster}); an engine that streams numeric
 * rows (Spark) writes them through {@link #write(Path, List, Iterator)}. Both format cells with {@link CsvOut}.
 */
public final class NodesCsv {
    private NodesCsv() {
    }

    public static void write(Path path, NodeTable t) {
        List<String> metrics = t.metricColumns();
        double[][] columns = metrics.stream().map(t::metric).toArray(double[][]::new);
        double[][] layers = t.layers().values().toArray(double[][]::new);
        try (Writer w = CsvOut.open(path, null)) {
            w.write(String.join(",", t.columns()) + "\n");
            StringBuilder line = new StringBuilder(256);
            for (int u = 0; u < t.size(); u++) {
                line.setLength(0);
                line.append(CsvOut.field(t.ids().id(u)));
                for (double[] c : columns) line.append(',').append(CsvOut.number(c[u]));
                line.append(',').append(t.community()[u]).append(',').append(CsvOut.field(String.join(";", t.roles().get(u))))
                        .append(',').append(t.cluster()[u]);
                for (double[] c : layers) line.append(',').append(CsvOut.number(c[u]));
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param header the column names, {@code node} first
     * @param rows   (id, the values of the other columns in header order; NaN where undefined); a {@code roles}
     *               column holds the {@link Role#bit()}s as a number, written as the labels (NaN: none computed)
     */
    public static void write(Path path, List<String> header, Iterator<? extends Map.Entry<String, double[]>> rows) {
        int roles = header.indexOf("roles") - 1;
        try (Writer w = CsvOut.open(path, null)) {
            w.write(String.join(",", header) + "\n");
            StringBuilder line = new StringBuilder(128);
            while (rows.hasNext()) {
                Map.Entry<String, double[]> r = rows.next();
                line.setLength(0);
                line.append(CsvOut.field(r.getKey()));
                double[] v = r.getValue();
                for (int i = 0; i < v.length; i++) {
                    line.append(',');
                    if (i == roles) line.append(Double.isNaN(v[i]) ? "" : CsvOut.field(String.join(";", Role.labels((int) v[i]))));
                    else line.append(CsvOut.number(v[i]));
                }
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
