package dev.chorus.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * Synthetic interaction streams with the shape of social data, for benchmarks and examples.
 * <p>
 * Each row is "source acted on target" and is one of:
 * <ul>
 * <li>a reply back (probability {@code reciprocity}): the target of a recent row answers its source, type RE;</li>
 * <li>triangle closing (probability {@code closure}): the source acts on a neighbour of a node it recently acted
 * on (friend of a friend), type RT or MT;</li>
 * <li>otherwise a Chung–Lu style draw: the source by activity, the target by popularity, both Zipf-distributed
 * ({@code P(rank r) ~ r^-exponent}) over independent random permutations, so that in- and out-degrees are heavy
 * tailed and the heaviest nodes are not the smallest ids.</li>
 * </ul>
 * Self-loops are avoided; repeated pairs occur (they become edge weight). Times increase by one second per
 * {@code rows/span} rows from 2024-01-01. Draws use one {@link SplittableRandom}: the same seed gives the same
 * file. Sampling uses Walker alias tables: O(n) set-up, O(1) per row, O(n) memory.
 */
public final class SocialGraphGenerator {
    private static final long START = 1_704_067_200L; // 2024-01-01T00:00:00Z
    private static final long SPAN = 30L * 24 * 3600;

    private final int nodes;
    private final long rows;
    private final long seed;
    private final double reciprocity;
    private final double closure;
    private final double exponent;
    private final boolean interactions;

    /**
     * @param interactions write the 4-column form {@code source target timestamp type}; else {@code source target}
     */
    public SocialGraphGenerator(int nodes, long rows, long seed, double reciprocity, double closure, double exponent,
                                boolean interactions) {
        if (nodes < 2) throw new IllegalArgumentException("--nodes must be >= 2, got " + nodes);
        if (rows < 0) throw new IllegalArgumentException("--edges must be >= 0, got " + rows);
        if (!(reciprocity >= 0 && reciprocity <= 1)) throw new IllegalArgumentException("--reciprocity must be in [0,1], got " + reciprocity);
        if (!(closure >= 0 && closure <= 1)) throw new IllegalArgumentException("--closure must be in [0,1], got " + closure);
        if (reciprocity + closure > 1) throw new IllegalArgumentException("--reciprocity + --closure must be <= 1, got " + (reciprocity + closure));
        if (!(exponent > 0 && exponent <= 3)) throw new IllegalArgumentException("--exponent must be in (0,3], got " + exponent);
        this.nodes = nodes;
        this.rows = rows;
        this.seed = seed;
        this.reciprocity = reciprocity;
        this.closure = closure;
        this.exponent = exponent;
        this.interactions = interactions;
    }

    /** Writes all rows as SNAP text; {@code progress} receives the number of rows written now and then. */
    public void write(OutputStream out, java.util.function.LongConsumer progress) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        Alias activity = new Alias(zipf(rnd), rnd);
        Alias popularity = new Alias(zipf(rnd), rnd);
        int[] last = new int[nodes];
        java.util.Arrays.fill(last, -1);
        Text text = new Text(out);
        text.comment("# Chorus synthetic interaction graph: nodes=" + nodes + " rows=" + rows + " seed=" + seed
                + " reciprocity=" + reciprocity + " closure=" + closure + " exponent=" + exponent + "\n");
        if (interactions) text.comment("# source target timestamp type\n");
        int prevS = -1;
        int prevT = -1;
        for (long i = 0; i < rows; i++) {
            double r = rnd.nextDouble();
            int s;
            int t;
            byte[] type;
            if (r < reciprocity && prevS >= 0) {
                s = prevT;
                t = prevS;
                type = RE;
            } else {
                s = activity.sample(rnd);
                t = -1;
                if (r < reciprocity + closure) {
                    int friend = last[s];
                    int fof = friend < 0 ? -1 : last[friend];
                    if (fof >= 0 && fof != s) t = fof;
                }
                while (t < 0 || t == s) t = popularity.sample(rnd);
                type = rnd.nextDouble() < 0.6 ? RT : MT;
            }
            last[s] = t;
            prevS = s;
            prevT = t;
            text.row(s, t, interactions ? START + (i * SPAN) / Math.max(rows, 1) : -1, interactions ? type : null);
            if ((i & 0xFFFFF) == 0) progress.accept(i);
        }
        text.flush();
        progress.accept(rows);
    }

    private static final byte[] RT = {'R', 'T'};
    private static final byte[] MT = {'M', 'T'};
    private static final byte[] RE = {'R', 'E'};

    /** Zipf weights over a random permutation of the nodes. */
    private double[] zipf(SplittableRandom rnd) {
        double[] w = new double[nodes];
        for (int i = 0; i < nodes; i++) w[i] = Math.pow(i + 1, -exponent);
        for (int i = nodes - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double x = w[i];
            w[i] = w[j];
            w[j] = x;
        }
        return w;
    }

    /** Walker's alias method (Vose's construction): O(1) draws from a discrete distribution. */
    private static final class Alias {
        final double[] prob;
        final int[] alias;

        Alias(double[] w, SplittableRandom rnd) {
            int n = w.length;
            double sum = 0;
            for (double x : w) sum += x;
            prob = new double[n];
            alias = new int[n];
            int[] small = new int[n];
            int[] large = new int[n];
            int ns = 0;
            int nl = 0;
            for (int i = 0; i < n; i++) {
                prob[i] = w[i] * n / sum;
                if (prob[i] < 1) small[ns++] = i;
                else large[nl++] = i;
            }
            while (ns > 0 && nl > 0) {
                int s = small[--ns];
                int l = large[--nl];
                alias[s] = l;
                prob[l] = prob[l] + prob[s] - 1;
                if (prob[l] < 1) small[ns++] = l;
                else large[nl++] = l;
            }
            while (nl > 0) prob[large[--nl]] = 1;
            while (ns > 0) prob[small[--ns]] = 1;
        }

        int sample(SplittableRandom rnd) {
            int i = rnd.nextInt(prob.length);
            return rnd.nextDouble() < prob[i] ? i : alias[i];
        }
    }

    /** Formats rows into a byte buffer: integer ids and times without Strings. */
    private static final class Text {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int len;

        Text(OutputStream out) {
            this.out = out;
        }

        void comment(String s) throws IOException {
            for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) put(b);
        }

        void row(int s, int t, long time, byte[] type) throws IOException {
            if (len > buf.length - 64) drain();
            number(s);
            buf[len++] = ' ';
            number(t);
            if (type != null) {
                buf[len++] = ' ';
                number(time);
                buf[len++] = ' ';
                for (byte b : type) buf[len++] = b;
            }
            buf[len++] = '\n';
        }

        private void number(long v) {
            if (v == 0) {
                buf[len++] = '0';
                return;
            }
            int start = len;
            while (v > 0) {
                buf[len++] = (byte) ('0' + v % 10);
                v /= 10;
            }
            for (int i = start, j = len - 1; i < j; i++, j--) {
                byte x = buf[i];
                buf[i] = buf[j];
                buf[j] = x;
            }
        }

        private void put(byte b) throws IOException {
            if (len == buf.length) drain();
            buf[len++] = b;
        }

        private void drain() throws IOException {
            out.write(buf, 0, len);
            len = 0;
        }

        void flush() throws IOException {
            drain();
            out.flush();
        }
    }
}
