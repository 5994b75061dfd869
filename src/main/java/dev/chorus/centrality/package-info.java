/**
 * Node scoring algorithms, each config -> compute -> {@code NodeScores}: degree, PageRank, k-core, betweenness, closeness,
 * harmonic, eigenvector, HITS, Katz, influence-passivity.
 */
package dev.chorus.centrality;
