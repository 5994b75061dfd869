// Load progress (run by `chorus neo4j load`): the (:ChorusLoad {id: 'load'}) node says which batches of the
// running load are in the database. It is written in the same transaction as each batch, so it is exact
// after any crash: `--resume` goes on after it, and a transaction that the driver retries because the
// acknowledgement of its commit was lost is recognised and not written twice (which matters for CREATE,
// see load-interactions.cypher). The --checkpoint file is a copy of it. Deleted when the load completes.
// Statements (the loader runs them one at a time, by position):
// 1. read: Columns: load (MAP or null: the node's properties).
// 2. start a load: Parameters: $properties: MAP {input: STRING, directed: BOOLEAN, nodes, edges: INTEGER,
//    weight_sum: FLOAT, batch_size, total_batches, committed_batches: INTEGER, create_interactions: BOOLEAN}.
// 3. a batch committed, in its transaction: Parameters: $committed (INTEGER: batches now in the database).
// 4. the load completed (with load-graph.cypher, in one transaction).
// Returns: nothing, except statement 1.
OPTIONAL MATCH (l:ChorusLoad {id: 'load'})
RETURN properties(l) AS load;

MERGE (l:ChorusLoad {id: 'load'})
SET l = $properties, l.id = 'load';

MATCH (l:ChorusLoad {id: 'load'})
SET l.committed_batches = $committed;

MATCH (l:ChorusLoad {id: 'load'})
DELETE l;
