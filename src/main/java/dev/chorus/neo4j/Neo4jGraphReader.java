package dev.chorus.neo4j;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Interaction;
import dev.chorus.ingest.InteractionType;
import dev.chorus.ingest.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Reads the users and interactions stored in Neo4j into the embedded engine ({@code cypher/read-graph.cypher}).
 * Users come in load order, so a graph loaded by {@code neo4j load} gets the node numbering of the input it
 * came from and seeded algorithms give the same results as on the file. Each stored pair becomes rows that
 * the {@link GraphBuilder} aggregates back to exactly that pair: one row with the weight (and the first time),
 * one weight-0 row with the last time, one weight-0 row per counted interaction of each type. O(n + m + rows).
 */
public final class Neo4jGraphReader {
    private Neo4jGraphReader() {
    }

    /**
     * @param directed {@code true}/{@code false} forces directed/undirected; {@code null} follows what
     *                 {@code neo4j load} recorded (directed when nothing was recorded)
     */
    public static InteractionGraph read(Neo4jClient client, Boolean directed) {
        List<String> s = CypherFile.bundled("read-graph.cypher").statements();
        Value stored = client.list(s.get(0), Map.of()).get(0).get("directed");
        boolean d = directed != null ? directed : stored.isNull() || stored.asBoolean();
        GraphBuilder b = new GraphBuilder(d);
        // managed reads may be retried: collect into a fresh list each time, then build
        List<String> ids = client.read(s.get(1), Map.of(), r -> r.list(x -> x.get("id").asString()));
        for (String id : ids) b.addNode(id);
        List<Record> edges = client.list(s.get(2), Map.of());
        InteractionType[] types = InteractionType.values();
        for (Record e : edges) {
            String src = e.get("source").asString();
            String dst = e.get("target").asString();
            Map<String, Object> p = e.get("properties").asMap();
            Object w = p.get("weight");
            double weight = w instanceof Number n ? n.doubleValue() : 1.0;
            long first = p.get("first_time") instanceof Number n ? n.longValue() : Interaction.NO_TIME;
            long last = p.get("last_time") instanceof Number n ? n.longValue() : Interaction.NO_TIME;
            b.add(src, dst, weight, null, first);
            if (last != first && last != Interaction.NO_TIME) b.add(src, dst, 0.0, null, last);
            for (InteractionType t : types) {
                if (p.get(Neo4jLoader.countProperty(t)) instanceof Number n) {
                    for (long k = n.longValue(); k > 0; k--) b.add(src, dst, 0.0, t, Interaction.NO_TIME);
                }
            }
        }
        return b.build();
    }

    /**
     * The graph of the chosen layers only ({@code --layer}, {@code cypher/read-layers.cypher}): each stored pair
     * weighs the sum of its counts of those types, pairs without any are left out, and users come in load order
     * but only those with a kept interaction, as in a file holding only those rows. The stored pair keeps
     * per-type counts, not per-type weights or times, so this equals {@code --layer} on the input when each row
     * weighs 1 (as in every shipped dataset), and the layer graph has no times. O(n + m).
     *
     * @throws InputException when no stored interaction has a per-type count (the input had no types)
     */
    public static InteractionGraph read(Neo4jClient client, Boolean directed, Set<InteractionType> layers) {
        if (layers == null) return read(client, directed);
        List<String> s = CypherFile.bundled("read-graph.cypher").statements();
        Value stored = client.list(s.get(0), Map.of()).get(0).get("directed");
        boolean d = directed != null ? directed : stored.isNull() || stored.asBoolean();
        List<String> ids = client.read(s.get(1), Map.of(), r -> r.list(x -> x.get("id").asString()));
        List<InteractionType> chosen = layers.stream().sorted().toList();
        List<String> names = chosen.stream().map(Neo4jLoader::countProperty).toList();
        List<String> all = Arrays.stream(InteractionType.values()).map(Neo4jLoader::countProperty).toList();
        List<Record> edges = client.list(CypherFile.bundled("read-layers.cypher").statements().get(0),
                Map.of("layers", names, "all_types", all));
        boolean typed = false;
        Set<String> touched = new HashSet<>();
        List<Record> kept = new ArrayList<>();
        for (Record e : edges) {
            typed |= e.get("typed").asBoolean();
            if (e.get("counts").asList(Value::asLong).stream().anyMatch(c -> c > 0)) {
                kept.add(e);
                touched.add(e.get("source").asString());
                touched.add(e.get("target").asString());
            }
        }
        if (!typed && !edges.isEmpty()) {
            throw new InputException("neo4j: --layer needs interaction types, and no stored interaction has a "
                    + "per-type count (the input was loaded without a 'type' column)");
        }
        GraphBuilder b = new GraphBuilder(d);
        for (String id : ids) if (touched.contains(id)) b.addNode(id);
        for (Record e : kept) {
            String src = e.get("source").asString();
            String dst = e.get("target").asString();
            List<Long> counts = e.get("counts").asList(Value::asLong);
            for (int i = 0; i < chosen.size(); i++) {
                for (long k = counts.get(i); k > 0; k--) b.add(src, dst, 1.0, chosen.get(i), Interaction.NO_TIME);
            }
        }
        return b.build();
    }
}
