package dev.chorus.roles;

import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.community.Communities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Passionate clusters on two axes. Clusters are communities of a fine partition ({@link ClusterConfig#resolution()}).
 * <ul>
 * <li><b>cohesion</b>: the mean of four terms in [0, 1] read from {@link ClusterCohesion}: {@code reciprocity}
 * (share of internal arcs answered; left out for undirected inputs), {@code density} (share of member pairs that
 * interacted), {@code clustering} (members' mean local clustering, Watts &amp; Strogatz 1998) and
 * {@code intensity} = x / (1 + x) with x = internal weight per member pair (repeated interaction). A reciprocal
 * clique with one interaction each way per pair scores (1 + 1 + 1 + 2/3) / 4 = 0.92; a star whose leaves act once
 * on the centre about 0.2. Insularity is no longer a term: a group that talks only to itself is not thereby a
 * group that spreads anything;</li>
 * <li><b>reach</b>: ln(1 + reach) / ln(1 + the largest reach of a cohesive cluster), with reach the distinct
 * outsiders who acted on a member ({@link ClusterAudience}); logarithmic because audiences are heavy-tailed.</li>
 * </ul>
 * Each cluster gets a kind ({@link ClusterKinds}). Choirs are ranked by sqrt(cohesion x reach), the geometric
 * mean, so that a choir needs both (a perfectly cohesive group nobody hears scores 0), then size (larger first),
 * then index; rings, most cohesive first (the clearest cases of traded engagement on top). Rings are never
 * choirs. Centola (Science 329 (2010), doi:10.1126/science.1185231) is why cohesive groups are the ones to look
 * at; the reach axis is why only heard ones are recommended. O(n + k log k).
 */
public final class PassionateClusters {
    private PassionateClusters() {
    }

    /** Kinds of every cluster, and the choirs and rings with their members. */
    public static ClusterRanking compute(Communities communities, List<ClusterCohesion> cohesion, List<ClusterAudience> audience,
                                         ClusterKinds rules) {
        return compute(cohesion, audience, rules, (choirs, rings) -> members(communities, choirs, rings));
    }

    /**
     * The same ranking for engines that hold the partition in pieces (Spark): {@code members} is given the choirs' and
     * then the rings' cluster indices, each list in rank order, and returns the members of each, choirs first, in that
     * order (only these clusters' members are ever needed).
     */
    public static ClusterRanking compute(List<ClusterCohesion> cohesion, List<ClusterAudience> audience, ClusterKinds rules,
                                         BiFunction<List<Integer>, List<Integer>, List<List<String>>> members) {
        int k = cohesion.size();
        double[] cohesionScore = new double[k];
        int maxReach = 0;
        for (int c = 0; c < k; c++) {
            cohesionScore[c] = cohesionScore(cohesion.get(c));
            if (rules.cohesive(cohesion.get(c), cohesionScore[c])) maxReach = Math.max(maxReach, audience.get(c).reach());
        }
        List<String> kinds = new ArrayList<>(k);
        List<Integer> choirs = new ArrayList<>();
        List<Integer> rings = new ArrayList<>();
        double[] reachScore = new double[k];
        double[] score = new double[k];
        for (int c = 0; c < k; c++) {
            String kind = rules.kind(cohesion.get(c), audience.get(c), cohesionScore[c]);
            kinds.add(kind);
            reachScore[c] = maxReach == 0 ? 0 : Math.min(1, Math.log1p(audience.get(c).reach()) / Math.log1p(maxReach));
            score[c] = Math.sqrt(cohesionScore[c] * reachScore[c]);
            if (kind.equals(ClusterKinds.CHOIR)) choirs.add(c);
            if (kind.equals(ClusterKinds.RING)) rings.add(c);
        }
        choirs.sort(Comparator.comparingDouble((Integer c) -> -score[c]).thenComparingInt(c -> -cohesion.get(c).size())
                .thenComparingInt(c -> c));
        rings.sort(Comparator.comparingDouble((Integer c) -> -cohesionScore[c]).thenComparingInt(c -> -cohesion.get(c).size())
                .thenComparingInt(c -> c));
        List<List<String>> memberLists = members.apply(List.copyOf(choirs), List.copyOf(rings));
        List<PassionateCluster> choirList = new ArrayList<>();
        List<PassionateCluster> ringList = new ArrayList<>();
        for (int i = 0; i < choirs.size() + rings.size(); i++) {
            boolean choir = i < choirs.size();
            int c = choir ? choirs.get(i) : rings.get(i - choirs.size());
            PassionateCluster p = new PassionateCluster(choir ? i + 1 : i - choirs.size() + 1, score[c], cohesionScore[c], reachScore[c],
                    kinds.get(c), parts(cohesion.get(c)), cohesion.get(c), audience.get(c), memberLists.get(i));
            (choir ? choirList : ringList).add(p);
        }
        return new ClusterRanking(choirList, ringList, kinds, audience, rules);
    }

    /** Members of the listed clusters, in list order, one pass over the nodes. */
    private static List<List<String>> members(Communities communities, List<Integer> first, List<Integer> second) {
        int[] slot = new int[communities.count()];
        java.util.Arrays.fill(slot, -1);
        List<List<String>> members = new ArrayList<>();
        for (List<Integer> list : List.of(first, second)) {
            for (int c : list) {
                slot[c] = members.size();
                members.add(new ArrayList<>());
            }
        }
        int[] member = communities.membership();
        for (int u = 0; u < member.length; u++) {
            if (slot[member[u]] >= 0) members.get(slot[member[u]]).add(communities.ids().id(u));
        }
        return members;
    }

    /**
     * Clusters in the order the {@code clusters} seeding strategy spends its budget: the choirs by rank, then every
     * other cluster of at least two members that is no ring, by cohesion (ties by index), so that cluster seeding
     * never runs out of clusters before it runs out of budget, and never seeds a ring.
     */
    public static int[] seedingOrder(ClusterRanking ranking, List<ClusterCohesion> cohesion) {
        List<Integer> order = new ArrayList<>();
        for (PassionateCluster p : ranking.choirs()) order.add(p.cluster());
        List<ClusterCohesion> rest = new ArrayList<>();
        for (ClusterCohesion c : cohesion) {
            String kind = ranking.kinds().get(c.community());
            if (c.size() >= 2 && kind.equals(ClusterKinds.OTHER)) rest.add(c);
        }
        double[] score = new double[cohesion.size()];
        for (ClusterCohesion c : rest) score[c.community()] = cohesionScore(c);
        rest.sort(Comparator.comparingDouble((ClusterCohesion c) -> -score[c.community()]).thenComparingInt(ClusterCohesion::community));
        for (ClusterCohesion c : rest) order.add(c.community());
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The choirs' cluster indices, best first: where the {@code choirs} seeding strategy takes its seeds. */
    public static int[] choirOrder(ClusterRanking ranking) {
        return ranking.choirs().stream().mapToInt(PassionateCluster::cluster).toArray();
    }

    static double cohesionScore(ClusterCohesion c) {
        return parts(c).values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The cohesion terms, in the documented order; reciprocity only where it is defined. */
    static Map<String, Double> parts(ClusterCohesion c) {
        Map<String, Double> p = new LinkedHashMap<>();
        if (!Double.isNaN(c.reciprocity())) p.put("reciprocity", c.reciprocity());
        p.put("density", c.density());
        p.put("clustering", c.averageClustering());
        p.put("intensity", c.weightPerPair() / (1 + c.weightPerPair()));
        return p;
    }
}
