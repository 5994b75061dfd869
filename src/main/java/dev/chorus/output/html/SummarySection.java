package dev.chorus.output.html;

import static dev.chorus.output.html.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.output.ReportData;

/** The summary in words: the sentences of {@code report.json}, one paragraph each. */
final class SummarySection implements Section {
    @Override
    public void write(ReportData d, StringBuilder h) {
        h.append("<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n");
        for (JsonNode sentence : d.report().path("summary")) h.append("<p>").append(esc(sentence.asText())).append("</p>\n");
        h.append("</section>\n");
    }
}
