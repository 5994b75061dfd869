package dev.chorus.roles;

import dev.chorus.graph.IdMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles of every node and the thresholds that decided them.
 *
 * @param ids        original ids
 * @param mask       per node index, the {@link Role#bit()}s it holds
 * @param thresholds the resolved cut-offs by name, e.g. {@code in} = the in-weight a node needed to count as high
 *                   (percentile and z-score combined, see {@link RoleConfig}); +Infinity when no node could be high
 * @param config     the configuration applied
 */
public record RoleAssignment(IdMap ids, int[] mask, Map<String, Double> thresholds, RoleConfig config) {
    public RoleAssignment {
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    public boolean has(int node, Role role) {
        return (mask[node] & role.bit()) != 0;
    }

    /** Whether the node with original id {@code id} holds {@code role}. */
    public boolean has(String id, Role role) {
        int node = ids.index(id);
        if (node < 0) throw new IllegalArgumentException("no node with id '" + id + "'");
        return has(node, role);
    }

    /** Role labels of a node, in {@link Role} order. */
    public List<String> labels(int node) {
        return Role.labels(mask[node]);
    }

    /** Nodes holding {@code role}, by index. */
    public int[] nodes(Role role) {
        return java.util.stream.IntStream.range(0, mask.length).filter(u -> has(u, role)).toArray();
    }

    public int count(Role role) {
        int c = 0;
        for (int m : mask) if ((m & role.bit()) != 0) c++;
        return c;
    }
}
