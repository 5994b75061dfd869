// Schema for Chorus graphs in Neo4j. Run once before loading (`chorus neo4j load` runs it itself).
// Answers: nothing; it makes MERGE on :User(id) an index lookup instead of a label scan, keeps ids unique,
// and indexes what the analysis queries filter and sort on.
// Parameters: none.
// Model (../shared/cli-contract.md): every user is a (:User {id}) node, isolated users included; every
// interacting pair is one (:User)-[:INTERACTED]->(:User) relationship, source -> target ("source acted on
// target's content"), carrying `weight` (summed row weights) and one count per interaction type present
// (`retweet`, `mention`, `reply`, `quote`, `comment`, `like`, `message`, `follow`), plus `first_time` /
// `last_time` (epoch seconds) when the input has times. Undirected inputs store each pair once.
// `chorus neo4j analyze --write` adds User properties named as nodes.csv columns and (:Cluster) nodes.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (c:Cluster) REQUIRE c.id IS UNIQUE;
CREATE INDEX user_community IF NOT EXISTS FOR (u:User) ON (u.community);
CREATE INDEX interacted_weight IF NOT EXISTS FOR ()-[e:INTERACTED]-() ON (e.weight);
