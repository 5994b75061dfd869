package dev.chorus.neo4j;

import dev.chorus.centrality.KCore;
import dev.chorus.centrality.KCoreConfig;
import dev.chorus.centrality.PageRank;
import dev.chorus.centrality.PageRankConfig;
import dev.chorus.community.Cohesion;
import dev.chorus.community.Communities;
import dev.chorus.community.Leiden;
import dev.chorus.community.LeidenConfig;
import dev.chorus.community.Louvain;
import dev.chorus.community.LouvainConfig;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.progress.Progress;
import java.util.List;

/**
 * The per-user analysis {@code neo4j analyze} writes back, computed by the embedded engine: {@code pagerank}
 * (weighted, damping 0.85, as {@code centrality --algo pagerank}), {@code kcore} (coreness of the undirected
 * simple graph) and {@code community} (Leiden, modularity, or Louvain), with cohesion per community for the
 * (:Cluster) nodes. Column names are those of {@code nodes.csv}.
 */
public final class EmbeddedAnalysis {
    /** Community detection for the {@code community} column. */
    public enum CommunityAlgorithm { LEIDEN, LOUVAIN }

    private EmbeddedAnalysis() {
    }

    public static NodeResults run(InteractionGraph g, CommunityAlgorithm algorithm, long seed, Progress progress) {
        double[] pagerank = PageRank.compute(g, PageRankConfig.defaults(), progress).column("pagerank");
        double[] core = KCore.compute(g, KCoreConfig.defaults(), progress).column("kcore");
        Communities c = communities(g, algorithm, seed, progress);
        return results(g, pagerank, core, c);
    }

    static Communities communities(InteractionGraph g, CommunityAlgorithm algorithm, long seed, Progress progress) {
        return switch (algorithm) {
            case LEIDEN -> Leiden.compute(g, LeidenConfig.defaults().withSeed(seed), progress);
            case LOUVAIN -> Louvain.compute(g, LouvainConfig.defaults().withSeed(seed), progress);
        };
    }

    /** The write-back columns from scores and a partition (shared with the GDS engine). */
    static NodeResults results(InteractionGraph g, double[] pagerank, double[] core, Communities c) {
        int n = g.nodeCount();
        long[] kcore = new long[n];
        long[] community = new long[n];
        for (int u = 0; u < n; u++) {
            kcore[u] = (long) core[u];
            community[u] = c.membership()[u];
        }
        return new NodeResults(g.ids(), List.of("pagerank", "kcore", "community"), List.of(pagerank, kcore, community),
                Cohesion.compute(g, c, Cohesion.Config.defaults()));
    }
}
