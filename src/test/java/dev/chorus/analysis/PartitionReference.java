package dev.chorus.analysis;

import dev.chorus.graph.InteractionGraph;
import java.util.HashMap;
import java.util.Map;

/**
 * Brute-force references computed straight from the arcs of a directed graph and a partition, without the
 * undirected view or the scratch arrays of {@link dev.chorus.roles.Engagement} and
 * {@link dev.chorus.community.Cohesion}: the participation coefficient (Guimerà &amp; Amaral 2005), the number of
 * linked communities, and each community's size and internal weight (self-loops dropped).
 */
public final class PartitionReference {
    private PartitionReference() {
    }

    /** Per node: community -> weight of its ties (both directions, self-loops dropped) to members of it. */
    static Map<Integer, Double>[] towards(InteractionGraph g, int[] community) {
        if (!g.isDirected()) throw new IllegalArgumentException("the reference reads each arc once: directed graphs only");
        @SuppressWarnings("unchecked")
        Map<Integer, Double>[] t = new Map[g.nodeCount()];
        for (int u = 0; u < t.length; u++) t[u] = new HashMap<>();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = g.out().start(u); e < g.out().end(u); e++) {
                int v = g.out().neighbor(e);
                if (v == u) continue;
                double w = g.out().weight(e);
                t[u].merge(community[v], w, Double::sum);
                t[v].merge(community[u], w, Double::sum);
            }
        }
        return t;
    }

    /** 1 - sum over communities of (w_uc / w_u)^2; 0 without ties. */
    public static double[] participation(InteractionGraph g, int[] community) {
        Map<Integer, Double>[] t = towards(g, community);
        double[] p = new double[t.length];
        for (int u = 0; u < t.length; u++) {
            double total = t[u].values().stream().mapToDouble(Double::doubleValue).sum();
            double squares = 0;
            for (double w : t[u].values()) squares += (w / total) * (w / total);
            p[u] = total > 0 ? 1 - squares : 0;
        }
        return p;
    }

    /** Distinct communities among each node's neighbours. */
    public static double[] linkedCommunities(InteractionGraph g, int[] community) {
        Map<Integer, Double>[] t = towards(g, community);
        double[] l = new double[t.length];
        for (int u = 0; u < t.length; u++) l[u] = t[u].size();
        return l;
    }

    /** Interaction weight between members of each community (arcs with both ends inside, self-loops dropped). */
    public static Map<Integer, Double> internalWeight(InteractionGraph g, int[] community) {
        Map<Integer, Double> w = new HashMap<>();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = g.out().start(u); e < g.out().end(u); e++) {
                int v = g.out().neighbor(e);
                if (v != u && community[u] == community[v]) w.merge(community[u], g.out().weight(e), Double::sum);
            }
        }
        return w;
    }
}
