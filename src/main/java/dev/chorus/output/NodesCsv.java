package dev.chorus.output;

import dev.chorus.analysis.NodeTable;
import dev.chorus.parallel.Futures;
import dev.chorus.roles.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code nodes.csv}: one row per person, {@code node} first. The embedded analysis writes its {@link NodeTable}
 * (metrics, {@code community}, {@code roles} joined by {@code ;}, {@code cluster}); an engine that streams numeric
 * rows (Spark) writes them through {@link #write(Path, List, Iterator)}. Both format cells with {@link CsvOut}.
 */
public final class NodesCsv {
    private NodesCsv() {
    }

    /**
     * Writes {@code t}; with {@code threads > 1} blocks of rows are formatted on that many threads (number formatting
     * is most of the cost) and written in row order, so the file is the same byte for byte.
     */
    public static void write(Path path, NodeTable t, int threads) {
        List<String> metrics = t.metricColumns();
        double[][] columns = metrics.stream().map(t::metric).toArray(double[][]::new);
        double[][] layers = t.layers().values().toArray(double[][]::new);
        int n = t.size();
        int blocks = (n + BLOCK - 1) / BLOCK;
        ExecutorService pool = threads > 1 && blocks > 1 ? Futures.daemonPool(threads, "nodes-csv") : null;
        try (Writer w = CsvOut.open(path, null)) {
            w.write(String.join(",", t.columns()) + "\n");
            if (pool == null) {
                for (int b = 0; b < blocks; b++) w.write(rows(t, columns, layers, b * BLOCK, Math.min(n, (b + 1) * BLOCK)));
            } else {
                ArrayDeque<Future<String>> inFlight = new ArrayDeque<>();
                int next = 0;
                for (int b = 0; b < blocks; b++) {
                    while (next < blocks && inFlight.size() < 2 * threads) {
                        int from = next++ * BLOCK;
                        inFlight.add(pool.submit(() -> rows(t, columns, layers, from, Math.min(n, from + BLOCK))));
                    }
                    w.write(Futures.join(inFlight.poll()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** Rows per formatting block: large enough to amortize the hand-off, small enough to bound memory (~2 MB). */
    private static final int BLOCK = 8192;

    /** Rows {@code [from, to)} as text. */
    private static String rows(NodeTable t, double[][] columns, double[][] layers, int from, int to) {
        StringBuilder line = new StringBuilder(256 * (to - from));
        for (int u = from; u < to; u++) {
            line.append(CsvOut.field(t.ids().id(u)));
            for (double[] c : columns) line.append(',').append(CsvOut.number(c[u]));
            line.append(',').append(t.community()[u]).append(',').append(CsvOut.field(String.join(";", t.roles().get(u))))
                    .append(',').append(t.cluster()[u]);
            for (double[] c : layers) line.append(',').append(CsvOut.number(c[u]));
            line.append('\n');
        }
        return line.toString();
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
