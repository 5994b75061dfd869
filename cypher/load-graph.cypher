// Load statement 3 of 3 (run by `chorus neo4j load` at the end): what was loaded, on one (:ChorusGraph) node.
// Answers: nothing; records whether the graph is directed (`neo4j analyze` reads it back that way), its size
// and the input's row accounting.
// Parameters: $properties: MAP {directed: BOOLEAN, input: STRING, nodes: INTEGER, edges: INTEGER,
//   weight_sum: FLOAT, types: LIST<STRING>, rows_read, rows_loaded, rows_rejected: INTEGER}.
// Returns: nothing.
MERGE (g:ChorusGraph {id: 'graph'})
SET g = $properties, g.id = 'graph';
