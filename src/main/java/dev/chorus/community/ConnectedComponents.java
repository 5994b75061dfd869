package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.Arrays;

/**
 * Weakly and strongly connected components, as a {@link Communities} partition (algorithm {@code wcc} or
 * {@code scc}; quality NaN, 0 iterations).
 * <ul>
 * <li>Weak: breadth-first search following out- and in-arcs, i.e. the components of
 * {@link InteractionGraph#undirected()} without building that view.</li>
 * <li>Strong: Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput.
 * 1 (1972), doi:10.1137/0201010), with an explicit stack instead of recursion, because a path-shaped
 * component of a million nodes would overflow the JVM stack.</li>
 * </ul>
 * An isolated node is its own component. Undirected graphs are stored as symmetric arc pairs, so both kinds
 * give the same partition there. O(n + m) time, a few int arrays of n entries; sequential.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    public static Communities compute(InteractionGraph g, ComponentsConfig config) {
        return compute(g, config, Progress.NONE);
    }

    public static Communities compute(InteractionGraph g, ComponentsConfig config, Progress progress) {
        boolean weak = config.kind() == ComponentsConfig.Kind.WEAK;
        String name = weak ? "wcc" : "scc";
        int[] labels;
        try (Progress.Task task = progress.begin(name, g.nodeCount(), "nodes")) {
            labels = weak ? weak(g, task) : strong(g.out(), task);
        }
        return Communities.of(name, g.ids(), labels, Double.NaN, 1, 0, true);
    }

    private static int[] weak(InteractionGraph g, Progress.Task task) {
        int n = g.nodeCount();
        Adjacency out = g.out();
        Adjacency in = g.in();
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] queue = new int[n];
        int done = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) continue;
            label[s] = s;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int i = out.start(u), end = out.end(u); i < end; i++) {
                    int v = out.neighbor(i);
                    if (label[v] < 0) {
                        label[v] = s;
                        queue[tail++] = v;
                    }
                }
                for (int i = in.start(u), end = in.end(u); i < end; i++) {
                    int v = in.neighbor(i);
                    if (label[v] < 0) {
                        label[v] = s;
                        queue[tail++] = v;
                    }
                }
            }
            done += tail;
            task.stepTo(done);
        }
        return label;
    }

    /**
     * Iterative Tarjan. {@code index} is the DFS discovery number, {@code low} the smallest discovery number
     * reachable through the DFS subtree and one back arc; a visited node without a component yet is exactly a
     * node on Tarjan's stack, so no separate on-stack flag is needed.
     */
    private static int[] strong(Adjacency out, Progress.Task task) {
        int n = out.nodeCount();
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callArc = new int[n]; // next out-position to explore per DFS frame
        int cp = 0;
        int counter = 0;
        int components = 0;
        for (int s = 0; s < n; s++) {
            if (index[s] >= 0) continue;
            index[s] = low[s] = counter++;
            stack[sp++] = s;
            callNode[cp] = s;
            callArc[cp++] = out.start(s);
            while (cp > 0) {
                int u = callNode[cp - 1];
                int i = callArc[cp - 1];
                if (i < out.end(u)) {
                    callArc[cp - 1] = i + 1;
                    int v = out.neighbor(i);
                    if (index[v] < 0) {
                        index[v] = low[v] = counter++;
                        stack[sp++] = v;
                        callNode[cp] = v;
                        callArc[cp++] = out.start(v);
                    } else if (comp[v] < 0) {
                        low[u] = Math.min(low[u], index[v]);
                    }
                    continue;
                }
                cp--;
                if (low[u] == index[u]) {
                    int w;
                    do {
                        w = stack[--sp];
                        comp[w] = components;
                    } while (w != u);
                    components++;
                }
                if (cp > 0) {
                    int parent = callNode[cp - 1];
                    low[parent] = Math.min(low[parent], low[u]);
                }
            }
            task.stepTo(counter);
        }
        return comp;
    }
}
