package dev.chorus.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark 3.5.6 distribution layout under {@code target/spark-home}, as Workers need it to launch executors and as
 * {@code spark-submit} runs from it: {@code jars/} holds spark-core and spark-graphx with Spark's own dependency
 * versions (resolved from {@code src/test/spark-home/pom.xml} by the Maven running the build, once), and an empty
 * {@code RELEASE} marks it as a distribution rather than a source tree.
 */
final class SparkDistribution {
    static final Path HOME = Path.of("target/spark-home").toAbsolutePath();

    private SparkDistribution() {
    }

    static synchronized Path home() throws IOException, InterruptedException {
        if (Files.exists(HOME.resolve("RELEASE"))) return HOME;
        Path tmp = Files.createTempDirectory(HOME.getParent(), "spark-home-");
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null) throw new IllegalStateException("maven.home is not set: run the Spark cluster tests through Maven (mvn test)");
        List<String> cmd = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-q", "-B", "-f", "src/test/spark-home/pom.xml",
                "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=" + tmp.resolve("jars")));
        if (System.getProperty("maven.repo.local") != null) cmd.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        Path log = HOME.getParent().resolve("spark-home.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("could not resolve the Spark distribution's jars: see " + log);
        }
        Files.createFile(tmp.resolve("RELEASE"));
        Files.move(tmp, HOME, StandardCopyOption.ATOMIC_MOVE);
        return HOME;
    }

    /** The classpath of Spark's own launchers (Master, Worker, SparkSubmit), as bin/spark-class builds it. */
    static String classpath() throws IOException, InterruptedException {
        return home().resolve("jars") + "/*";
    }
}
