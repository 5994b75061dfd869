package dev.chorus.analysis;

/**
 * A tie inside a drawn passionate cluster, on the undirected view: member positions {@code a < b} in the
 * cluster's {@code members} list and the pair's summed weight. {@code report.json} carries these for the clusters
 * the report draws, so that a report rendered from the files alone can draw them.
 */
public record MemberEdge(int a, int b, double weight) {
}
