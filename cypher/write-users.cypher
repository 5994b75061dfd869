// Write-back of per-user results (run by `chorus neo4j analyze --write` once per batch).
// Answers: nothing; sets one property per nodes.csv column (`pagerank`, `kcore`, `community`, `roles`, ...)
// on each (:User). Idempotent: absolute values; a null value removes a stale property.
// Parameters: $rows: list of maps {id: STRING, properties: MAP of column name -> FLOAT | INTEGER | STRING | null}.
// Returns: nothing.
UNWIND $rows AS row
MATCH (u:User {id: row.id})
SET u += row.properties;
