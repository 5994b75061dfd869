package dev.chorus.diffusion;

import java.util.Arrays;
import java.util.Locale;

/** The diffusion models, by their CLI names. */
public enum DiffusionModel {
    /** {@link IndependentCascade}. */
    IC,
    /** {@link LinearThreshold}. */
    LT,
    /** {@link ComplexContagion}. */
    THRESHOLD,
    /** {@link Sir}. */
    SIR;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DiffusionModel parse(String s) {
        for (DiffusionModel m : values()) if (m.cliName().equalsIgnoreCase(s)) return m;
        throw new IllegalArgumentException("unknown model '" + s + "' (available: "
                + String.join(", ", Arrays.stream(values()).map(DiffusionModel::cliName).toList()) + ")");
    }
}
