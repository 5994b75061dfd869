/**
 * Every file format Chorus writes or reads back: {@code nodes.csv}, {@code clusters.csv}, {@code report.json},
 * {@code graph.gexf}, what {@code report.html} is rendered from ({@code ReportData}; the page itself is in
 * {@code output.html}), and the one CSV writer and JSON configuration they share.
 */
package dev.chorus.output;
