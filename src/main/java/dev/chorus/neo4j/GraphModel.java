package dev.chorus.neo4j;

import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Interaction;
import dev.chorus.ingest.InteractionType;
import dev.chorus.ingest.RowCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Chorus stores in Neo4j for a graph ({@code cypher/schema.cypher}), in one place for both ways in:
 * {@code neo4j load} (batched transactions, {@link LoadWriters}) and {@code neo4j import} (the offline importer's
 * files, {@link ImportFiles}). Per user: {@code id}, {@code load_order} and the node attributes of graph formats;
 * per stored pair: {@code weight}, one count per interaction type present, {@code first_time}/{@code last_time};
 * one {@code (:ChorusGraph)} node with what was loaded.
 */
public final class GraphModel {
    /** Kind of a stored property, as the importer's header types name them. */
    enum Kind {
        LONG("long"), DOUBLE("double"), STRING("string");

        final String importType;

        Kind(String importType) {
            this.importType = importType;
        }
    }

    /** One property column: {@code attribute} names a node attribute, a count's {@code type} its interaction type. */
    record Column(String name, Kind kind, String attribute, InteractionType type) {
    }

    /** The relationship type of a stored pair. */
    static final String RELATIONSHIP = "INTERACTED";

    private GraphModel() {
    }

    /** Undirected pairs are stored once, from the smaller end. */
    static boolean stored(InteractionGraph g, int u, int v) {
        return g.isDirected() || v >= u;
    }

    /** User properties besides {@code id}: {@code load_order}, then the graph format's attributes except {@code id}. */
    static List<Column> userColumns(InteractionGraph g) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("load_order", Kind.LONG, null, null));
        for (String name : g.nodeAttributes().names()) {
            if (!name.equals("id") && !name.equals("load_order")) cols.add(new Column(name, Kind.STRING, name, null));
        }
        return cols;
    }

    /** User {@code u}'s value of {@code c}, or null when it has none. */
    static Object userValue(InteractionGraph g, Column c, int u) {
        return c.attribute() == null ? (Object) (long) u : g.nodeAttributes().get(u, c.attribute());
    }

    /** Pair properties: {@code weight}, one count per interaction type of the input, then the times if it has them. */
    static List<Column> pairColumns(InteractionGraph g) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("weight", Kind.DOUBLE, null, null));
        for (InteractionType t : g.types()) cols.add(new Column(Neo4jLoader.countProperty(t), Kind.LONG, null, t));
        if (g.hasTimes()) {
            cols.add(new Column("first_time", Kind.LONG, null, null));
            cols.add(new Column("last_time", Kind.LONG, null, null));
        }
        return cols;
    }

    /** Arc {@code e}'s value of {@code c}, or null when it has none (a count of 0, no time). */
    static Object pairValue(InteractionGraph g, Column c, int e) {
        if (c.type() != null) {
            int k = g.typeCount(e, c.type());
            return k > 0 ? (Object) (long) k : null;
        }
        return switch (c.name()) {
            case "weight" -> g.out().weight(e);
            case "first_time" -> g.firstTime(e) == Interaction.NO_TIME ? null : (Object) g.firstTime(e);
            case "last_time" -> g.lastTime(e) == Interaction.NO_TIME ? null : (Object) g.lastTime(e);
            default -> throw new IllegalStateException("not a pair column: " + c.name());
        };
    }

    /** The non-null values of {@code columns} for one user or arc, as a parameter map. */
    static Map<String, Object> properties(List<Column> columns, java.util.function.Function<Column, Object> value) {
        Map<String, Object> props = new HashMap<>(columns.size() * 2);
        for (Column c : columns) {
            Object v = value.apply(c);
            if (v != null) props.put(c.name(), v);
        }
        return props;
    }

    /** Properties of the {@code (:ChorusGraph {id: 'graph'})} node ({@code cypher/load-graph.cypher}), without {@code id}. */
    static Map<String, Object> graphProperties(InteractionGraph g, String input, RowCounts rows) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("directed", g.isDirected());
        meta.put("input", input);
        meta.put("nodes", (long) g.nodeCount());
        meta.put("edges", g.edgeCount());
        meta.put("weight_sum", g.weightSum());
        meta.put("types", g.types().stream().map(InteractionType::label).toList());
        meta.put("rows_read", rows.read());
        meta.put("rows_loaded", rows.loaded());
        meta.put("rows_rejected", rows.rejected());
        return meta;
    }

    /** Creates the constraints and indexes of {@code cypher/schema.cypher} where missing, and waits until they are online. */
    public static void applySchema(Neo4jClient client) {
        for (String s : CypherFile.bundled("schema.cypher").statements()) client.autoCommit(s, Map.of(), r -> r.consume());
        client.autoCommit("CALL db.awaitIndexes(300)", Map.of(), r -> r.consume());
    }
}
