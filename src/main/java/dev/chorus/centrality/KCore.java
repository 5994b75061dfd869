package dev.chorus.centrality;

import dev.chorus.graph.NodeScores;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.List;

/**
 * Coreness (k-core number): the largest k such that the node belongs to a subgraph in which every node has at
 * least k neighbours.
 * <p>
 * Seidman, "Network structure and minimum degree", Social Networks 5(3) (1983), doi:10.1016/0378-8733(83)90028-X;
 * computed with the bucket algorithm of Batagelj &amp; Zaversnik, "An O(m) algorithm for cores decomposition of
 * networks" (2003), arXiv:cs/0310049, doi:10.1007/s11634-010-0079-y: nodes sorted by degree in bins, taken in
 * increasing order, each neighbour of higher current degree moved one bin down. O(n + m) time, four int arrays of
 * n entries plus the bins.
 * <p>
 * Conventions: coreness of the undirected simple graph {@link InteractionGraph#undirected()}: directions merged,
 * a reciprocated pair counted once, self-loops dropped, weights ignored (a zero-weight interaction is still a
 * tie). This is NetworkX's {@code core_number} on {@code G.to_undirected()} with self-loops removed (NetworkX
 * refuses self-loops, and on a DiGraph it would count a reciprocated pair twice). Isolated nodes have coreness 0.
 * In spreading terms (Kitsak et al., Nature Physics 6 (2010), doi:10.1038/nphys1746) high coreness marks the
 * well-connected core from which spreading reaches far, unlike mere degree.
 */
public final class KCore {
    private KCore() {
    }

    public static NodeScores compute(InteractionGraph g, KCoreConfig config) {
        return compute(g, config, Progress.NONE);
    }

    /** Column {@code kcore} (integers as doubles). */
    public static NodeScores compute(InteractionGraph g, KCoreConfig config, Progress progress) {
        Adjacency a = g.undirected();
        int n = g.nodeCount();
        int[] offsets = a.offsets();
        int[] neighbors = a.neighbors();
        int[] deg = new int[n];
        int maxDegree = 0;
        for (int v = 0; v < n; v++) {
            deg[v] = offsets[v + 1] - offsets[v];
            maxDegree = Math.max(maxDegree, deg[v]);
        }
        // bin[d] = first position of degree d in vert, which lists the nodes by current degree
        int[] bin = new int[maxDegree + 1];
        for (int v = 0; v < n; v++) bin[deg[v]]++;
        for (int d = 0, start = 0; d <= maxDegree; d++) {
            int count = bin[d];
            bin[d] = start;
            start += count;
        }
        int[] pos = new int[n];
        int[] vert = new int[n];
        for (int v = 0; v < n; v++) {
            pos[v] = bin[deg[v]]++;
            vert[pos[v]] = v;
        }
        for (int d = maxDegree; d > 0; d--) bin[d] = bin[d - 1];
        bin[0] = 0;
        try (Progress.Task task = progress.begin("kcore", n, "nodes")) {
            for (int i = 0; i < n; i++) {
                int v = vert[i];
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int u = neighbors[e];
                    if (deg[u] > deg[v]) {
                        // swap u with the first node of its bin, then shrink that bin from the left
                        int du = deg[u];
                        int pu = pos[u];
                        int pw = bin[du];
                        int w = vert[pw];
                        if (u != w) {
                            pos[u] = pw;
                            vert[pu] = w;
                            pos[w] = pu;
                            vert[pw] = u;
                        }
                        bin[du]++;
                        deg[u]--;
                    }
                }
                if ((i & 0xFFFF) == 0) task.stepTo(i);
            }
            task.stepTo(n);
        }
        double[] core = new double[n];
        for (int v = 0; v < n; v++) core[v] = deg[v];
        return new NodeScores("kcore", g.ids(), List.of("kcore"), List.of(core), "kcore", 0, true);
    }
}
