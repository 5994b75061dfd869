/**
 * {@code report.html}: {@link dev.chorus.output.html.ReportHtml} assembles the page from one class per section, drawn
 * as inline SVG ({@code Svg}) from what a run left on disk ({@link dev.chorus.output.ReportData}).
 */
package dev.chorus.output.html;
