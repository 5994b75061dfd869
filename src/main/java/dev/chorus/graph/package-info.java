/**
 * The in-memory graph engine: id dictionary, streaming builder and the immutable CSR {@link dev.chorus.graph.InteractionGraph}
 * (primitive arrays), plus the JGraphT adapter used for interop and cross-checks.
 */
package dev.chorus.graph;
