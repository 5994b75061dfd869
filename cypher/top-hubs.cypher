// Top hubs: who receives the most interaction weight, and do they answer? Soloists (hub influencers) have a
// large in_weight and low reciprocity; engaged hubs answer a large share of the people who act on them.
// Parameters: $k (INTEGER): how many hubs.
// Columns: id (STRING), in_weight (FLOAT: interaction weight received), interactors (INTEGER: distinct users
//   who acted on them), acts_on (INTEGER: distinct users they acted on), reciprocity (FLOAT in [0,1]: share of
//   interactors they acted on in return), pagerank, kcore (from `chorus neo4j analyze --write`, else null).
// Self-interactions are left out. For undirected graphs "in" follows the stored pair order only.
MATCH (f:User)-[i:INTERACTED]->(u:User)
WHERE f <> u
WITH u, sum(i.weight) AS in_weight, count(DISTINCT f) AS interactors
ORDER BY in_weight DESC, u.id
LIMIT toInteger($k)
RETURN u.id AS id,
       in_weight,
       interactors,
       COUNT { (u)-[:INTERACTED]->(x:User) WHERE x <> u } AS acts_on,
       toFloat(COUNT { (f:User)-[:INTERACTED]->(u)-[:INTERACTED]->(f) WHERE f <> u }) / interactors AS reciprocity,
       u.pagerank AS pagerank,
       u.kcore AS kcore
ORDER BY in_weight DESC, id;
