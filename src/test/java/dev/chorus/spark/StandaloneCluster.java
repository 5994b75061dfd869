package dev.chorus.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1: a Master and Workers, each a separate JVM started from Spark's own
 * classes in a distribution layout ({@link SparkDistribution}), every Worker with one core, launching its executor
 * JVMs from that layout as on a real cluster. Logs go to {@code DIR/*.log}.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
    private static final int TIMEOUT_SECONDS = 90;

    private final Path dir;
    private final Process master;
    private final String url;
    private final List<Process> workers = new ArrayList<>();
    /** Every JVM started, executors included, so that close() leaves nothing behind even after a kill. */
    private final List<ProcessHandle> started = new ArrayList<>();

    /** Memory each Worker offers its executors ({@code --memory}). */
    private final String workerMemory;

    StandaloneCluster(Path dir, int workerCount) throws IOException, InterruptedException {
        this(dir, workerCount, "1g");
    }

    /** @param workerMemory what each Worker offers executors ({@code 1g}, {@code 6g}): at least spark.executor.memory */
    StandaloneCluster(Path dir, int workerCount, String workerMemory) throws IOException, InterruptedException {
        this.dir = dir;
        this.workerMemory = workerMemory;
        Files.createDirectories(dir);
        try {
            master = launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0", "--webui-port", "0");
            url = await(dir.resolve("master.log"), MASTER_URL);
            for (int i = 1; i <= workerCount; i++) addWorker();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            close(); // a Worker that never registered: the JVMs already started do not outlive the failure
            throw e;
        }
    }

    String url() {
        return url;
    }

    Path dir() {
        return dir;
    }

    /** Starts one more Worker (one core, the cluster's Worker memory for executors) and waits until the Master has registered it. */
    Process addWorker() throws IOException, InterruptedException {
        String name = "worker" + (workers.size() + 1);
        Process w = launch(name, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0", "--webui-port", "0",
                "--cores", "1", "--memory", workerMemory, "--work-dir", dir.resolve(name).toString(), url);
        await(dir.resolve(name + ".log"), Pattern.compile("Successfully registered with master"));
        workers.add(w);
        return w;
    }

    Path workerLog(int i) {
        return dir.resolve("worker" + i + ".log");
    }

    /** Kills Worker i (1-based) and its executors with SIGKILL, as a machine failing would. */
    void kill(int i) throws InterruptedException {
        Process w = workers.get(i - 1);
        w.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        w.destroyForcibly();
        w.waitFor(30, TimeUnit.SECONDS);
    }

    /** The JVMs of the cluster alive now: the Master, the Workers and the executors they launched. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle h : started) {
            if (h.isAlive()) all.add(h);
            h.descendants().filter(ProcessHandle::isAlive).forEach(all::add);
        }
        return all;
    }

    /** Environment of a process that runs Spark from the distribution layout (Workers, spark-submit). */
    static Map<String, String> sparkEnv(ProcessBuilder pb) throws IOException, InterruptedException {
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", SparkDistribution.home().toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    /** The JVM flags Spark 3.5 needs on Java 17 (as bin/spark-class gets them from the launcher). */
    static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-Djdk.reflect.useDirectMethodHandle=false"));
        for (String p : List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util",
                "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar")) {
            flags.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
        }
        return flags;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Process launch(String name, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m"));
        cmd.addAll(jvmFlags());
        cmd.addAll(List.of("-cp", SparkDistribution.classpath(), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        sparkEnv(pb);
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    private String await(Path log, Pattern pattern) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Spark standalone: '" + pattern + "' did not appear in " + log + " within " + TIMEOUT_SECONDS + " s");
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle h : started) {
            h.descendants().forEach(all::add);
            all.add(h);
        }
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) h.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> h).join();
    }
}
