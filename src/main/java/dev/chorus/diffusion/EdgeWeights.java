package dev.chorus.diffusion;

import java.io.Serializable;

/**
 * How an interaction arc becomes an influence weight (see {@link InfluenceGraph} for the direction); part of a
 * {@link Propagation}.
 * <ul>
 * <li>{@code UNIFORM}: every influence edge has probability {@code p} (IC and SIR only);</li>
 * <li>{@code WEIGHTED_CASCADE}: Kempe et al.'s weighted cascade, {@code 1 / indeg(u)} for the receiving node u,
 * with indeg the number of distinct influence in-neighbours (self-loops excluded); for LT these are the
 * unweighted normalized weights;</li>
 * <li>{@code INTERACTION}: from the interaction weight {@code w} of the arc: IC uses {@code 1 - (1-p)^w} (each
 * of w interactions transmits independently with probability p); LT uses {@code w / W(u)}, u's share of its own
 * interaction weight (Kempe et al.'s normalized incoming weights; {@code p} unused).</li>
 * </ul>
 *
 * @param kind the rule
 * @param p    the per-edge (UNIFORM) or per-interaction (INTERACTION, IC) probability in [0, 1]; ignored for WC
 */
public record EdgeWeights(Kind kind, double p) implements Serializable {
    public enum Kind { UNIFORM, WEIGHTED_CASCADE, INTERACTION }

    public EdgeWeights {
        if (kind == null) throw new IllegalArgumentException("kind must not be null");
        if (kind != Kind.WEIGHTED_CASCADE && !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0,1], got " + p);
        }
    }

    public static EdgeWeights uniform(double p) {
        return new EdgeWeights(Kind.UNIFORM, p);
    }

    public static EdgeWeights weightedCascade() {
        return new EdgeWeights(Kind.WEIGHTED_CASCADE, Double.NaN);
    }

    public static EdgeWeights interaction(double p) {
        return new EdgeWeights(Kind.INTERACTION, p);
    }

    /** The CLI spelling, for JSON output. */
    public String describe() {
        return switch (kind) {
            case UNIFORM -> "uniform p=" + p;
            case WEIGHTED_CASCADE -> "wc";
            case INTERACTION -> "edge p=" + p;
        };
    }
}
