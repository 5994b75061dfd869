package dev.chorus.ingest;

import java.util.Map;

/** Receives what a reader parsed. The graph builder and the Neo4j loader are sinks; readers know neither. */
public interface InteractionSink {
    /** A valid row. The instance is reused by the reader: copy what you keep. */
    void interaction(Interaction row);

    /**
     * A node declared by a graph format (GML, GraphML), so that isolated nodes and node attributes survive.
     * Called before any interaction that mentions it.
     */
    default void node(String id, Map<String, String> attributes) {
    }

    /** The input declared itself directed or undirected (graph formats do). */
    default void declaredDirected(boolean directed) {
    }
}
