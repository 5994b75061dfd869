// Load statement 2 of 3 (run by `chorus neo4j load` once per batch, after all users): interactions.
// Answers: nothing; one (:User)-[:INTERACTED]->(:User) per interacting pair, already aggregated by the
// embedded engine (weights summed per pair, counts per type). The loader runs one of the two statements:
// 1. MERGE, for any database: SET e = ... replaces the properties with the absolute values, so retrying or
//    reloading a batch never adds a weight twice.
// 2. CREATE, when the database held no :User node as the load started (a first load): no pair can
//    exist yet, so the per-pair Expand(Into) + LockingMerge of MERGE is wasted work (CREATE took
//    about a quarter less time in the benchmark). It is not idempotent by itself; the loader runs each
//    batch exactly once by updating load-progress.cypher's marker in the same transaction.
// Users are found by the element ids that load-users.cypher returned (an id seek, cheaper than the
// :User(id) index seek); element ids are only meaningful in this database while those users exist, so do
// not delete users during a load.
// Parameters: $rows: list of maps {source: STRING, target: STRING (element ids), properties: MAP} with
//   `weight` (FLOAT), one INTEGER count per interaction type present (`retweet`, `mention`, `reply`, ...),
//   and `first_time` / `last_time` (INTEGER epoch seconds) when the input has times.
// Columns: pairs (INTEGER: rows written; fewer than size($rows) only if a user was deleted meanwhile).
UNWIND $rows AS row
MATCH (s:User) WHERE elementId(s) = row.source
MATCH (t:User) WHERE elementId(t) = row.target
MERGE (s)-[e:INTERACTED]->(t)
SET e = row.properties
RETURN count(e) AS pairs;

UNWIND $rows AS row
MATCH (s:User) WHERE elementId(s) = row.source
MATCH (t:User) WHERE elementId(t) = row.target
CREATE (s)-[e:INTERACTED]->(t)
SET e = row.properties
RETURN count(e) AS pairs;
