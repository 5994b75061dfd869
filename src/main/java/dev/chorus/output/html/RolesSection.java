package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;
import static dev.chorus.output.html.Html.fmt;
import static dev.chorus.output.html.Html.num;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;
import dev.chorus.roles.Role;

/** The roles, how many people hold each, and each rule with its resolved thresholds. */
final class RolesSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode j = d.report();
        h.append("<h2>Roles and their rules</h2>\n");
        if (!j.hasNonNull("roles")) {
            h.append(Html.notComputed(d)).append("roles.</p>\n");
            return;
        }
        JsonNode roles = j.path("roles");
        JsonNode rc = j.path("settings").path("roles");
        int coreSize = j.path("settings").path("clusters").path("core_size").asInt();
        h.append("<table>\n<tr><th class=\"l\">role</th><th>people</th><th class=\"l\">rule</th></tr>\n");
        JsonNode t = roles.path("thresholds");
        String[][] rules = {
                {Role.HUB.label(), "in-weight &ge; " + threshold(t, "in") + " or PageRank &ge; " + threshold(t, "pagerank")
                        + ", and reciprocity &le; " + fmt(rc.path("hub_max_reciprocity").asDouble())},
                {Role.PERIPHERY_HUB.label(), "total degree &ge; " + threshold(t, "total") + " and coreness &le; " + threshold(t, "kcore_max")},
                {Role.BRIDGE.label(), "betweenness &ge; " + threshold(t, "betweenness") + " and participation &ge; "
                        + fmt(rc.path("bridge_min_participation").asDouble())},
                {Role.ENGAGER.label(), "out-weight &ge; " + fmt(rc.path("min_activity").asDouble()) + " and answer rate or reply share &ge; "
                        + fmt(rc.path("engager_min_answer").asDouble())},
                {Role.BROADCASTER.label(), "out-weight &ge; " + threshold(t, "out") + " and &ge; in-weight, and reciprocity, answer rate, reply share &le; "
                        + fmt(rc.path("broadcaster_max_answer").asDouble())},
                {Role.CLUSTER_CORE.label(), "among the " + coreSize + " most internally engaged members of a passionate cluster"}};
        for (String[] rule : rules) {
            // a role the run could not decide (older Spark runs: no reach, no ring members) has no count
            boolean decided = roles.path("counts").has(rule[0]);
            h.append("<tr><td class=\"l\"><span style=\"color:").append(RoleColours.COLOURS.get(rule[0])).append("\">&#9679;</span> ")
                    .append(rule[0]).append("</td><td>").append(decided ? Integer.toString(roles.path("counts").path(rule[0]).asInt()) : "&ndash;")
                    .append("</td><td class=\"l\">").append(decided ? rule[1] : "not computed by the " + esc(d.engine()) + " engine")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">High means at or above the ").append(fmt(rc.path("top_percentile").asDouble()))
                .append("th percentile and at least ").append(fmt(rc.path("min_z").asDouble())).append(" standard deviations above the mean.</p>\n")
                .append(Html.approximate(d, "roles"));
    }

    /** Thresholds are +Infinity when nobody could be high; JSON writes that as null. */
    private static String threshold(JsonNode thresholds, String name) {
        JsonNode v = thresholds.get(name);
        return num(v == null || v.isNull() ? Double.POSITIVE_INFINITY : v.asDouble());
    }
}
