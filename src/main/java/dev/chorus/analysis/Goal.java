package dev.chorus.analysis;

import dev.chorus.ingest.InteractionType;
import java.util.Locale;
import java.util.Set;

/**
 * What a campaign wants from its seeds ({@code analyze --goal}); it decides which arm of the seeding experiment is
 * recommended ({@link Recommendation}) and which verdict the summary leads with.
 * <ul>
 * <li>{@code awareness}: reach. Simple contagion, one exposure is enough: the independent cascade ({@code ic}) on the
 * spreading layer ({@link Layers#SPREAD}: retweets, quotes), where content is carried onward.</li>
 * <li>{@code action}: sign-ups, sales, turnout. Complex contagion, people act after several contacts (Centola &amp;
 * Macy, "Complex contagions and the weakness of long ties", AJS 113(3) (2007), doi:10.1086/521848): the
 * {@code threshold} model on the conversation layer ({@link Layers#TALK}: replies, comments, messages), and among
 * seed sets that spread about as far, the more credible ones (engaged, reciprocal people).</li>
 * </ul>
 * On untyped input both layers are the whole graph.
 */
public enum Goal {
    AWARENESS("awareness", "ic", "spread", "the spreading layer (retweets, quotes)", Layers.SPREAD),
    ACTION("action", "threshold", "talk", "the conversation layer (replies, comments, messages)", Layers.TALK);

    private final String cliName;
    private final String model;
    private final String layer;
    private final String layerName;
    private final Set<InteractionType> types;

    Goal(String cliName, String model, String layer, String layerName, Set<InteractionType> types) {
        this.cliName = cliName;
        this.model = model;
        this.layer = layer;
        this.layerName = layerName;
        this.types = types;
    }

    /** The layer in words, for sentences. */
    public String layerName() {
        return layerName;
    }

    /** The other goal. */
    public Goal other() {
        return this == AWARENESS ? ACTION : AWARENESS;
    }

    /** {@code awareness} or {@code action}, as {@code --goal} takes it and {@code report.json} writes it. */
    public String cliName() {
        return cliName;
    }

    /** The seeding experiment's model this goal reads: {@code ic} or {@code threshold}. */
    public String model() {
        return model;
    }

    /** The layer the goal's model runs on, on typed input: {@code spread} or {@code talk}. */
    public String layer() {
        return layer;
    }

    /** The interaction types of {@link #layer()}. */
    public Set<InteractionType> types() {
        return types;
    }

    /** The goal whose model is {@code model}, or null. */
    public static Goal ofModel(String model) {
        for (Goal g : values()) if (g.model.equals(model)) return g;
        return null;
    }

    public static Goal parse(String s) {
        for (Goal g : values()) if (g.cliName.equals(s.toLowerCase(Locale.ROOT))) return g;
        throw new IllegalArgumentException("unknown goal '" + s + "' (available: awareness, action)");
    }
}
