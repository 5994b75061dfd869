package dev.chorus.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which rows an input keeps ({@code --layer}, {@code --platform}): a row outside the chosen interaction types or
 * platforms is read past as if it were not in the file. It is counted as {@code filtered}, outside
 * {@code read = loaded + rejected}, so that a filtered read reports what a file holding only the kept rows would.
 * Rows are rejected (bad fields) before they are filtered, so rejected rows are still counted.
 *
 * @param layers    kept interaction types, or {@code null} for every row
 * @param platforms kept platforms, lower-case (matched ignoring case), or {@code null} for every row
 */
public record RowFilter(Set<InteractionType> layers, Set<String> platforms) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Keeps every row. */
    public static final RowFilter ALL = new RowFilter(null, null);

    public RowFilter {
        layers = layers == null ? null : Set.copyOf(layers);
        platforms = platforms == null ? null : Set.copyOf(platforms);
    }

    public boolean keepsAll() {
        return layers == null && platforms == null;
    }

    /** Whether a row of {@code type} (null: untyped) on {@code platform} (null: none) is kept. */
    boolean keeps(InteractionType type, String platform) {
        if (layers != null && (type == null || !layers.contains(type))) return false;
        return platforms == null || platform != null && platforms.contains(platform.toLowerCase(Locale.ROOT));
    }

    /**
     * Parses {@code --layer} and {@code --platform} values ({@code RT,MT} or {@code retweet,reply}: any code or
     * alias of {@link InteractionType}, ignoring case); a null value keeps every row on that axis.
     *
     * @throws IllegalArgumentException naming an unknown type or an empty list
     */
    public static RowFilter parse(String layer, String platform) {
        Set<InteractionType> types = null;
        if (layer != null) {
            types = EnumSet.noneOf(InteractionType.class);
            for (String name : split("--layer", layer)) {
                InteractionType t = InteractionType.parse(name);
                if (t == null) {
                    throw new IllegalArgumentException("--layer: unknown interaction type '" + name + "' (use "
                            + InteractionType.accepted() + ")");
                }
                types.add(t);
            }
        }
        Set<String> platforms = null;
        if (platform != null) {
            platforms = new LinkedHashSet<>();
            for (String name : split("--platform", platform)) platforms.add(name.toLowerCase(Locale.ROOT));
        }
        return new RowFilter(types, platforms);
    }

    private static List<String> split(String flag, String value) {
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) if (!part.isBlank()) names.add(part.trim());
        if (names.isEmpty()) throw new IllegalArgumentException(flag + " needs at least one name, got '" + value + "'");
        return names;
    }
}
