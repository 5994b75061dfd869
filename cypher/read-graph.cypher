// Reads the graph back for `chorus neo4j analyze` (three statements, run in order).
// Answers: statement 1: is the stored graph directed (null when it was not loaded by Chorus);
//   statement 2: every user, in load order (so that the embedded engine numbers nodes as it did when it
//   read the input, and seeded algorithms give the same results); statement 3: every interaction.
// Parameters: none.
// Columns: 1: directed (BOOLEAN or null); 2: id (STRING); 3: source, target (STRING), properties (MAP:
//   weight, per-type counts, first_time, last_time).
OPTIONAL MATCH (g:ChorusGraph {id: 'graph'})
RETURN g.directed AS directed;

MATCH (u:User)
RETURN u.id AS id
ORDER BY u.load_order, u.id;

MATCH (s:User)-[e:INTERACTED]->(t:User)
RETURN s.id AS source, t.id AS target, properties(e) AS properties;
