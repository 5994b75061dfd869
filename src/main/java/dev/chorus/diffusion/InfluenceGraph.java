package dev.chorus.diffusion;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;

/**
 * The interaction graph read as an influence network, with one weight per arc.
 * <p>
 * <b>Direction.</b> An interaction arc {@code u -> v} ("u retweeted / replied to v") means v's message reaches u:
 * influence flows along the <em>reverse</em> arc {@code v -> u}. So the influence out-neighbours of v are v's
 * interaction in-neighbours ({@link InteractionGraph#in()}, row v), and the influence in-neighbours of u (the
 * people who can activate u) are u's interaction out-neighbours ({@link InteractionGraph#out()}, row u). Forward
 * cascades walk {@code in()}; reverse-reachable sets (IMM) walk {@code out()}. Both reuse the graph's CSR
 * arrays; only the weights are new (8 bytes per arc per direction). Undirected graphs store both arcs of a pair,
 * so influence goes both ways.
 * <p>
 * Self-loops never transmit (weight 0) and do not count in degrees. For IC and SIR a weight is an activation
 * probability; for LT it is Kempe et al.'s edge weight {@code b(v,u)}, summing to 1 over u's influence
 * in-neighbours (or 0 for a node nobody influences). {@link EdgeWeights} gives the rules. O(n + m) to build.
 */
public final class InfluenceGraph {
    private final InteractionGraph graph;
    private final int n;
    private final int[] fwdOffsets;
    private final int[] fwdTargets;
    private final double[] fwdWeight;
    private final int[] revOffsets;
    private final int[] revSources;
    private final double[] revWeight;
    private final int[] inDegree;

    private InfluenceGraph(InteractionGraph g, double[] byArc, int[] inDegree) {
        this.graph = g;
        this.n = g.nodeCount();
        Adjacency in = g.in();
        Adjacency out = g.out();
        this.fwdOffsets = in.offsets();
        this.fwdTargets = in.neighbors();
        this.revOffsets = out.offsets();
        this.revSources = out.neighbors();
        this.revWeight = byArc;
        this.fwdWeight = new double[byArc.length];
        for (int i = 0; i < fwdWeight.length; i++) fwdWeight[i] = byArc[g.inArc(i)];
        this.inDegree = inDegree;
    }

    /** Weights for the independent cascade (and SIR): activation probabilities per {@code weights}. */
    public static InfluenceGraph independentCascade(InteractionGraph g, EdgeWeights weights) {
        int[] deg = inDegrees(g);
        Adjacency out = g.out();
        double[] w = new double[out.size()];
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int e = out.start(u); e < out.end(u); e++) {
                if (out.neighbor(e) == u) continue;
                w[e] = switch (weights.kind()) {
                    case UNIFORM -> weights.p();
                    case WEIGHTED_CASCADE -> 1.0 / deg[u];
                    case INTERACTION -> 1 - Math.pow(1 - weights.p(), out.weight(e));
                };
            }
        }
        return new InfluenceGraph(g, w, deg);
    }

    /** Weights for the linear threshold model: normalized, summing to 1 over each node's influence in-edges. */
    public static InfluenceGraph linearThreshold(InteractionGraph g, EdgeWeights weights) {
        if (weights.kind() == EdgeWeights.Kind.UNIFORM) {
            throw new IllegalArgumentException("lt uses normalized weights: choose weighted cascade (wc) or interaction weights (edge), not a uniform p");
        }
        int[] deg = inDegrees(g);
        Adjacency out = g.out();
        double[] w = new double[out.size()];
        for (int u = 0; u < g.nodeCount(); u++) {
            double total = 0;
            for (int e = out.start(u); e < out.end(u); e++) if (out.neighbor(e) != u) total += out.weight(e);
            for (int e = out.start(u); e < out.end(u); e++) {
                if (out.neighbor(e) == u) continue;
                if (weights.kind() == EdgeWeights.Kind.WEIGHTED_CASCADE) {
                    w[e] = 1.0 / deg[u];
                } else {
                    // zero-weight interactions everywhere: fall back to equal shares rather than divide by zero
                    w[e] = total > 0 ? out.weight(e) / total : 1.0 / deg[u];
                }
            }
        }
        return new InfluenceGraph(g, w, deg);
    }

    /** Only the structure (complex contagion counts active in-neighbours; weights unused). */
    public static InfluenceGraph structure(InteractionGraph g) {
        return new InfluenceGraph(g, new double[g.arcCount()], inDegrees(g));
    }

    private static int[] inDegrees(InteractionGraph g) {
        Adjacency out = g.out();
        int[] deg = new int[g.nodeCount()];
        for (int u = 0; u < deg.length; u++) {
            for (int e = out.start(u); e < out.end(u); e++) if (out.neighbor(e) != u) deg[u]++;
        }
        return deg;
    }

    public InteractionGraph graph() {
        return graph;
    }

    public int nodeCount() {
        return n;
    }

    /** Number of distinct nodes that can influence {@code u} (its interaction out-neighbours, loops excluded). */
    public int inDegree(int u) {
        return inDegree[u];
    }

    /** Influence out-neighbours of v: {@code fwdTargets()[fwdOffsets()[v] .. fwdOffsets()[v+1])}. */
    int[] fwdOffsets() {
        return fwdOffsets;
    }

    int[] fwdTargets() {
        return fwdTargets;
    }

    /** Weight of the influence edge v -> fwdTargets[i]. */
    double[] fwdWeight() {
        return fwdWeight;
    }

    /** Influence in-neighbours of u: {@code revSources()[revOffsets()[u] .. revOffsets()[u+1])}. */
    int[] revOffsets() {
        return revOffsets;
    }

    int[] revSources() {
        return revSources;
    }

    /** Weight of the influence edge revSources[e] -> u. */
    double[] revWeight() {
        return revWeight;
    }
}
