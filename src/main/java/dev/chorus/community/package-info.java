/**
 * Community detection (Leiden, Louvain, label propagation, components) -> {@code Communities}, and what is measured on a
 * partition: modularity, triangles and local clustering, cohesion per community.
 */
package dev.chorus.community;
