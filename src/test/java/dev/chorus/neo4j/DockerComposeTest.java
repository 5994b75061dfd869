package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked structurally: Docker does not run on the build machine, so this parses the
 * YAML and checks what README promises (Neo4j 5 Community, GDS plugin, auth from an env file that is not
 * committed, a data volume, a health check, Bolt on 7687). It cannot prove that the image starts.
 */
class DockerComposeTest {
    @Test
    void composeFileDeclaresNeo4jWithGdsAuthVolumeAndHealthCheck() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        JsonNode neo4j = root.get("services").get("neo4j");
        assertTrue(neo4j.get("image").asText().matches("neo4j:5\\.[0-9.]+-community"), neo4j.get("image").asText());
        assertTrue(neo4j.get("environment").get("NEO4J_PLUGINS").asText().contains("graph-data-science"));
        assertEquals("gds.*", neo4j.get("environment").get("NEO4J_dbms_security_procedures_unrestricted").asText());
        assertTrue(neo4j.get("environment").get("NEO4J_AUTH") == null, "the password must come from the env file, not the compose file");
        String envFile = neo4j.get("env_file").get(0).asText();
        assertTrue(Files.readAllLines(Path.of(".gitignore")).contains(envFile), envFile + " is git-ignored");
        assertTrue(Files.readString(Path.of(".env.neo4j.example")).startsWith("NEO4J_AUTH=neo4j/"));
        List<String> ports = new ArrayList<>();
        neo4j.get("ports").forEach(p -> ports.add(p.asText()));
        assertTrue(ports.contains("7687:7687"), ports.toString());
        String volume = neo4j.get("volumes").get(0).asText();
        assertTrue(volume.endsWith(":/data"), volume);
        assertTrue(root.get("volumes").has(volume.substring(0, volume.indexOf(':'))), "named volume declared");
        JsonNode health = neo4j.get("healthcheck");
        assertTrue(health.get("test").get(0).asText().startsWith("CMD"));
        assertTrue(health.get("test").get(1).asText().contains("7474"));
        assertTrue(health.get("retries").asInt() > 0 && health.has("interval"));
    }
}
