// Load statement 1 of 3 (run by `chorus neo4j load` once per batch): users.
// Answers: statement 1 creates or updates one (:User) per row. Idempotent: MERGE on the unique id, then SET
// of absolute values, so a batch that is retried or loaded again leaves the same graph. Statement 2 only
// reads: the users of a batch that `--resume` skips because it is already in the database.
// Both return each row's element id, in row order: load-interactions.cypher finds users by it.
// Parameters: $rows: list of maps {id: STRING, properties: MAP} where properties holds `load_order` (the
//   user's position of first appearance in the input, so that `neo4j analyze` rebuilds the graph in the
//   embedded engine's order) and the node attributes of graph formats (GML/GraphML), except `id`.
// Columns: element_id (STRING: elementId of the user, valid in this database while the user exists).
UNWIND $rows AS row
MERGE (u:User {id: row.id})
SET u += row.properties
RETURN elementId(u) AS element_id;

UNWIND $rows AS row
MATCH (u:User {id: row.id})
RETURN elementId(u) AS element_id;
