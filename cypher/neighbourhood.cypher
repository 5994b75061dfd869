// A user's neighbourhood: everyone they interacted with, in either direction, strongest ties first.
// Parameters: $id (STRING; numbers are converted, so --param id=42 works): the user; $k (INTEGER): how many.
// Columns: neighbour (STRING), out_weight (FLOAT: weight of the user's actions on the neighbour), in_weight
//   (FLOAT: the neighbour's actions on the user), reciprocal (BOOLEAN), retweet, mention, reply (INTEGER:
//   interactions of that type in both directions; 0 when the input has no types), community, pagerank
//   (from `chorus neo4j analyze --write`, else null).
MATCH (u:User {id: toString($id)})-[e:INTERACTED]-(v:User)
WITH u, v,
     sum(CASE WHEN startNode(e) = u THEN e.weight ELSE 0.0 END) AS out_weight,
     sum(CASE WHEN endNode(e) = u THEN e.weight ELSE 0.0 END) AS in_weight,
     sum(coalesce(e.retweet, 0)) AS retweet,
     sum(coalesce(e.mention, 0)) AS mention,
     sum(coalesce(e.reply, 0)) AS reply
RETURN v.id AS neighbour, out_weight, in_weight, out_weight > 0 AND in_weight > 0 AS reciprocal,
       retweet, mention, reply, v.community AS community, v.pagerank AS pagerank
ORDER BY out_weight + in_weight DESC, neighbour
LIMIT toInteger($k);
