// PageRank inside Neo4j with the Graph Data Science library (GDS 2.x), on a projection of all users and
// their weighted interactions. Run by `chorus neo4j analyze --engine gds`, and as is by data scientists.
// GDS scores are not normalized and GDS drops the mass of dangling users (no outgoing interaction); the
// `pagerank` column divides by the total, which gives exactly the PageRank that Chorus and NetworkX compute
// (dangling mass spread uniformly): both are the same linear system up to that factor.
// Parameters: $graph (STRING): name of the in-memory projection (replaced if it exists, left in memory
//   afterwards; drop it with CALL gds.graph.drop($graph)); $undirected (BOOLEAN): walk both directions
//   (undirected inputs); $damping (FLOAT, 0.85); $max_iterations (INTEGER, e.g. 1000); $tolerance (FLOAT,
//   e.g. 1e-10); $k (INTEGER): how many users to return.
// Columns: id (STRING), pagerank (FLOAT, all users sum to 1), gds_score (FLOAT, GDS's own scale).
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN count(graphName) AS dropped;

MATCH (s:User)
OPTIONAL MATCH (s)-[e:INTERACTED]->(t:User)
WITH gds.graph.project($graph, s, t, {relationshipProperties: {weight: e.weight}},
                       {undirectedRelationshipTypes: CASE WHEN $undirected THEN ['*'] ELSE [] END}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships;

// The total is a first pass over the same (deterministic) computation: collecting all rows to divide them
// afterwards would hold every row once per row in Cypher's memory accounting.
CALL gds.pageRank.stream($graph, {relationshipWeightProperty: 'weight', dampingFactor: toFloat($damping),
                                  maxIterations: toInteger($max_iterations), tolerance: toFloat($tolerance)})
YIELD score
WITH sum(score) AS total
CALL gds.pageRank.stream($graph, {relationshipWeightProperty: 'weight', dampingFactor: toFloat($damping),
                                  maxIterations: toInteger($max_iterations), tolerance: toFloat($tolerance)})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score / total AS pagerank, score AS gds_score
ORDER BY pagerank DESC, id
LIMIT toInteger($k);
