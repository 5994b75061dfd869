package dev.chorus.cli;

/**
 * Entry point for {@code spark-submit --class dev.chorus.cli.SparkMain target/chorus.jar analyze INPUT ...}:
 * the same as {@code chorus spark analyze INPUT ...}, with the master given by spark-submit.
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "spark";
        System.arraycopy(args, 0, all, 1, args.length);
        dev.chorus.cli.Chorus.main(all);
    }
}
