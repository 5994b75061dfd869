// Load statement 1 of 3 (run by `chorus neo4j load` once per batch): users.
// Answers: nothing; creates or updates one (:User) per row. Idempotent: MERGE on the unique id, then SET of
// absolute values, so a batch that is retried or loaded again leaves the same graph.
// Parameters: $rows: list of maps {id: STRING, properties: MAP} where properties holds `load_order` (the
//   user's position of first appearance in the input, so that `neo4j analyze` rebuilds the graph in the
//   embedded engine's order) and the node attributes of graph formats (GML/GraphML), except `id`.
// Returns: nothing.
UNWIND $rows AS row
MERGE (u:User {id: row.id})
SET u += row.properties;
