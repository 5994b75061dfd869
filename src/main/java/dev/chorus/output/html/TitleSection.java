package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;
import java.util.Locale;

/** The heading: the input, its format and the row accounting (read = loaded + rejected), and the engine if not embedded. */
final class TitleSection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        JsonNode j = d.report();
        JsonNode rows = j.at("/input/rows");
        h.append("<h1>Chorus report</h1>\n<p class=\"note\">Input <code>").append(esc(j.at("/input/path").asText())).append("</code> (")
                .append(esc(j.at("/input/format").asText())).append("): ").append(String.format(Locale.ROOT, "%,d rows read = %,d loaded + %,d rejected",
                        rows.path("read").asLong(), rows.path("loaded").asLong(), rows.path("rejected").asLong())).append(".</p>\n");
        if (!d.engine().equals("embedded")) {
            h.append("<p class=\"note\">Computed by the ").append(esc(d.engine())).append(" engine.</p>\n");
        }
    }
}
