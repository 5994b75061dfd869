package dev.chorus.output;

import dev.chorus.analysis.NodeTable;
import dev.chorus.graph.IdMap;
import dev.chorus.roles.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-person columns the report's charts draw (degree distribution, PageRank against coreness, role colours),
 * whichever engine made them: taken from an embedded {@link NodeTable}, or read back from any run's
 * {@code nodes.csv} ({@link ReportDir}). Primitive arrays by row and the ids in an {@link IdMap}, so that a large
 * table stays compact and a chart makes Strings only for the people it names.
 *
 * @param ids      original ids, by row
 * @param in       weighted in-degree
 * @param out      weighted out-degree
 * @param pagerank PageRank
 * @param kcore    coreness
 * @param roles    the {@link Role#bit()}s each person holds; all 0 when the run computed no roles
 */
public record NodeColumns(IdMap ids, double[] in, double[] out, double[] pagerank, double[] kcore, int[] roles) {
    /** The columns read from {@code nodes.csv}; every engine writes them. */
    public static final List<String> REQUIRED = List.of("node", "in", "out", "pagerank", "kcore", "roles");

    public NodeColumns {
        int n = ids.size();
        if (in.length != n || out.length != n || pagerank.length != n || kcore.length != n || roles.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
    }

    public static NodeColumns of(NodeTable t) {
        int n = t.size();
        int[] roles = new int[n];
        for (int u = 0; u < n; u++) roles[u] = mask(t.roles().get(u));
        return new NodeColumns(t.ids(), t.metric("in"), t.metric("out"), t.metric("pagerank"), t.metric("kcore"), roles);
    }

    public int size() {
        return ids.size();
    }

    /** Role bits of labels; an unknown label is an error for the caller to report. */
    static int mask(List<String> labels) {
        int m = 0;
        for (String label : labels) m |= role(label).bit();
        return m;
    }

    static Role role(String label) {
        for (Role r : Role.values()) if (r.label().equals(label)) return r;
        throw new IllegalArgumentException("unknown role '" + label + "'");
    }

    /** The labels of row {@code u}, in {@link Role} order (the order {@code nodes.csv} lists them). */
    public List<String> labels(int u) {
        List<String> l = new ArrayList<>();
        for (Role r : Role.values()) if ((roles[u] & r.bit()) != 0) l.add(r.label());
        return l;
    }
}
