package dev.chorus.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The closed vocabulary of interaction kinds. A closed set, not free text, because per-type counts are stored
 * per edge and roles (engager, broadcaster) are computed from them: a typo such as "rpely" must be rejected
 * with its line, not silently become a new kind. Matching is case-insensitive on the code or any alias.
 */
public enum InteractionType {
    RETWEET("RT", "retweet", "repost", "share", "reshare"),
    MENTION("MT", "mention"),
    REPLY("RE", "reply", "answer"),
    QUOTE("QT", "quote"),
    COMMENT("CM", "comment"),
    LIKE("LK", "like", "favorite", "favourite", "reaction"),
    MESSAGE("DM", "message", "msg", "email"),
    FOLLOW("FW", "follow");

    private final String code;
    private final String[] aliases;
    private static final Map<String, InteractionType> BY_NAME = new HashMap<>();
    private static final byte[][] NAMES;          // lower-case ASCII names, codes first
    private static final InteractionType[] NAMED; // parallel to NAMES

    static {
        java.util.List<byte[]> names = new java.util.ArrayList<>();
        java.util.List<InteractionType> named = new java.util.ArrayList<>();
        for (InteractionType t : values()) {
            BY_NAME.put(t.code.toLowerCase(Locale.ROOT), t);
            names.add(t.code.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            named.add(t);
        }
        for (InteractionType t : values()) {
            for (String a : t.aliases) {
                BY_NAME.put(a, t);
                names.add(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                named.add(t);
            }
        }
        NAMES = names.toArray(new byte[0][]);
        NAMED = named.toArray(new InteractionType[0]);
    }

    InteractionType(String code, String... aliases) {
        this.code = code;
        this.aliases = aliases;
    }

    /** Short code used in SNAP files and in outputs (RT, MT, RE, ...). */
    public String code() {
        return code;
    }

    /** Readable lower-case name (retweet, mention, ...). */
    public String label() {
        return aliases[0];
    }

    /**
     * The type named by ASCII bytes, case-insensitively, without making a String (the per-row path of the
     * 4-column SNAP form); {@code null} if none matches, including for any non-ASCII text.
     */
    static InteractionType parse(byte[] b, int from, int to) {
        int len = to - from;
        for (int i = 0; i < NAMES.length; i++) {
            byte[] name = NAMES[i];
            if (name.length != len) continue;
            int k = 0;
            while (k < len && (b[from + k] | 0x20) == name[k]) k++;
            if (k == len) return NAMED[i];
        }
        return null;
    }

    /** The type named by {@code text}, or {@code null} if it names none. */
    public static InteractionType parse(String text) {
        return BY_NAME.get(text.trim().toLowerCase(Locale.ROOT));
    }

    /** For error messages: every accepted code with its main name. */
    public static String accepted() {
        return Arrays.stream(values()).map(t -> t.code + "/" + t.label()).collect(Collectors.joining(", "));
    }
}
