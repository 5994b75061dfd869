package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;

import java.util.Locale;

/**
 * A minimal SVG builder for the report's charts: inline SVG written from Java, so the report needs no script
 * and no network to be read. Every text that may come from the input goes through {@link Html#esc(String)}.
 */
final class Svg {
    final StringBuilder b = new StringBuilder(1 << 14);

    Svg(String id, int width, int height, String label) {
        b.append("<svg id=\"").append(esc(id)).append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(esc(label)).append("\">\n");
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        b.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(f(width)).append("\"/>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String title) {
        b.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy)).append("\" r=\"").append(f(r))
                .append("\" fill=\"").append(fill).append('"');
        if (title == null) {
            b.append("/>\n");
        } else {
            b.append("><title>").append(esc(title)).append("</title></circle>\n");
        }
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String title) {
        b.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                .append("\" height=\"").append(f(h)).append("\" fill=\"").append(fill).append('"');
        if (title == null) {
            b.append("/>\n");
        } else {
            b.append("><title>").append(esc(title)).append("</title></rect>\n");
        }
        return this;
    }

    Svg text(double x, double y, String text, String anchor, int size) {
        b.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(size).append("\">").append(esc(text)).append("</text>\n");
        return this;
    }

    Svg rotatedText(double x, double y, String text, int size) {
        b.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"middle\" font-size=\"")
                .append(size).append("\" transform=\"rotate(-90 ").append(f(x)).append(' ').append(f(y)).append(")\">")
                .append(esc(text)).append("</text>\n");
        return this;
    }

    /** The axes of a chart: lines, ticks with their labels, and the axis titles (an empty x title is left out). */
    Svg frame(Axis x, Axis y, String xLabel, String yLabel) {
        line(x.lo(), y.lo(), x.hi(), y.lo(), "#333", 1).line(x.lo(), y.lo(), x.lo(), y.hi(), "#333", 1);
        for (double v : x.ticks()) line(x.at(v), y.lo(), x.at(v), y.lo() + 5, "#333", 1).text(x.at(v), y.lo() + 18, x.label(v), "middle", 11);
        for (double v : y.ticks()) line(x.lo() - 5, y.at(v), x.lo(), y.at(v), "#333", 1).text(x.lo() - 8, y.at(v) + 4, y.label(v), "end", 11);
        if (!xLabel.isEmpty()) text((x.lo() + x.hi()) / 2, y.lo() + 36, xLabel, "middle", 12);
        return rotatedText(16, (y.lo() + y.hi()) / 2, yLabel, 12);
    }

    String end() {
        return b.append("</svg>\n").toString();
    }
}
