// Write-back of clusters (run by `chorus neo4j analyze --write`), three statements in order.
// Answers: nothing; replaces the (:Cluster) nodes of an earlier analysis by one per community, carrying the
// clusters.csv cohesion columns (`size`, `internal_edges`, `internal_weight`, `density`, `reciprocity`,
// `conductance`, `avg_clustering`, ...) and `core` (ids of the most engaged members), and links each user
// with (:User)-[:MEMBER_OF]->(:Cluster).
// Parameters: statement 1: $batch (INTEGER, rows per inner transaction);
//   statement 2: $rows: list of {id: INTEGER community, properties: MAP};
//   statement 3: $rows: list of {id: STRING user id, community: INTEGER}.
// Returns: nothing.
MATCH (c:Cluster) CALL { WITH c DETACH DELETE c } IN TRANSACTIONS OF $batch ROWS;

UNWIND $rows AS row
MERGE (c:Cluster {id: row.id})
SET c = row.properties, c.id = row.id;

UNWIND $rows AS row
MATCH (u:User {id: row.id})
MATCH (c:Cluster {id: row.community})
MERGE (u)-[:MEMBER_OF]->(c);
