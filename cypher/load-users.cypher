// Load statement 1 of 3 (run by `chorus neo4j load` once per batch): users.
// Answers: statement 1 creates or updates one (:User) per row. The loader runs one of the first two:
// 1. MERGE, for any database: MERGE on the unique id, then SET of absolute values, so a batch that is
//    retried or loaded again leaves the same graph.
// 2. CREATE, when the database held no :User node as the load started (a first load): no user can exist
//    yet, so the index seek of MERGE before each insert is wasted work. Not idempotent by itself (the
//    user_id constraint would reject a second copy); the loader runs each batch exactly once, see
//    load-progress.cypher.
// Statement 3 only reads: the users of a batch already in the database (skipped by `--resume`, or committed
// by an attempt whose acknowledgement was lost).
// All three return each row's element id, in row order: load-interactions.cypher finds users by it. The
// loader sends users in id order, not input order: neighbouring inserts then land on the same pages of the
// :User(id) index (1.3-1.5x faster on the Higgs ids than input order, measured in the README).
// Parameters: $rows: list of maps {id: STRING, properties: MAP} where properties holds `load_order` (the
//   user's position of first appearance in the input, so that `neo4j analyze` rebuilds the graph in the
//   embedded engine's order) and the node attributes of graph formats (GML/GraphML), except `id`.
// Columns: element_id (STRING: elementId of the user, valid in this database while the user exists).
UNWIND $rows AS row
MERGE (u:User {id: row.id})
SET u += row.properties
RETURN elementId(u) AS element_id;

UNWIND $rows AS row
CREATE (u:User {id: row.id})
SET u += row.properties
RETURN elementId(u) AS element_id;

UNWIND $rows AS row
MATCH (u:User {id: row.id})
RETURN elementId(u) AS element_id;
