package dev.chorus.analysis;

import dev.chorus.graph.TopNodes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is carried onward versus who is talked with, from the {@link Layers} columns of a {@link NodeTable}: the
 * people of each layer ranked by its PageRank (only people who received rows of that layer; ties by id), and the
 * overlap of the two top-{@value #OVERLAP_N} lists as a Jaccard index |A ∩ B| / |A ∪ B| (NaN when both are empty).
 * A low overlap is the point of the issue: the most retweeted are not the most answered. O(n log {@value #OVERLAP_N}).
 *
 * @param spread  node indexes by {@code pagerank_spread}, highest first, the first {@value #OVERLAP_N}
 * @param talk    node indexes by {@code pagerank_talk}, highest first, the first {@value #OVERLAP_N}
 * @param jaccard overlap of {@code spread} and {@code talk}
 */
public record ReachVsConversation(List<Integer> spread, List<Integer> talk, double jaccard) {
    /** Size of the lists compared. */
    public static final int OVERLAP_N = 100;

    /** @return null when the table has no layer columns (untyped input) */
    public static ReachVsConversation of(NodeTable t) {
        if (t.layers().isEmpty()) return null;
        List<Integer> spread = top(t, t.metric("pagerank_spread"), t.metric("in_spread"));
        List<Integer> talk = top(t, t.metric("pagerank_talk"), t.metric("in_talk"));
        Set<Integer> union = new HashSet<>(spread);
        union.addAll(talk);
        Set<Integer> both = new HashSet<>(spread);
        both.retainAll(new HashSet<>(talk));
        return new ReachVsConversation(spread, talk, union.isEmpty() ? Double.NaN : (double) both.size() / union.size());
    }

    private static List<Integer> top(NodeTable t, double[] score, double[] attention) {
        return Arrays.stream(TopNodes.of(t.size(), u -> attention[u] > 0, score, t.ids(), OVERLAP_N)).boxed().toList();
    }
}
