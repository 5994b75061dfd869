package dev.chorus.community;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Interaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Who outside a community listens to it: the people its messages can leave the group through. An arc
 * {@code u -> v} means u acted on v's content, so influence flows v -> u and the people who act on a member are
 * that member's audience ({@link InteractionGraph#in()}; for undirected inputs every neighbour). For a community C:
 * <ul>
 * <li>{@code reach} = distinct people outside C who acted on at least one member (self-loops ignored);</li>
 * <li>{@code outward_weight} = summed weight of those outsiders' actions on members: the traffic through which
 * a message leaves the group;</li>
 * <li>{@code audience_sum} = sum over members of their own outside audience (distinct outsiders acting on that
 * member), so that {@code 1 - reach / audience_sum} is the share of the members' audiences that is shared and
 * {@code reach / best_member_audience} what the members add together over their best-heard member alone: the
 * "aggregate influence" of the group, 1 when the others add nobody;</li>
 * <li>{@code best_member_audience} = the largest single member's outside audience;</li>
 * <li>{@code activity_span_share} = (latest minus earliest time of the arcs between members) / (the same over the
 * whole graph): near 0 when all internal activity happened in one burst, 1 when it spans the data; NaN when the
 * input has no times, no internal arc has one, or the graph's times do not span a second.</li>
 * </ul>
 * Also per node, {@link #outside(InteractionGraph, int[])}: its outside audience. One pass over the in-arcs per
 * community after a counting sort of the nodes by community, and one over the out-arcs for the times: O(n + m),
 * three int arrays of n.
 *
 * @param community            community index in the {@link Communities} it was computed from
 * @param reach                distinct outsiders who acted on a member
 * @param outwardWeight        weight of the outsiders' actions on members
 * @param audienceSum          members' outside audiences summed (outsiders counted once per member they act on)
 * @param bestMemberAudience   the largest outside audience of a single member
 * @param activitySpanShare    time span of the internal arcs over the graph's, in [0, 1], or NaN
 */
public record ClusterAudience(int community, int reach, double outwardWeight, long audienceSum, int bestMemberAudience,
                              double activitySpanShare) {

    /** Share of the members' outside audiences that is shared with another member, in [0, 1]; NaN without audience. */
    public double sharedShare() {
        return audienceSum == 0 ? Double.NaN : 1 - (double) reach / audienceSum;
    }

    /** Reach over the best-heard member's audience, >= 1: what the members add together; NaN without audience. */
    public double aggregateGain() {
        return bestMemberAudience == 0 ? Double.NaN : (double) reach / bestMemberAudience;
    }

    /** Per node, distinct people of another community who acted on it (self-loops ignored). O(m). */
    public static int[] outside(InteractionGraph g, int[] member) {
        Adjacency in = g.in();
        int[] out = new int[g.nodeCount()];
        for (int v = 0; v < out.length; v++) {
            int count = 0;
            // in-rows hold each source once: one arc per pair
            for (int i = in.start(v); i < in.end(v); i++) if (member[in.neighbor(i)] != member[v]) count++;
            out[v] = count;
        }
        return out;
    }

    /** One entry per community, in community order. */
    public static List<ClusterAudience> compute(InteractionGraph g, Communities communities) {
        int n = g.nodeCount();
        int[] member = communities.membership();
        if (member.length != n) throw new IllegalArgumentException("partition has " + member.length + " nodes, graph has " + n);
        int k = communities.count();
        int[] start = new int[k + 1];
        for (int c : member) start[c + 1]++;
        for (int c = 0; c < k; c++) start[c + 1] += start[c];
        int[] byCommunity = new int[n];
        int[] fill = java.util.Arrays.copyOf(start, k);
        for (int u = 0; u < n; u++) byCommunity[fill[member[u]]++] = u;

        Adjacency in = g.in();
        int[] counted = new int[n]; // community + 1 that last counted this outsider
        int[] reach = new int[k];
        double[] weight = new double[k];
        long[] sum = new long[k];
        int[] best = new int[k];
        for (int c = 0; c < k; c++) {
            for (int j = start[c]; j < start[c + 1]; j++) {
                int v = byCommunity[j];
                int own = 0;
                for (int i = in.start(v); i < in.end(v); i++) {
                    int u = in.neighbor(i);
                    if (member[u] == c) continue;
                    own++;
                    weight[c] += in.weight(i);
                    if (counted[u] != c + 1) {
                        counted[u] = c + 1;
                        reach[c]++;
                    }
                }
                sum[c] += own;
                best[c] = Math.max(best[c], own);
            }
        }
        double[] span = spans(g, member, k);
        List<ClusterAudience> result = new ArrayList<>(k);
        for (int c = 0; c < k; c++) result.add(new ClusterAudience(c, reach[c], weight[c], sum[c], best[c], span[c]));
        return result;
    }

    private static double[] spans(InteractionGraph g, int[] member, int k) {
        double[] share = new double[k];
        java.util.Arrays.fill(share, Double.NaN);
        long[] range = g.timeRange();
        if (range == null || range[1] <= range[0]) return share;
        long[] lo = new long[k];
        long[] hi = new long[k];
        java.util.Arrays.fill(lo, Long.MAX_VALUE);
        java.util.Arrays.fill(hi, Long.MIN_VALUE);
        Adjacency out = g.out();
        for (int u = 0; u < g.nodeCount(); u++) {
            int c = member[u];
            for (int e = out.start(u); e < out.end(u); e++) {
                int v = out.neighbor(e);
                if (v == u || member[v] != c || g.firstTime(e) == Interaction.NO_TIME) continue;
                lo[c] = Math.min(lo[c], g.firstTime(e));
                hi[c] = Math.max(hi[c], g.lastTime(e));
            }
        }
        double all = range[1] - range[0];
        for (int c = 0; c < k; c++) if (lo[c] != Long.MAX_VALUE) share[c] = (hi[c] - lo[c]) / all;
        return share;
    }
}
