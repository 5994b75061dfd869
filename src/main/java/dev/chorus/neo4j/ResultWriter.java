package dev.chorus.neo4j;

import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.CommunityAlgorithms;
import dev.chorus.progress.Progress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes analysis results back into Neo4j in batched, idempotent transactions: per-user properties
 * ({@code cypher/write-users.cypher}) and one {@code (:Cluster)} node per community with its cohesion metrics
 * and {@code (:User)-[:MEMBER_OF]->(:Cluster)} links ({@code cypher/write-clusters.cypher}). Clusters of an
 * earlier run are deleted first, so the database holds the clusters of the latest analysis only.
 */
public final class ResultWriter {
    private ResultWriter() {
    }

    /** Sets every column on every user; a missing value (NaN, null) removes the property. */
    public static void writeNodes(Neo4jClient client, NodeResults r, int batchSize, Progress progress) {
        String statement = CypherFile.bundled("write-users.cypher").single();
        int n = r.ids().size();
        try (Progress.Task task = progress.begin("writing results to Neo4j", n, "users")) {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                List<Map<String, Object>> rows = new ArrayList<>(to - from);
                for (int u = from; u < to; u++) {
                    Map<String, Object> props = new HashMap<>(r.columns().size() * 2);
                    for (int c = 0; c < r.columns().size(); c++) props.put(r.columns().get(c), r.value(c, u));
                    rows.add(Map.of("id", r.ids().id(u), "properties", props));
                }
                client.write(statement, Map.of("rows", rows));
                task.stepTo(to);
            }
        }
    }

    /** Replaces all (:Cluster) nodes by those of {@code r} and links members; {@code community} must be a column. */
    public static void writeClusters(Neo4jClient client, NodeResults r, int batchSize, Progress progress) {
        List<String> statements = CypherFile.bundled("write-clusters.cypher").statements();
        client.autoCommit(statements.get(0), Map.of("batch", batchSize), res -> res.consume());
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (ClusterCohesion c : r.clusters()) {
            Map<String, Object> props = new HashMap<>();
            for (Map.Entry<String, Number> e : c.asMap().entrySet()) {
                double v = e.getValue().doubleValue();
                props.put(e.getKey(), e.getValue() instanceof Double ? (Double.isNaN(v) ? null : (Object) v) : (Object) e.getValue().longValue());
            }
            props.put("core", c.core());
            clusters.add(Map.of("id", (long) c.community(), "properties", props));
        }
        for (int from = 0; from < clusters.size(); from += batchSize) {
            client.write(statements.get(1), Map.of("rows", clusters.subList(from, Math.min(clusters.size(), from + batchSize))));
        }
        long[] community = (long[]) r.column(CommunityAlgorithms.COLUMN);
        int n = r.ids().size();
        try (Progress.Task task = progress.begin("linking users to clusters", n, "users")) {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                List<Map<String, Object>> rows = new ArrayList<>(to - from);
                for (int u = from; u < to; u++) rows.add(Map.of("id", r.ids().id(u), "community", community[u]));
                client.write(statements.get(2), Map.of("rows", rows));
                task.stepTo(to);
            }
        }
    }
}
