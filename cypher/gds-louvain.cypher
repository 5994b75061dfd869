// Louvain communities inside Neo4j with GDS 2.x, on the undirected weighted view that Chorus's embedded
// Louvain uses: one edge per pair of users, weight = weights of both directions summed, self-interactions
// left out, isolated users kept. Run by `chorus neo4j analyze --engine gds --communities louvain`.
// Parameters: $graph (STRING): name of the projection (replaced if it exists, left in memory afterwards);
//   $k (INTEGER): how many users to return.
// Columns: id (STRING), community (INTEGER: GDS community id, not renumbered).
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN count(graphName) AS dropped;

MATCH (s:User)
OPTIONAL MATCH (s)-[e:INTERACTED]-(t:User)
WHERE elementId(s) < elementId(t)
WITH s, t, sum(e.weight) AS weight
WITH gds.graph.project($graph, s, t, {relationshipProperties: {weight: weight}}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships;

CALL gds.louvain.stream($graph, {relationshipWeightProperty: 'weight', concurrency: 1})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId AS community
ORDER BY community, id
LIMIT toInteger($k);
