/**
 * Readers per input format (SNAP, CSV/TSV, JSONL, GML, GraphML), format detection and row accounting: every row is
 * loaded or rejected with file, line and reason. Knows nothing of graphs; emits {@link dev.chorus.ingest.Interaction}s.
 */
package dev.chorus.ingest;
