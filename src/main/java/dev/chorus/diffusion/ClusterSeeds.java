package dev.chorus.diffusion;

import dev.chorus.community.Communities;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;

/**
 * The "clusters" seeding strategy: spend the budget inside the most cohesive communities, a few mutually tied
 * seeds per community, so that their common neighbours are exposed several times at once (what complex
 * contagion needs: Centola, Science 329 (2010), doi:10.1126/science.1185231).
 * <p>
 * Rule: walk {@code clusterOrder}; in each community take {@code perCluster} members (fewer if it is smaller or
 * the budget runs out). The first is the member with the most ties inside its community; each next one is the
 * member with the most ties to the seeds already taken there (ties: more ties inside the community, then the
 * smaller original id). Ties are those of the undirected simple view. If the listed communities run out before
 * k seeds, the rest are the highest-attention nodes not yet taken ({@link SeedBaselines}' {@code degree}).
 * O(n + m) plus O(size^2) per listed community.
 */
public final class ClusterSeeds {
    private ClusterSeeds() {
    }

    public static SeedSelection compute(InteractionGraph g, Communities communities, int[] clusterOrder, ClusterSeedsConfig config) {
        return compute(g, communities, clusterOrder, config, Progress.NONE);
    }

    /**
     * @param communities  a partition of g's nodes
     * @param clusterOrder community indices, most cohesive first
     * @return the seeds in the order taken; no spread estimate of their own (NaN) and no samples
     */
    public static SeedSelection compute(InteractionGraph g, Communities communities, int[] clusterOrder, ClusterSeedsConfig config,
                                        Progress progress) {
        long t0 = System.nanoTime();
        int perCluster = config.perCluster();
        int n = g.nodeCount();
        if (communities.membership().length != n) {
            throw new IllegalArgumentException("communities cover " + communities.membership().length + " nodes, the graph has " + n);
        }
        int[] membership = communities.membership();
        Adjacency a = g.undirected();
        int[] internal = new int[n];
        for (int u = 0; u < n; u++) {
            for (int i = a.start(u); i < a.end(u); i++) if (membership[a.neighbor(i)] == membership[u]) internal[u]++;
        }
        int[][] members = new int[communities.count()][];
        int[] sizes = communities.sizes();
        for (int c = 0; c < members.length; c++) members[c] = new int[sizes[c]];
        int[] fill = new int[members.length];
        for (int u = 0; u < n; u++) members[membership[u]][fill[membership[u]]++] = u;

        int budget = Math.min(config.k(), n);
        int[] out = new int[budget];
        int size = 0;
        boolean[] chosen = new boolean[n];
        int[] tiesToChosen = new int[n];
        try (Progress.Task task = progress.begin("cluster seeds", budget, "seeds")) {
            for (int c : clusterOrder) {
                if (size == budget) break;
                if (c < 0 || c >= members.length) throw new IllegalArgumentException("cluster " + c + " does not exist (" + members.length + " communities)");
                int take = Math.min(perCluster, budget - size);
                int first = size;
                for (int t = 0; t < take; t++) {
                    int best = -1;
                    for (int u : members[c]) {
                        if (chosen[u]) continue;
                        if (best < 0 || better(g, u, best, tiesToChosen, internal)) best = u;
                    }
                    if (best < 0) break;
                    chosen[best] = true;
                    out[size++] = best;
                    for (int i = a.start(best); i < a.end(best); i++) tiesToChosen[a.neighbor(i)]++;
                }
                task.stepTo(size);
                // ties count within one community only: clear what this community's seeds added
                for (int i = first; i < size; i++) {
                    for (int j = a.start(out[i]); j < a.end(out[i]); j++) tiesToChosen[a.neighbor(j)] = 0;
                }
            }
            if (size < budget) {
                // the top `budget` by attention hold at least budget - size nodes not chosen yet
                for (int u : SeedBaselines.ranking(g, SeedBaselinesConfig.Method.DEGREE, budget, 1, Progress.NONE)) {
                    if (size == budget) break;
                    if (!chosen[u]) {
                        chosen[u] = true;
                        out[size++] = u;
                    }
                }
            }
            task.stepTo(size);
        }
        return SeedSelection.of("clusters", g, out, Double.NaN, 0, t0);
    }

    private static boolean better(InteractionGraph g, int u, int best, int[] ties, int[] internal) {
        if (ties[u] != ties[best]) return ties[u] > ties[best];
        if (internal[u] != internal[best]) return internal[u] > internal[best];
        return g.ids().id(u).compareTo(g.ids().id(best)) < 0;
    }
}
