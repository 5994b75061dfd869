// Load progress (run by `chorus neo4j load`): which batches of the running load are in the database.
// (:ChorusLoad {id: 'load'}) says what the load is (its input, size, batch size and number of writers) and
// one (:ChorusLoadWriter {writer: k}) per writer counts the batches writer k committed, in its own order (see
// LoadSchedule: writers work on disjoint users at any time). Each writer's node is written in the same
// transaction as each of its batches, so it is exact after any crash: `--resume` goes on after it, and a
// transaction the driver retries because the acknowledgement of its commit was lost is recognised and not
// written twice (which matters for CREATE, see load-interactions.cypher). One node per writer, not one shared
// node, so that writers never wait for each other's lock on it. The --checkpoint file is a copy. Deleted when
// the load completes.
// Statements (the loader runs them one at a time, by position):
// 1. read: Columns: load (MAP or null: the load's properties), committed (LIST<INTEGER>: batches committed
//    by writer 0, 1, ...).
// 2. read one writer's count, in its batch's transaction: Parameters: $writer (INTEGER).
//    Columns: committed (INTEGER, or no row if the node is gone).
// 3. start a load: Parameters: $properties: MAP {input: STRING, directed: BOOLEAN, nodes, edges: INTEGER,
//    weight_sum: FLOAT, fingerprint (INTEGER: hash of the graph), batch_size, writers, total_batches: INTEGER,
//    first_load: BOOLEAN}.
// 4. a batch committed, in its transaction: Parameters: $writer, $committed (INTEGER: the writer's batches
//    now in the database).
// 5. the load completed (with load-graph.cypher, in one transaction).
// Returns: nothing, except statements 1 and 2.
OPTIONAL MATCH (l:ChorusLoad {id: 'load'})
OPTIONAL MATCH (w:ChorusLoadWriter)
WITH l, w ORDER BY w.writer
RETURN properties(l) AS load, collect(w.committed_batches) AS committed;

MATCH (w:ChorusLoadWriter {writer: $writer})
RETURN w.committed_batches AS committed;

MERGE (l:ChorusLoad {id: 'load'})
SET l = $properties, l.id = 'load'
WITH l
OPTIONAL MATCH (old:ChorusLoadWriter)
DETACH DELETE old
WITH DISTINCT l
UNWIND range(0, l.writers - 1) AS k
CREATE (:ChorusLoadWriter {writer: k, committed_batches: 0});

MATCH (w:ChorusLoadWriter {writer: $writer})
SET w.committed_batches = $committed;

OPTIONAL MATCH (l:ChorusLoad {id: 'load'})
OPTIONAL MATCH (w:ChorusLoadWriter)
DETACH DELETE l, w;
