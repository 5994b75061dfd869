// Schema for Chorus graphs in Neo4j (contract: every user is a :User node with property `id`, the original id).
// Answers: nothing; run once before loading so that MERGE on :User(id) is an index lookup, not a scan.
// Parameters: none.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
