package dev.chorus.spark;

import org.apache.spark.api.java.JavaSparkContext;

/** One local[2] Spark context for all Spark test classes of a test JVM (starting one costs seconds). */
final class SparkTestContext {
    private static JavaSparkContext sc;

    private SparkTestContext() {
    }

    static synchronized JavaSparkContext get() {
        if (sc == null) {
            sc = SparkJob.context("local[2]", 2);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> sc.stop()));
        }
        return sc;
    }
}
