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
 * in-neighbours (or 0 for a node nobody influences). {@link EdgeWeights} gives the rules. Built by
 * {@link Propagation#influenceGraph}, which it remembers, so that a cascade is never run on weights of another
 * model. O(n + m) to build.
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
    private final Propagation builtFor;

    private InfluenceGraph(InteractionGraph g, double[] byArc, int[] inDegree, Propagation builtFor) {
        this.graph = g;
        this.builtFor = builtFor;
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

    /** Weights for the independent cascade: activation probabilities per {@code weights}. */
    static InfluenceGraph independentCascade(InteractionGraph g, Propagation builtFor) {
        EdgeWeights weights = builtFor.weights();
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
        return new InfluenceGraph(g, w, deg, builtFor);
    }

    /** Weights for the linear threshold model: normalized, summing to 1 over each node's influence in-edges. */
    static InfluenceGraph linearThreshold(InteractionGraph g, Propagation builtFor) {
        EdgeWeights weights = builtFor.weights();
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
        return new InfluenceGraph(g, w, deg, builtFor);
    }

    /** Only the structure (complex contagion counts active in-neighbours; weights unused). */
    static InfluenceGraph structure(InteractionGraph g, Propagation builtFor) {
        return new InfluenceGraph(g, new double[g.arcCount()], inDegrees(g), builtFor);
    }

    /** Throws unless this graph carries the weights {@code p} reads (threshold and sir read none). */
    void requireFor(Propagation p) {
        boolean reads = p.model() == DiffusionModel.IC || p.model() == DiffusionModel.LT;
        if (reads && (builtFor.model() != p.model() || !builtFor.weights().equals(p.weights()))) {
            throw new IllegalArgumentException("influence graph built for " + builtFor.model().cliName() + " "
                    + builtFor.weights() + ", used for " + p.model().cliName() + " " + p.weights());
        }
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
