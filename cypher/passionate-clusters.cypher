// Passionate clusters (choirs): communities whose members interact densely and answer each other. Needs the
// `community` property written by `chorus neo4j analyze --write`.
// Ranked by passion = reciprocity * density: the share of possible member-to-member ties that exist and are
// answered; ties broken by internal weight.
// Parameters: $min_size (INTEGER): smallest community considered (e.g. 3); $k (INTEGER): how many clusters.
// Columns: community (INTEGER), size (INTEGER), internal_arcs (INTEGER: directed member-to-member ties),
//   internal_weight (FLOAT), reciprocity (FLOAT: share of internal ties answered by the reverse tie),
//   density (FLOAT: internal ties / size*(size-1)), passion (FLOAT), members (LIST<STRING>: up to 10 ids,
//   highest pagerank first).
MATCH (u:User)
WHERE u.community IS NOT NULL
WITH u.community AS community, count(*) AS size
WHERE size >= toInteger($min_size)
CALL {
  WITH community
  OPTIONAL MATCH (a:User {community: community})-[e:INTERACTED]->(b:User {community: community})
  WHERE a <> b
  RETURN count(e) AS internal_arcs,
         coalesce(sum(e.weight), 0.0) AS internal_weight,
         sum(CASE WHEN e IS NOT NULL AND EXISTS { (b)-[:INTERACTED]->(a) } THEN 1 ELSE 0 END) AS answered
}
CALL {
  WITH community
  MATCH (m:User {community: community})
  WITH m ORDER BY m.pagerank DESC, m.id LIMIT 10
  RETURN collect(m.id) AS members
}
WITH community, size, internal_arcs, internal_weight, members,
     CASE WHEN internal_arcs = 0 THEN 0.0 ELSE toFloat(answered) / internal_arcs END AS reciprocity,
     toFloat(internal_arcs) / (size * (size - 1)) AS density
RETURN community, size, internal_arcs, internal_weight, reciprocity, density, reciprocity * density AS passion, members
ORDER BY passion DESC, internal_weight DESC, community
LIMIT toInteger($k);
