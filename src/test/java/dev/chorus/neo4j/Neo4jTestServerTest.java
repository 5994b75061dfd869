package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/** The shared harness answers over Bolt through the driver Chorus ships, and GDS runs inside it. */
class Neo4jTestServerTest {
    @Test
    void boltAndGdsAnswer() {
        Neo4jTestServer.clear();
        try (Driver driver = GraphDatabase.driver(Neo4jTestServer.boltUri(), AuthTokens.none());
             Session s = driver.session()) {
            assertEquals("2.13.9", s.run("RETURN gds.version() AS v").single().get("v").asString());
            s.run("UNWIND range(1, 4) AS i CREATE (:User {id: toString(i)})").consume();
            s.run("MATCH (a:User {id:'1'}), (b:User) WHERE b.id <> '1' CREATE (b)-[:INTERACTED {weight: 1.0}]->(a)").consume();
            s.run("CALL gds.graph.project('t', 'User', 'INTERACTED')").consume();
            // Star with 3 leaves pointing at the centre: the centre's degree centrality (in-orientation) is 3.
            double centre = s.run("CALL gds.degree.stream('t', {orientation: 'REVERSE'}) YIELD nodeId, score "
                            + "WITH gds.util.asNode(nodeId) AS n, score WHERE n.id = $id RETURN score",
                    Map.of("id", "1")).single().get("score").asDouble();
            assertEquals(3.0, centre, 0.0);
        }
        assertTrue(Neo4jTestServer.gdsClassCount() > 10, "GDS procedure classes registered");
        Neo4jTestServer.clear();
    }
}
