package dev.chorus.analysis;

import dev.chorus.centrality.Centralities;
import dev.chorus.centrality.CentralitySettings;
import dev.chorus.community.Communities;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.graph.LayerGraph;
import dev.chorus.graph.NodeScores;
import dev.chorus.ingest.InteractionType;
import dev.chorus.progress.Progress;
import dev.chorus.roles.Engagement;
import dev.chorus.roles.EngagementConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reach and conversation read apart on typed input. A retweet or quote carries content onward (the
 * <b>spread</b> layer); a reply, comment or direct message is conversation (the <b>talk</b> layer); mentions,
 * likes and follows are in neither. Per node, on each layer's graph ({@link LayerGraph}: same nodes, arcs weighted
 * by their rows of the layer's types):
 * <ul>
 * <li>{@code pagerank_spread}, {@code pagerank_talk}: {@link dev.chorus.centrality.PageRank} with the settings of
 * the {@code pagerank} column;</li>
 * <li>{@code in_spread}, {@code in_talk}: attention received, the weighted in-degree ({@code in} of
 * {@link dev.chorus.centrality.Degree}): rows of the layer acting on the node;</li>
 * <li>{@code reciprocity_talk}, {@code answer_rate_talk}: {@link Engagement}'s {@code reciprocity} and
 * {@code answer_rate} on the talk layer: of the people who talked to u, the share u talked back to.</li>
 * </ul>
 * O(m) for the two layer graphs plus two PageRanks and two degree passes on graphs no larger than the input.
 */
public final class Layers {
    /** Retweets and quotes: content carried onward. */
    public static final Set<InteractionType> SPREAD = EnumSet.of(InteractionType.RETWEET, InteractionType.QUOTE);
    /** Replies, comments and messages: conversation. */
    public static final Set<InteractionType> TALK = EnumSet.of(InteractionType.REPLY, InteractionType.COMMENT, InteractionType.MESSAGE);
    /** Column names, in order; appended after every other {@code nodes.csv} column. */
    public static final List<String> COLUMNS = List.of("pagerank_spread", "pagerank_talk", "in_spread", "in_talk",
            "reciprocity_talk", "answer_rate_talk");

    private Layers() {
    }

    /** Whether the graph's rows carry types, so that its layers can be read apart. */
    public static boolean applies(InteractionGraph g) {
        return !g.types().isEmpty();
    }

    /**
     * @param communities the partition {@link Engagement} is computed with (its participation columns are not used)
     * @return the {@link #COLUMNS}, ranked by {@code pagerank_spread}
     */
    public static NodeScores compute(InteractionGraph g, CentralitySettings settings, Communities communities, Progress progress) {
        InteractionGraph spread = LayerGraph.of(g, SPREAD);
        InteractionGraph talk = LayerGraph.of(g, TALK);
        double[] prSpread = Centralities.PAGERANK.compute(spread, settings, progress).column("pagerank");
        double[] prTalk = Centralities.PAGERANK.compute(talk, settings, progress).column("pagerank");
        double[] inSpread = Centralities.DEGREE.compute(spread, settings, progress).column("in");
        double[] inTalk = Centralities.DEGREE.compute(talk, settings, progress).column("in");
        NodeScores engagement = Engagement.compute(talk, communities, EngagementConfig.defaults());
        return new NodeScores("layers", g.ids(), COLUMNS, List.of(prSpread, prTalk, inSpread, inTalk,
                engagement.column("reciprocity"), engagement.column("answer_rate")), "pagerank_spread", 0, true);
    }
}
