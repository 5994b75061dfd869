package dev.chorus.roles;

import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Communities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passionate clusters: clusters (communities of a fine partition, {@link ClusterConfig#resolution()}) of {@link ClusterConfig#minSize()} to {@link ClusterConfig#maxSize()} members
 * ranked by a passion score, the mean of five cohesion terms in [0, 1] read from {@link ClusterCohesion}:
 * <ul>
 * <li>{@code reciprocity}: share of internal arcs answered (left out for undirected inputs);</li>
 * <li>{@code density}: share of member pairs that interacted;</li>
 * <li>{@code clustering}: members' mean local clustering (Watts &amp; Strogatz 1998), closed triads;</li>
 * <li>{@code insularity} = internal weight / (internal + external weight): how much of the members' interaction
 * stays inside;</li>
 * <li>{@code intensity} = x / (1 + x) with x = internal weight per member pair: repeated interaction.</li>
 * </ul>
 * A reciprocal clique with one interaction each way per pair and no outside ties scores (1+1+1+1+2/3)/5 = 0.93; a
 * star whose leaves act once on the centre scores about 0.34 (no reciprocity, no triangles). Clusters below
 * {@link ClusterConfig#minScore()} are not passionate. Ranked by score, then size (larger first), then community
 * index. Centola (Science 329 (2010), doi:10.1126/science.1185231) is why these are the groups to look at:
 * behaviour that needs social reinforcement spreads further through clustered, redundant ties. O(n + k log k).
 */
public final class PassionateClusters {
    private PassionateClusters() {
    }

    /** The passing clusters, most passionate first. */
    public static List<PassionateCluster> compute(Communities communities, List<ClusterCohesion> cohesion, ClusterConfig config) {
        List<ClusterCohesion> kept = passing(cohesion, config);
        // members of the kept clusters in one pass over the nodes
        int[] slot = new int[communities.count()];
        java.util.Arrays.fill(slot, -1);
        List<List<String>> members = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            slot[kept.get(i).community()] = i;
            members.add(new ArrayList<>());
        }
        int[] member = communities.membership();
        for (int u = 0; u < member.length; u++) {
            if (slot[member[u]] >= 0) members.get(slot[member[u]]).add(communities.ids().id(u));
        }
        return ranked(kept, members);
    }

    /**
     * The clusters that pass the size and score filter, most passionate first: the ranking alone, for engines
     * that hold no node-indexed membership (Spark collects the members of just these).
     */
    public static List<ClusterCohesion> passing(List<ClusterCohesion> cohesion, ClusterConfig config) {
        record Scored(ClusterCohesion c, double score) {
        }
        List<Scored> kept = new ArrayList<>();
        for (ClusterCohesion c : cohesion) {
            if (c.size() < config.minSize() || c.size() > config.maxSize()) continue;
            double score = score(c);
            if (score >= config.minScore()) kept.add(new Scored(c, score));
        }
        kept.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(s -> -s.c().size())
                .thenComparingInt(s -> s.c().community()));
        return kept.stream().map(Scored::c).toList();
    }

    /** {@link #passing} clusters with their members (same order), ranked 1, 2, ... */
    public static List<PassionateCluster> ranked(List<ClusterCohesion> passing, List<List<String>> members) {
        List<PassionateCluster> out = new ArrayList<>(passing.size());
        for (int i = 0; i < passing.size(); i++) {
            ClusterCohesion c = passing.get(i);
            out.add(new PassionateCluster(i + 1, score(c), parts(c), c, members.get(i)));
        }
        return out;
    }

    private static double score(ClusterCohesion c) {
        return parts(c).values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /**
     * Clusters in the order a seeding strategy should spend its budget: the passionate ones by rank, then every
     * other cluster of at least two members by passion score (ties by index), so that cluster seeding never runs
     * out of clusters before it runs out of budget.
     */
    public static int[] seedingOrder(List<PassionateCluster> passionate, List<ClusterCohesion> cohesion) {
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        List<Integer> order = new ArrayList<>();
        for (PassionateCluster p : passionate) {
            order.add(p.cluster());
            taken.add(p.cluster());
        }
        List<ClusterCohesion> rest = new ArrayList<>();
        for (ClusterCohesion c : cohesion) if (c.size() >= 2 && !taken.contains(c.community())) rest.add(c);
        Map<Integer, Double> score = new java.util.HashMap<>();
        for (ClusterCohesion c : rest) score.put(c.community(), score(c));
        rest.sort(Comparator.comparingDouble((ClusterCohesion c) -> -score.get(c.community())).thenComparingInt(ClusterCohesion::community));
        for (ClusterCohesion c : rest) order.add(c.community());
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The score's terms, in the documented order; reciprocity only where it is defined. */
    static Map<String, Double> parts(ClusterCohesion c) {
        Map<String, Double> p = new LinkedHashMap<>();
        if (!Double.isNaN(c.reciprocity())) p.put("reciprocity", c.reciprocity());
        p.put("density", c.density());
        p.put("clustering", c.averageClustering());
        double all = c.internalWeight() + c.externalWeight();
        p.put("insularity", all > 0 ? c.internalWeight() / all : 0.0);
        p.put("intensity", c.weightPerPair() / (1 + c.weightPerPair()));
        return p;
    }
}
