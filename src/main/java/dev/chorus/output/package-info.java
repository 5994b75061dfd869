/**
 * Every file format Chorus writes or reads back: {@code nodes.csv}, {@code clusters.csv}, {@code report.json},
 * {@code report.html} with its SVG charts, {@code graph.gexf}, and the one CSV writer and JSON configuration they share.
 */
package dev.chorus.output;
