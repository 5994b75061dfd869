package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A bad number of writers is a usage error (exit 2, one line naming the option), found before connecting. */
class Neo4jUsageTest {
    @Test
    void writersBelowOneAreRefusedBeforeConnecting() {
        // port 1: nothing listens there, so reaching the server would be exit 4, not 2
        String[] io = Neo4jResumeTest.run("neo4j", "load", Neo4jLoadTest.FOOTBALL, "--uri", "bolt://127.0.0.1:1", "--writers", "0", "-q");
        assertEquals("2", io[0], io[2]);
        assertTrue(io[2].contains("--writers must be between 1 and 64, got 0"), io[2]);
        assertEquals(1, io[2].strip().lines().count(), io[2]);
    }
}
