package dev.chorus.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link SparkBench#analyze} on a real Spark standalone cluster: a Master and N Workers (default 2, one core each)
 * as separate JVMs on 127.0.0.1 ({@link StandaloneCluster}, as {@code SparkClusterTest} uses it), this JVM the
 * driver, which also runs the embedded {@code analyze} first. A {@code main}, not a JUnit test, so no build runs it.
 * The cluster is stopped at the end, on failure too (and on Ctrl-C, by a shutdown hook).
 * <p>
 * From the project root, after {@code mvn package -DskipTests} (jar and test classes) and {@code ./chorus spark --help}
 * once (writes {@code target/spark-classpath.txt}):
 * <pre>
 * java -Xmx6g SPARK_FLAGS -Dmaven.home=/usr/share/maven \
 *   -cp target/chorus.jar:target/test-classes:$(cat target/spark-classpath.txt) \
 *   dev.chorus.spark.SparkClusterBench INPUT [PARTITIONS [THREADS [WORKERS [EXECUTOR_MEMORY]]]]
 * </pre>
 * SPARK_FLAGS are the launcher's ({@code ./chorus}: {@code -Djdk.reflect.useDirectMethodHandle=false} and the
 * {@code --add-opens}); {@code maven.home} lets {@link SparkDistribution} make {@code target/spark-home} the first time.
 * Defaults: 8 partitions, embedded on 2 threads, 2 Workers, 6g per executor (each Worker offers that much). Every
 * {@value #SAMPLE_SECONDS} s the load average and the resident memory of every JVM (driver, Master, Workers,
 * executors) go to {@code target/spark-cluster-bench/<time>/memory.log}; the peaks ({@code VmHWM}) are printed at the end.
 */
public final class SparkClusterBench {
    static final int SAMPLE_SECONDS = 10;

    private SparkClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SparkClusterBench INPUT [PARTITIONS [THREADS [WORKERS [EXECUTOR_MEMORY]]]]");
            System.exit(2);
        }
        String input = args[0];
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String memory = args.length > 4 ? args[4] : "6g";
        // read by SparkJob.context's SparkConf; the driver on the cluster's address, as SPARK_LOCAL_IP would put it
        System.setProperty("spark.executor.memory", memory);
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        Path dir = Path.of("target/spark-cluster-bench",
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())).toAbsolutePath();
        long t0 = System.nanoTime();
        StandaloneCluster cluster = new StandaloneCluster(dir.resolve("cluster"), workers, memory);
        Thread hook = new Thread(cluster::close, "stop-cluster");
        Runtime.getRuntime().addShutdownHook(hook);
        Sampler sampler = new Sampler(cluster, dir.resolve("memory.log"));
        System.out.printf(Locale.ROOT, "cluster %s: %d Workers of 1 core, executors %s, logs in %s (%.1f s to start)%n", cluster.url(), workers,
                memory, dir, (System.nanoTime() - t0) / 1e9);
        try {
            sampler.start();
            SparkBench.analyze(input, cluster.url(), partitions, threads);
        } finally {
            sampler.stop();
            cluster.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            sampler.report();
            System.out.printf(Locale.ROOT, "wall %.1f s, cluster start to stop%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Load average and resident memory of every JVM of the run, every {@value #SAMPLE_SECONDS} s. */
    static final class Sampler implements Runnable {
        private final StandaloneCluster cluster;
        private final Path log;
        private final Thread thread = new Thread(this, "memory-sampler");
        /** Peak resident memory (VmHWM, kB) by "role pid". */
        private final Map<String, Long> peaks = new LinkedHashMap<>();
        private double maxLoad;
        private volatile boolean stop;

        Sampler(StandaloneCluster cluster, Path log) {
            this.cluster = cluster;
            this.log = log;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            sample(); // the last peaks of whatever still runs
        }

        @Override
        public void run() {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                long t0 = System.nanoTime();
                while (!stop) {
                    out.printf(Locale.ROOT, "%7.0f s %s%n", (System.nanoTime() - t0) / 1e9, sample());
                    try {
                        Thread.sleep(TimeUnit.SECONDS.toMillis(SAMPLE_SECONDS));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            } catch (IOException e) {
                System.err.println("SparkClusterBench: memory log: " + e);
            }
        }

        /** One sample: "load1 load5 load15  role pid rss MB ..."; peaks updated. */
        synchronized String sample() {
            StringBuilder b = new StringBuilder();
            try {
                String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
                maxLoad = Math.max(maxLoad, Double.parseDouble(load[0]));
                b.append("load ").append(load[0]).append(' ').append(load[1]).append(' ').append(load[2]);
            } catch (IOException | RuntimeException e) {
                b.append("load ?");
            }
            List<ProcessHandle> jvms = new java.util.ArrayList<>(List.of(ProcessHandle.current()));
            jvms.addAll(cluster.processes());
            for (ProcessHandle h : jvms) {
                String role = role(h);
                if (role == null) continue; // not a JVM of the run (a Worker's short-lived helper processes)
                long[] mem = memory(h.pid());
                if (mem == null) continue;
                b.append(String.format(Locale.ROOT, "  %s %d %d MB", role, h.pid(), mem[0] / 1024));
                peaks.merge(role + " " + h.pid(), mem[1], Math::max);
            }
            return b.toString();
        }

        synchronized void report() {
            System.out.printf(Locale.ROOT, "%npeak resident memory (VmHWM, sampled every %d s), max 1-min load average %.2f:%n", SAMPLE_SECONDS, maxLoad);
            long sum = 0;
            for (Map.Entry<String, Long> e : peaks.entrySet()) {
                System.out.printf(Locale.ROOT, "  %-20s %8.2f GB%n", e.getKey(), e.getValue() / 1048576.0);
                sum += e.getValue();
            }
            System.out.printf(Locale.ROOT, "  %-20s %8.2f GB (peaks of each, not at one time)%n", "sum", sum / 1048576.0);
            System.out.println("samples: " + log);
        }

        /** driver, master, worker or executor; null for anything else. */
        private static String role(ProcessHandle h) {
            if (h.pid() == ProcessHandle.current().pid()) return "driver";
            String cmd = h.info().commandLine().orElse("");
            if (cmd.contains("CoarseGrainedExecutorBackend")) return "executor";
            if (cmd.contains("deploy.worker.Worker")) return "worker";
            if (cmd.contains("deploy.master.Master")) return "master";
            return null;
        }

        /** {VmRSS, VmHWM} in kB from /proc, or null when the process is gone. */
        private static long[] memory(long pid) {
            try {
                long rss = -1;
                long hwm = -1;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) rss = kb(line);
                    else if (line.startsWith("VmHWM:")) hwm = kb(line);
                }
                return rss < 0 || hwm < 0 ? null : new long[] {rss, hwm};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long kb(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
    }
}
