package dev.chorus.output.html;

import dev.chorus.roles.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The colour of each role in every chart and the roles table, and which role a dot is coloured by. */
final class RoleColours {
    /** In precedence order: a person holding several roles is drawn in the first one's colour; "none" last. */
    static final Map<String, String> COLOURS = new LinkedHashMap<>();

    static {
        COLOURS.put(Role.HUB.label(), "#d62728");
        COLOURS.put(Role.PERIPHERY_HUB.label(), "#ff7f0e");
        COLOURS.put(Role.BRIDGE.label(), "#9467bd");
        COLOURS.put(Role.BROADCASTER.label(), "#8c564b");
        COLOURS.put(Role.CLUSTER_CORE.label(), "#2ca02c");
        COLOURS.put(Role.RING_MEMBER.label(), "#e377c2");
        COLOURS.put(Role.ENGAGER.label(), "#1f77b4");
        COLOURS.put("none", "#c7c7c7");
    }

    private RoleColours() {
    }

    /** The role a dot is coloured by: the first in {@link #COLOURS} order. */
    static String mainRole(List<String> labels) {
        for (String role : COLOURS.keySet()) if (labels.contains(role)) return role;
        return "none";
    }
}
