package dev.chorus.roles;

import dev.chorus.graph.NodeScores;
import dev.chorus.community.Communities;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.InteractionType;
import dev.chorus.progress.Progress;
import java.util.List;

/**
 * How each person engages: whether their ties go both ways, whether they answer those who act on them, how much
 * of what they do is replying, and how their ties spread over communities. These are the per-node numbers the
 * {@link Roles} rules read besides the centralities. Self-loops are ignored throughout (talking to oneself answers
 * nobody). For a node u:
 * <ul>
 * <li>{@code reciprocity} = mutual neighbours / distinct neighbours (a neighbour is mutual when arcs go both
 * ways), the node-level version of {@link InteractionGraph#reciprocity()}; NaN for undirected inputs (direction is
 * not recorded) and for nodes without neighbours;</li>
 * <li>{@code answer_rate} = of the people who acted on u, the share u acted on in return; NaN for undirected inputs
 * and when nobody acted on u;</li>
 * <li>{@code reply_share} = rows of type reply ({@code RE}) by u / typed rows by u; NaN when the input has no reply
 * type or u has no typed rows;</li>
 * <li>{@code participation}: the participation coefficient of Guimerà &amp; Amaral, "Functional cartography of
 * complex metabolic networks", Nature 433 (2005) 895–900, doi:10.1038/nature03288:
 * {@code 1 - sum over communities c of (w_uc / w_u)^2}, with w_uc the interaction weight between u and members of
 * c in the undirected view and w_u its total; 0 when all ties stay in one community (or there are none), close to
 * 1 when they are spread evenly over many;</li>
 * <li>{@code linked_communities} = distinct communities among u's neighbours (its own included if a neighbour is
 * in it).</li>
 * </ul>
 * O(n + m) time; three scratch arrays with one entry per community.
 */
public final class Engagement {
    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("reciprocity", "answer_rate", "reply_share", "participation",
            "linked_communities");

    private Engagement() {
    }

    public static NodeScores compute(InteractionGraph g, Communities communities, EngagementConfig config) {
        return compute(g, communities, config, Progress.NONE);
    }

    /** @param communities a partition of g's nodes, which {@code participation} and {@code linked_communities} read */
    public static NodeScores compute(InteractionGraph g, Communities communities, EngagementConfig config, Progress progress) {
        try (Progress.Task task = progress.begin("engagement", g.nodeCount(), "nodes")) {
            NodeScores s = measure(g, communities);
            task.stepTo(g.nodeCount());
            return s;
        }
    }

    private static NodeScores measure(InteractionGraph g, Communities communities) {
        int n = g.nodeCount();
        if (communities.membership().length != n) {
            throw new IllegalArgumentException("partition has " + communities.membership().length + " nodes, graph has " + n);
        }
        double[] reciprocity = new double[n];
        double[] answer = new double[n];
        double[] reply = new double[n];
        double[] participation = new double[n];
        double[] linked = new double[n];
        Adjacency out = g.out();
        Adjacency in = g.in();
        Adjacency und = g.undirected();
        boolean hasReply = g.types().contains(InteractionType.REPLY);
        List<InteractionType> types = g.types();
        for (int u = 0; u < n; u++) {
            if (g.isDirected()) {
                int mutual = 0;
                for (int e = out.start(u); e < out.end(u); e++) {
                    if (g.isReciprocated(e)) mutual++;
                }
                int actedOnU = 0;
                for (int i = in.start(u); i < in.end(u); i++) {
                    if (in.neighbor(i) != u) actedOnU++;
                }
                int neighbours = und.degree(u);
                reciprocity[u] = neighbours == 0 ? Double.NaN : (double) mutual / neighbours;
                answer[u] = actedOnU == 0 ? Double.NaN : (double) mutual / actedOnU;
            } else {
                reciprocity[u] = Double.NaN;
                answer[u] = Double.NaN;
            }
            long typed = 0;
            long replies = 0;
            if (hasReply) {
                for (int e = out.start(u); e < out.end(u); e++) {
                    if (out.neighbor(e) == u) continue;
                    for (InteractionType t : types) typed += g.typeCount(e, t);
                    replies += g.typeCount(e, InteractionType.REPLY);
                }
            }
            reply[u] = typed == 0 ? Double.NaN : (double) replies / typed;
        }
        participation(und, communities.membership(), communities.count(), participation, linked);
        return new NodeScores("engagement", g.ids(), COLUMNS, List.of(reciprocity, answer, reply, participation, linked),
                "reciprocity", 0, true);
    }

    /** Per node, the weight towards each neighbouring community, summed in a scratch array reset after each node. */
    private static void participation(Adjacency und, int[] member, int k, double[] participation, double[] linked) {
        double[] towards = new double[k];
        int[] touched = new int[k];
        int[] stamp = new int[k];
        java.util.Arrays.fill(stamp, -1);
        for (int u = 0; u < und.nodeCount(); u++) {
            int count = 0;
            double total = 0;
            for (int i = und.start(u); i < und.end(u); i++) {
                int c = member[und.neighbor(i)];
                double w = und.weight(i);
                if (stamp[c] != u) {
                    stamp[c] = u;
                    touched[count++] = c;
                }
                towards[c] += w;
                total += w;
            }
            double sumSquares = 0;
            for (int j = 0; j < count; j++) {
                int c = touched[j];
                if (total > 0) sumSquares += (towards[c] / total) * (towards[c] / total);
                towards[c] = 0;
            }
            participation[u] = total > 0 ? 1 - sumSquares : 0.0;
            linked[u] = count;
        }
    }
}
