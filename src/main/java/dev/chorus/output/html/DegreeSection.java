package dev.chorus.output.html;

import dev.chorus.output.NodeColumns;
import dev.chorus.output.ReportData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opens "Who is connected how" ({@link ScatterSection} continues it): the distributions of weighted in- and
 * out-degree on log-log axes ({@code chart-degree}), the fraction of people per value (values &gt;= 1).
 */
final class DegreeSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        h.append("<h2>Who is connected how</h2>\n");
        h.append("<p>Degree distributions: how many people received (in) or gave (out) a given amount of interaction. A straight, "
                + "falling line on these log-log axes is a heavy tail: a few people receive most of the attention.</p>\n");
        h.append(chart(d.nodes()));
    }

    static String chart(NodeColumns nodes) {
        int w = 640;
        int hgt = 400;
        Svg s = new Svg("chart-degree", w, hgt, "Degree distribution, log-log");
        int n = nodes.size();
        List<TreeMap<Long, Integer>> series = List.of(histogram(nodes.in()), histogram(nodes.out()));
        double xMax = 1;
        double yMin = 1;
        for (TreeMap<Long, Integer> m : series) {
            if (!m.isEmpty()) xMax = Math.max(xMax, m.lastKey());
            for (int c : m.values()) yMin = Math.min(yMin, (double) c / Math.max(1, n));
        }
        Axis x = Axis.log(1, Math.max(10, xMax), 70, w - 20);
        Axis y = Axis.log(Math.min(yMin, 0.1), 1, hgt - 50, 20);
        s.frame(x, y, "interaction weight (received: in, given: out)", "fraction of people");
        String[] colours = {"#d62728", "#1f77b4"};
        String[] names = {"in (received)", "out (given)"};
        for (int i = 0; i < 2; i++) {
            for (Map.Entry<Long, Integer> e : series.get(i).entrySet()) {
                double frac = (double) e.getValue() / n;
                s.circle(x.at(e.getKey()), y.at(frac), 2.5, colours[i], names[i] + ": " + e.getKey() + " -> " + e.getValue() + " people");
            }
            s.circle(w - 150, 30 + 18 * i, 5, colours[i], null).text(w - 140, 34 + 18 * i, names[i], "start", 12);
        }
        return s.end();
    }

    /** Counts of rounded positive values. */
    private static TreeMap<Long, Integer> histogram(double[] values) {
        TreeMap<Long, Integer> m = new TreeMap<>();
        for (double v : values) {
            long k = Math.round(v);
            if (k >= 1) m.merge(k, 1, Integer::sum);
        }
        return m;
    }
}
