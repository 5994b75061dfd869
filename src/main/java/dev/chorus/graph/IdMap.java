package dev.chorus.graph;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dense node indices {@code 0..n-1} for original string ids, in order of first appearance.
 * <p>
 * An open-addressing hash table over the ids' UTF-8 bytes, kept in one byte pool: interning a token parsed
 * in place costs no String and no boxed Integer, which is what keeps ingest above 2M rows/s. Each slot holds
 * a 64-bit key next to its node index, so a probe touches one cache line: ids of up to 7 bytes (most numeric
 * user ids) are packed into the key itself and compared exactly without looking at the pool; longer ids key on
 * a 63-bit hash and are confirmed against the pool. Memory is about {@code 40 + length} bytes per id.
 * Strings are made only when an id is printed.
 */
public final class IdMap {
    private static final long HASHED = Long.MIN_VALUE; // key bit for ids longer than 7 bytes

    private byte[] pool = new byte[1 << 12];
    private int poolSize;
    private int[] offsets = new int[1 << 8];
    private long[] table = new long[2 << 9]; // pairs (key, node + 1); node + 1 == 0 marks an empty slot
    private int size;

    /** Number of ids. */
    public int size() {
        return size;
    }

    /** The original id of {@code node}. */
    public String id(int node) {
        checkNode(node);
        int from = offsets[node];
        int to = node + 1 < size ? offsets[node + 1] : poolSize;
        return new String(pool, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * {@code id(a).compareTo(id(b))} in sign, without making Strings for ASCII ids: ranking ties are broken by id,
     * and on a million nodes two Strings per comparison are most of a ranking's cost. UTF-8 byte order is code point
     * order, which is not String's UTF-16 order for every pair, so ids with a non-ASCII byte before their first
     * difference are compared as Strings.
     */
    public int compare(int a, int b) {
        checkNode(a);
        checkNode(b);
        int from = offsets[a];
        int to = a + 1 < size ? offsets[a + 1] : poolSize;
        int bFrom = offsets[b];
        int bTo = b + 1 < size ? offsets[b + 1] : poolSize;
        int common = Math.min(to - from, bTo - bFrom);
        for (int i = 0; i < common; i++) {
            byte x = pool[from + i];
            byte y = pool[bFrom + i];
            if ((x | y) < 0) return id(a).compareTo(id(b));
            if (x != y) return x - y;
        }
        return (to - from) - (bTo - bFrom);
    }

    /** The index of {@code id}, or -1 if the graph has no such node. */
    public int index(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return find(b, 0, b.length, key(b, 0, b.length));
    }

    /**
     * The index of the id held in {@code b[off, off+len)}, adding it if new. Public for sinks that keep a
     * dictionary of their own (the backtest's future rows); a built graph's map is never interned into.
     */
    public int intern(byte[] b, int off, int len) {
        long key = key(b, off, len);
        int found = find(b, off, len, key);
        return found >= 0 ? found : add(b, off, len, key);
    }

    private int add(byte[] b, int off, int len, long key) {
        if (size == Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2^31 nodes");
        if (size == offsets.length) offsets = Arrays.copyOf(offsets, size * 2);
        if (poolSize + len > pool.length) {
            long want = Math.max((long) pool.length * 2, (long) poolSize + len);
            if (want > Integer.MAX_VALUE - 8) throw new IllegalStateException("node ids exceed 2 GiB in total");
            pool = Arrays.copyOf(pool, (int) want);
        }
        System.arraycopy(b, off, pool, poolSize, len);
        offsets[size] = poolSize;
        poolSize += len;
        int node = size++;
        if (size * 4L > table.length) rehash(); // load factor <= 1/2 (table holds pairs)
        insert(key, node);
        return node;
    }

    /**
     * Interns {@code count} ids held in {@code buf} at {@code offs[i]} with lengths {@code lens[i]}, in order,
     * writing their indices to {@code out}. Same result as calling {@link #intern} one by one, but the table
     * slots of the whole batch are touched first in a loop of independent loads, so that the CPU overlaps
     * their cache misses instead of waiting for each: on tables larger than the cache this is the difference
     * between one memory latency per id and a fraction of one.
     */
    void internAll(byte[] buf, int[] offs, int[] lens, int count, long[] keys, int[] out) {
        int mask = (table.length >>> 1) - 1;
        long touch = 0;
        for (int i = 0; i < count; i++) {
            long k = key(buf, offs[i], lens[i]);
            keys[i] = k;
            touch += table[2 * (spread(k) & mask)];
        }
        if (touch == 42) size += 0; // keeps the loads alive; never changes anything
        for (int i = 0; i < count; i++) {
            int found = find(buf, offs[i], lens[i], keys[i]);
            out[i] = found >= 0 ? found : add(buf, offs[i], lens[i], keys[i]);
        }
    }

    private int find(byte[] b, int off, int len, long key) {
        int mask = (table.length >>> 1) - 1;
        long[] t = table;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            long v = t[2 * slot + 1];
            if (v == 0) return -1;
            if (t[2 * slot] == key) {
                int node = (int) v - 1;
                if (key >= 0 || sameBytes(node, b, off, len)) return node;
            }
        }
    }

    private boolean sameBytes(int node, byte[] b, int off, int len) {
        int from = offsets[node];
        int to = node + 1 < size ? offsets[node + 1] : poolSize;
        return to - from == len && Arrays.equals(pool, from, to, b, off, off + len);
    }

    private void insert(long key, int node) {
        int mask = (table.length >>> 1) - 1;
        int slot = spread(key) & mask;
        while (table[2 * slot + 1] != 0) slot = (slot + 1) & mask;
        table[2 * slot] = key;
        table[2 * slot + 1] = node + 1;
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) insert(old[i], (int) old[i + 1] - 1);
        }
    }

    /** Bytes retained, for memory reports. */
    long memoryBytes() {
        return pool.length + 4L * offsets.length + 8L * table.length;
    }

    /** Drops growth slack once building is over. */
    void trim() {
        pool = Arrays.copyOf(pool, poolSize);
        offsets = Arrays.copyOf(offsets, Math.max(size, 1));
    }

    private void checkNode(int node) {
        if (node < 0 || node >= size) throw new IndexOutOfBoundsException("node " + node + " not in [0, " + size + ")");
    }

    /**
     * Ids of up to 7 bytes: length in bits 56-62 and the bytes below, an exact and non-negative key.
     * Longer ids: FNV-1a over the bytes with the sign bit set (then the pool decides equality).
     */
    private static long key(byte[] b, int off, int len) {
        if (len <= 7) {
            long k = (long) len << 56;
            for (int i = 0; i < len; i++) k |= (b[off + i] & 0xFFL) << (8 * i);
            return k;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = off, end = off + len; i < end; i++) h = (h ^ b[i]) * 0x100000001b3L;
        return h | HASHED;
    }

    /** murmur3's 64-bit finalizer folded to an int: linear probing needs well-spread low bits. */
    private static int spread(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) k;
    }
}
