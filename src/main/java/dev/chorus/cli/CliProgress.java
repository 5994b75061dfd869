package dev.chorus.cli;

import dev.chorus.progress.Progress;
import java.io.PrintStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr (me.tongfei:progressbar), each with its elapsed time and ETA (the library's default,
 * from the rate so far), only when stderr is a terminal and {@code --quiet} is off:
 * batch jobs that redirect stderr get clean logs. The launcher tells whether stderr is a terminal
 * ({@code -Dchorus.stderr.tty}); without it, a console means an interactive run.
 */
final class CliProgress implements Progress {
    private final PrintStream stream;

    CliProgress(PrintStream stream) {
        this.stream = stream;
    }

    static Progress create(PrintWriter err, boolean quiet) {
        if (quiet || !stderrIsTerminal()) return Progress.NONE;
        return new CliProgress(System.err);
    }

    static boolean stderrIsTerminal() {
        String tty = System.getProperty("chorus.stderr.tty");
        if (tty != null) return Boolean.parseBoolean(tty);
        return System.console() != null;
    }

    @Override
    public Task begin(String name, long total, String unit) {
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .continuousUpdate();
        if (unit.equals("bytes")) b.setUnit(" MB", 1 << 20);
        else b.setUnit(" " + unit, 1);
        ProgressBar bar = b.build();
        return new Task() {
            private long max = total;

            @Override
            public void stepTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void total(long corrected) {
                max = corrected;
                bar.maxHint(corrected);
            }

            @Override
            public void close() {
                if (max >= 0) bar.stepTo(max);
                bar.close();
            }
        };
    }
}
