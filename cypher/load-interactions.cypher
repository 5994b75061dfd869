// Load statement 2 of 3 (run by `chorus neo4j load` once per batch, after all users): interactions.
// Answers: nothing; one (:User)-[:INTERACTED]->(:User) per interacting pair, already aggregated by the
// embedded engine (weights summed per pair, counts per type). SET e = ... replaces the properties with the
// absolute values, so retrying or reloading a batch never adds a weight twice.
// Parameters: $rows: list of maps {source: STRING, target: STRING, properties: MAP} with `weight` (FLOAT),
//   one INTEGER count per interaction type present (`retweet`, `mention`, `reply`, ...), and `first_time` /
//   `last_time` (INTEGER epoch seconds) when the input has times.
// Returns: nothing.
UNWIND $rows AS row
MATCH (s:User {id: row.source})
MATCH (t:User {id: row.target})
MERGE (s)-[e:INTERACTED]->(t)
SET e = row.properties;
