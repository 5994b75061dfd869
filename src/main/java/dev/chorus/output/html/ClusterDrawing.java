package dev.chorus.output.html;

import static dev.chorus.output.html.Html.num;
import static dev.chorus.output.html.Html.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.NodeColumns;
import dev.chorus.output.ReportJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code chart-clusters}: the first {@link ReportJson#DRAWN_CLUSTERS} passionate clusters of {@code report.json},
 * each in its own panel, laid out by {@link ClusterLayout} from the member ties the report carries ({@code edges});
 * dots sized by tie strength and coloured by role, the core (or every member of a small cluster) named. A cluster
 * without ties (a report.json written before they were) is drawn without them and the page says so.
 */
final class ClusterDrawing {
    private static final int COLUMNS = 3;
    private static final int PANEL = 300;

    private ClusterDrawing() {
    }

    /** @param seed the run's seed; cluster {@code c} is laid out with {@code seed + c} */
    static String svg(JsonNode passionate, NodeColumns nodes, long seed) {
        int drawn = Math.min(ReportJson.DRAWN_CLUSTERS, passionate.size());
        int rows = Math.max(1, (drawn + COLUMNS - 1) / COLUMNS);
        Svg s = new Svg("chart-clusters", COLUMNS * PANEL, rows * PANEL, "Drawings of the top choirs");
        if (drawn == 0) {
            s.text(COLUMNS * PANEL / 2.0, PANEL / 2.0, "No choirs to draw", "middle", 14);
            return s.end();
        }
        boolean tiesMissing = false;
        for (int i = 0; i < drawn; i++) {
            JsonNode p = passionate.get(i);
            int cluster = p.path("cluster").asInt();
            double ox = (i % COLUMNS) * PANEL;
            double oy = (i / COLUMNS) * PANEL;
            s.rect(ox + 4, oy + 4, PANEL - 8, PANEL - 8, "#fafafa", null);
            s.text(ox + PANEL / 2.0, oy + 22, "#" + p.path("rank").asInt() + ": cluster " + cluster + ", " + p.path("cohesion").path("size").asInt()
                    + " members, score " + num(value(p.get("score"))), "middle", 12);
            List<String> members = Html.strings(p.path("members"));
            int m = members.size();
            List<int[]> edges = new ArrayList<>();
            double[] strength = new double[m];
            tiesMissing |= !p.has("edges");
            for (JsonNode e : p.path("edges")) {
                int a = e.get(0).asInt();
                int b = e.get(1).asInt();
                strength[a] += e.get(2).asDouble();
                strength[b] += e.get(2).asDouble();
                edges.add(new int[] {a, b});
            }
            double[][] pos = ClusterLayout.layout(m, edges, seed + cluster);
            double inner = PANEL - 70;
            for (int[] e : edges) {
                s.line(ox + 35 + pos[e[0]][0] * inner, oy + 40 + pos[e[0]][1] * inner, ox + 35 + pos[e[1]][0] * inner,
                        oy + 40 + pos[e[1]][1] * inner, "#999", 0.8);
            }
            double maxStrength = Arrays.stream(strength).max().orElse(1);
            Set<String> core = new HashSet<>(Html.strings(p.path("core")));
            for (int j = 0; j < m; j++) {
                String id = members.get(j);
                double cx = ox + 35 + pos[j][0] * inner;
                double cy = oy + 40 + pos[j][1] * inner;
                int u = nodes.ids().index(id);
                String role = u < 0 ? "none" : RoleColours.mainRole(nodes.labels(u));
                s.circle(cx, cy, 3 + 5 * (maxStrength > 0 ? strength[j] / maxStrength : 0), RoleColours.COLOURS.get(role), id);
                if (core.contains(id) || m <= 12) s.text(cx, cy - 9, shorten(id), "middle", 10);
            }
        }
        String svg = s.end();
        return tiesMissing ? svg + "<p class=\"note\">report.json carries no member ties for these clusters: drawn without ties.</p>\n" : svg;
    }

    private static String shorten(String id) {
        return id.length() <= 16 ? id : id.substring(0, 15) + "\u2026";
    }
}
