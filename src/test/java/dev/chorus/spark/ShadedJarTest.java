package dev.chorus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Under spark-submit the cluster's jars come first (Jackson 2.15, commons-math3, slf4j): {@code target/chorus.jar}
 * must not hold those packages under their own names, and Chorus's classes must call the renamed copies.
 */
class ShadedJarTest {
    @Test
    void jarRenamesWhatSparkAlsoShips() throws IOException {
        Path path = Path.of("target/chorus.jar");
        assertTrue(Files.isRegularFile(path), "target/chorus.jar is missing: a full `mvn test` builds it first; with -Dtest=..., run `mvn package -DskipTests` before");
        try (JarFile jar = new JarFile(path.toFile())) {
            List<String> clashing = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.contains("com/fasterxml/jackson/") || n.contains("org/apache/commons/math3/") || n.startsWith("org/slf4j/"))
                    .toList();
            assertEquals(List.of(), clashing);
            assertTrue(jar.getEntry("dev/chorus/shaded/jackson/databind/ObjectMapper.class") != null);
            // commons-math3 reads its data files by its own class names: they moved with the classes
            assertTrue(jar.getEntry("assets/dev/chorus/shaded/math3/random/new-joe-kuo-6.1000") != null);
            String json = new String(jar.getInputStream(jar.getEntry("dev/chorus/output/Json.class")).readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(json.contains("dev/chorus/shaded/jackson/") && !json.contains("com/fasterxml/jackson/"), "Json.class calls the renamed Jackson");
        }
    }
}
