package dev.chorus.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.graph.IdMap;
import dev.chorus.ingest.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@link ReportData} of a run back from its output directory, as {@code analyze} and {@code spark
 * analyze} leave it: {@code report.json}, {@code nodes.csv} and {@code clusters.csv}. Every problem is an
 * {@link InputException} naming the file, and the line and field for a CSV cell: a missing or unreadable file, JSON
 * that does not parse or lacks a part every run writes, a cell that is not a number or names an unknown role, and
 * files that disagree on the number of people or communities (files from different runs). Holds the chart
 * columns of {@code nodes.csv} in primitive arrays, about 40 bytes plus the id per person.
 */
public final class ReportDir {
    /** The parts of {@code report.json} every run writes and the page reads. */
    static final List<String> REQUIRED = List.of("/input/path", "/input/format", "/input/rows/read", "/input/rows/loaded",
            "/input/rows/rejected", "/graph/nodes", "/graph/edges", "/graph/directed", "/settings/top", "/settings/seed",
            "/settings/clusters/min_size", "/settings/clusters/max_size", "/settings/clusters/min_score", "/summary",
            "/communities/algorithm", "/communities/count", "/communities/modularity", "/hubs", "/passionate_clusters",
            "/timings_seconds");

    private ReportDir() {
    }

    public static ReportData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such directory (give the --out DIR of chorus analyze or chorus spark analyze)");
        }
        JsonNode report = json(dir.resolve("report.json"));
        NodeColumns nodes = nodes(dir.resolve("nodes.csv"));
        List<ClusterCohesion> communities = clusters(dir.resolve("clusters.csv"));
        long people = report.at("/graph/nodes").asLong();
        if (nodes.size() != people) {
            throw new InputException(dir.resolve("nodes.csv") + ": " + nodes.size() + " people, but report.json says " + people
                    + " (files from different runs?)");
        }
        int count = report.at("/communities/count").asInt();
        if (communities.size() != count) {
            throw new InputException(dir.resolve("clusters.csv") + ": " + communities.size() + " communities, but report.json says " + count
                    + " (files from different runs?)");
        }
        return new ReportData(report, nodes, communities);
    }

    static JsonNode json(Path file) {
        exists(file);
        JsonNode j;
        try {
            j = ReportJson.read(file);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InputException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (j == null || !j.isObject()) throw new InputException(file + ": not a report (no JSON object)");
        for (String part : REQUIRED) {
            if (j.at(part).isMissingNode() || j.at(part).isNull()) throw new InputException(file + ": no " + part + " (not a Chorus report.json?)");
        }
        return j;
    }

    static NodeColumns nodes(Path file) {
        exists(file);
        try (CsvRecords csv = new CsvRecords(file)) {
            if (!csv.hasNext()) throw new InputException(file + ": empty (no header)");
            List<String> header = csv.next();
            int[] at = csv.columns(header, NodeColumns.REQUIRED);
            IdMap ids = new IdMap();
            // grown as rows come: the row count is unknown until the end
            double[][] v = new double[4][1024];
            int[] roles = new int[1024];
            int n = 0;
            while (csv.hasNext()) {
                List<String> r = csv.next();
                if (r.size() != header.size()) {
                    throw new InputException(file + ":" + csv.line() + ": " + r.size() + " fields, the header has " + header.size());
                }
                if (n == roles.length) {
                    for (int k = 0; k < 4; k++) v[k] = java.util.Arrays.copyOf(v[k], 2 * n);
                    roles = java.util.Arrays.copyOf(roles, 2 * n);
                }
                byte[] id = r.get(at[0]).getBytes(StandardCharsets.UTF_8);
                if (ids.intern(id, 0, id.length) != n) throw new InputException(file + ":" + csv.line() + ": node '" + r.get(at[0]) + "' appears twice");
                for (int k = 0; k < 4; k++) v[k][n] = csv.number(r, at[k + 1], NodeColumns.REQUIRED.get(k + 1));
                String labels = r.get(at[5]);
                try {
                    roles[n] = labels.isEmpty() ? 0 : NodeColumns.mask(List.of(labels.split(";")));
                } catch (IllegalArgumentException e) {
                    throw csv.error("roles", e.getMessage());
                }
                n++;
            }
            int size = n;
            return new NodeColumns(ids, java.util.Arrays.copyOf(v[0], size), java.util.Arrays.copyOf(v[1], size),
                    java.util.Arrays.copyOf(v[2], size), java.util.Arrays.copyOf(v[3], size), java.util.Arrays.copyOf(roles, size));
        }
    }

    static List<ClusterCohesion> clusters(Path file) {
        exists(file);
        List<String> names = new ArrayList<>(ClusterCohesion.COLUMNS);
        names.add("core");
        try (CsvRecords csv = new CsvRecords(file)) {
            if (!csv.hasNext()) throw new InputException(file + ": empty (no header)");
            List<String> header = csv.next();
            int[] at = csv.columns(header, names);
            List<ClusterCohesion> out = new ArrayList<>();
            while (csv.hasNext()) {
                List<String> r = csv.next();
                if (r.size() != header.size()) {
                    throw new InputException(file + ":" + csv.line() + ": " + r.size() + " fields, the header has " + header.size());
                }
                double[] x = new double[ClusterCohesion.COLUMNS.size()];
                for (int k = 0; k < x.length; k++) x[k] = csv.number(r, at[k], names.get(k));
                for (int k : new int[] {0, 1, 2, 9}) {
                    if (!(x[k] >= 0 && x[k] == Math.rint(x[k]))) throw csv.error(names.get(k), "'" + r.get(at[k]) + "' is not a count");
                }
                String core = r.get(at[x.length]);
                out.add(new ClusterCohesion((int) x[0], (int) x[1], (long) x[2], x[3], x[4], x[5], x[6], x[7], x[8], (long) x[9], x[10], x[11],
                        x[12], core.isEmpty() ? List.of() : List.of(core.split(";"))));
            }
            return out;
        }
    }

    private static void exists(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": missing (the run did not finish, or this is not the --out DIR of chorus analyze or chorus spark analyze)");
        }
    }
}
