package dev.chorus.backtest;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import dev.chorus.ingest.Interaction;

/**
 * A spreader ranking that uses time: recency-weighted attention. Each distinct person who acted on u counts
 * {@code 2^(-(T - last) / halfLife)}, where {@code last} is the time of their latest row on u before the split T:
 * attention that is still fresh at T counts fully, attention that faded counts less. In-degree (every past actor
 * counts 1) is the limit of an infinite half-life. Motivation: attention on social media decays within hours to
 * days (Wu &amp; Huberman, PNAS 104 (2007), doi:10.1073/pnas.0704916104), so who is being acted on right now
 * should predict who is acted on next better than who was ever acted on. O(m).
 */
public final class RecencyAttention {
    public static final String NAME = "recent_attention";

    private RecencyAttention() {
    }

    /** @param halfLife seconds, > 0 */
    public static double[] compute(InteractionGraph g, long split, double halfLife) {
        if (!(halfLife > 0)) throw new IllegalArgumentException("halfLife must be > 0 seconds, got " + halfLife);
        Adjacency in = g.in();
        double[] score = new double[g.nodeCount()];
        for (int u = 0; u < g.nodeCount(); u++) {
            double s = 0;
            for (int i = in.start(u); i < in.end(u); i++) {
                if (in.neighbor(i) == u) continue;
                long last = g.lastTime(g.inArc(i));
                if (last != Interaction.NO_TIME) s += Math.pow(2, -(split - last) / halfLife);
            }
            score[u] = s;
        }
        return score;
    }

    /** The default half-life: a tenth of the train span (first train time to T), at least one hour. */
    public static double defaultHalfLife(InteractionGraph g, long split) {
        long[] range = g.timeRange();
        return range == null ? 3600 : Math.max(3600, (split - range[0]) / 10.0);
    }
}
