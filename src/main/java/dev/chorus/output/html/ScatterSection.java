package dev.chorus.output.html;

import dev.chorus.output.NodeColumns;
import dev.chorus.output.ReportData;
import dev.chorus.roles.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** PageRank (log) against coreness, one dot per person drawn, coloured by role ({@code chart-scatter}). */
final class ScatterSection implements Section {
    /** Points drawn at most: holders of the rarer roles first, then an even sample of the rest. */
    static final int MAX_POINTS = 4000;

    @Override
    public void write(ReportData d, StringBuilder h) {
        h.append("<p>PageRank (reach through people who are themselves reached) against coreness (how deep in the dense core a person "
                + "sits). Hubs high on the left are reach without a core: Kitsak et al. (2010) found coreness, not degree, predicts spreading.</p>\n");
        if (!d.report().hasNonNull("roles")) h.append(Html.notComputed(d)).append("roles, so every point is grey.</p>\n");
        h.append(chart(d.nodes()));
    }

    static String chart(NodeColumns nodes) {
        int w = 640;
        int hgt = 420;
        Svg s = new Svg("chart-scatter", w, hgt, "PageRank against coreness, coloured by role");
        double[] pr = nodes.pagerank();
        double[] core = nodes.kcore();
        int[] mask = nodes.roles();
        int n = pr.length;
        // the rarer roles all (up to the budget), then an even sample of engagers and people without a role
        int rare = Role.HUB.bit() | Role.PERIPHERY_HUB.bit() | Role.BRIDGE.bit() | Role.BROADCASTER.bit() | Role.CLUSTER_CORE.bit()
                | Role.RING_MEMBER.bit();
        List<Integer> points = new ArrayList<>();
        for (int u = 0; u < n && points.size() < MAX_POINTS * 3 / 4; u++) if ((mask[u] & rare) != 0) points.add(u);
        int others = 0;
        for (int u = 0; u < n; u++) if ((mask[u] & rare) == 0) others++;
        int room = MAX_POINTS - points.size();
        if (others > 0 && room > 0) {
            int step = Math.max(1, (int) Math.ceil((double) others / room));
            int seen = 0;
            for (int u = 0; u < n; u++) {
                if ((mask[u] & rare) != 0) continue;
                if (seen++ % step == 0) points.add(u);
            }
        }
        double prMin = Double.POSITIVE_INFINITY;
        double prMax = 0;
        double coreMax = 1;
        for (int u = 0; u < n; u++) {
            if (pr[u] > 0) prMin = Math.min(prMin, pr[u]);
            prMax = Math.max(prMax, pr[u]);
            coreMax = Math.max(coreMax, core[u]);
        }
        if (!(prMin < prMax)) {
            prMin = prMax > 0 ? prMax / 10 : 1e-6;
            prMax = prMax > 0 ? prMax * 10 : 1;
        }
        Axis x = Axis.linear(0, coreMax, 70, w - 130);
        Axis y = Axis.log(prMin, prMax, hgt - 50, 20);
        s.frame(x, y, "coreness (k-core)", "PageRank");
        // unlabelled points first, so that role holders are drawn on top
        points.sort(Comparator.comparingInt(u -> mask[u] == 0 ? 0 : 1));
        for (int u : points) {
            List<String> labels = nodes.labels(u);
            String role = RoleColours.mainRole(labels);
            double px = x.at(core[u]);
            double py = y.at(Math.max(pr[u], prMin));
            s.circle(px, py, role.equals("none") ? 2 : 3.5, RoleColours.COLOURS.get(role),
                    nodes.ids().id(u) + " (" + (role.equals("none") ? "no role" : String.join(", ", labels)) + ")");
        }
        int i = 0;
        for (Map.Entry<String, String> e : RoleColours.COLOURS.entrySet()) {
            s.circle(w - 115, 30 + 18 * i, 5, e.getValue(), null).text(w - 105, 34 + 18 * i, e.getKey(), "start", 12);
            i++;
        }
        return s.end();
    }
}
