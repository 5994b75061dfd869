package dev.chorus.output.html;

import dev.chorus.output.ReportData;

/**
 * One part of {@code report.html}: it appends its HTML, rendered from what a run left on disk. {@link ReportHtml}
 * lists the sections in page order; a new part of the page is a new class and one line in that list. A part the
 * run did not compute (absent from {@code report.json}) says so in one line ({@link Html#notComputed}), never shows a
 * made-up value.
 */
interface Section {
    void write(ReportData d, StringBuilder h);
}
