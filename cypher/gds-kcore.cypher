// k-core decomposition (coreness) inside Neo4j with GDS 2.x, on the undirected simple view (one edge per
// interacting pair, self-interactions left out), as Chorus's `centrality --algo kcore` defines it. Run by
// `chorus neo4j analyze --engine gds`.
// Parameters: $graph (STRING): name of the projection (replaced if it exists, left in memory afterwards);
//   $k (INTEGER): how many users to return.
// Columns: id (STRING), kcore (INTEGER: the largest k such that the user is in the k-core).
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN count(graphName) AS dropped;

MATCH (s:User)
OPTIONAL MATCH (s)-[e:INTERACTED]-(t:User)
WHERE elementId(s) < elementId(t)
WITH s, t, sum(e.weight) AS weight
WITH gds.graph.project($graph, s, t, {relationshipProperties: {weight: weight}}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships;

CALL gds.kcore.stream($graph)
YIELD nodeId, coreValue
RETURN gds.util.asNode(nodeId).id AS id, coreValue AS kcore
ORDER BY kcore DESC, id
LIMIT toInteger($k);
