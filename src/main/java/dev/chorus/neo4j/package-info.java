/**
 * The Neo4j backend over {@code neo4j-java-driver}: batched resumable loads, reading a graph back, GDS or embedded
 * analysis with write-back, and parameterised Cypher queries.
 */
package dev.chorus.neo4j;
