// Reads the interactions of chosen layers for `chorus neo4j analyze --layer` (replaces statement 3 of
// read-graph.cypher; the users come from its statement 2).
// Answers: every stored interaction with its per-type counts of the chosen types, so that each pair can be
//   weighted by the rows of those layers only (what a file holding only those rows gives when each row weighs
//   1), and whether the pair holds any per-type count at all (input without types cannot be split in layers).
// Parameters: $layers (LIST OF STRING: per-type count property names to read, e.g. ['retweet', 'reply']),
//   $all_types (LIST OF STRING: every per-type count property name Chorus writes).
// Columns: source, target (STRING), counts (LIST OF INTEGER, parallel to $layers), typed (BOOLEAN).
MATCH (s:User)-[e:INTERACTED]->(t:User)
RETURN s.id AS source, t.id AS target, [k IN $layers | coalesce(e[k], 0)] AS counts,
       any(k IN $all_types WHERE e[k] IS NOT NULL) AS typed;
