package dev.chorus.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Node attributes declared by graph formats (GML label, GraphML data), stored by column: one String array per
 * attribute name, indexed by node. Absent values are {@code null}.
 */
public final class NodeAttributes {
    private final Map<String, String[]> columns = new LinkedHashMap<>();
    private int capacity;

    void put(int node, String name, String value) {
        String[] col = columns.computeIfAbsent(name, k -> new String[Math.max(capacity, node + 1)]);
        if (node >= col.length) {
            col = Arrays.copyOf(col, Math.max(node + 1, col.length * 2));
            columns.put(name, col);
        }
        capacity = Math.max(capacity, col.length);
        col[node] = value;
    }

    /** Attribute names, in order of first appearance. */
    public Set<String> names() {
        return Collections.unmodifiableSet(columns.keySet());
    }

    /** The value of {@code name} for {@code node}, or {@code null}. */
    public String get(int node, String name) {
        String[] col = columns.get(name);
        return col == null || node >= col.length ? null : col[node];
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }
}
