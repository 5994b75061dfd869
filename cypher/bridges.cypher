// Bridges between two clusters: the pairs of users, one in each community, who interact across the boundary;
// the people a message has to pass through to get from one choir to the other. Needs `community` from
// `chorus neo4j analyze --write`.
// Parameters: $a, $b (INTEGER): the two communities; $k (INTEGER): how many pairs.
// Columns: user_a (STRING, in community $a), user_b (STRING, in community $b), weight (FLOAT: interaction
//   weight between them, both directions), a_to_b, b_to_a (FLOAT: weight per direction), reciprocal (BOOLEAN).
MATCH (x:User {community: toInteger($a)})-[e:INTERACTED]-(y:User {community: toInteger($b)})
WITH x, y,
     sum(CASE WHEN startNode(e) = x THEN e.weight ELSE 0.0 END) AS a_to_b,
     sum(CASE WHEN startNode(e) = y THEN e.weight ELSE 0.0 END) AS b_to_a
RETURN x.id AS user_a, y.id AS user_b, a_to_b + b_to_a AS weight, a_to_b, b_to_a, a_to_b > 0 AND b_to_a > 0 AS reciprocal
ORDER BY weight DESC, user_a, user_b
LIMIT toInteger($k);
