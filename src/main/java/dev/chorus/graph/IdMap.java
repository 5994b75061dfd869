package dev.chorus.graph;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dense node indices {@code 0..n-1} for original string ids, in order of first appearance.
 * <p>
 * An open-addressing hash table over the ids' UTF-8 bytes, kept in one byte pool: interning a token parsed
 * in place costs no String and no boxed Integer, which is what keeps ingest above 2M rows/s. Memory is about
 * {@code 16 + length} bytes per id (pool bytes, offset, cached hash, table slots at load factor <= 1/2).
 * Strings are made only when an id is printed.
 */
public final class IdMap {
    private byte[] pool = new byte[1 << 12];
    private int poolSize;
    private int[] offsets = new int[1 << 8];
    private int[] hashes = new int[1 << 8];
    private int[] table = new int[1 << 9]; // node + 1; 0 = empty slot
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

    /** The index of {@code id}, or -1 if the graph has no such node. */
    public int index(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return find(b, 0, b.length, hash(b, 0, b.length));
    }

    /** The index of the id held in {@code b[off, off+len)}, adding it if new. */
    int intern(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        int found = find(b, off, len, h);
        if (found >= 0) return found;
        if (size == Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2^31 nodes");
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        if (poolSize + len > pool.length) {
            long want = Math.max((long) pool.length * 2, (long) poolSize + len);
            if (want > Integer.MAX_VALUE - 8) throw new IllegalStateException("node ids exceed 2 GiB in total");
            pool = Arrays.copyOf(pool, (int) want);
        }
        System.arraycopy(b, off, pool, poolSize, len);
        offsets[size] = poolSize;
        hashes[size] = h;
        poolSize += len;
        int node = size++;
        if (size * 2 > table.length) rehash();
        else insert(node, h);
        return node;
    }

    private int find(byte[] b, int off, int len, int h) {
        int mask = table.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int v = table[slot];
            if (v == 0) return -1;
            int node = v - 1;
            if (hashes[node] == h && sameBytes(node, b, off, len)) return node;
        }
    }

    private boolean sameBytes(int node, byte[] b, int off, int len) {
        int from = offsets[node];
        int to = node + 1 < size ? offsets[node + 1] : poolSize;
        return to - from == len && Arrays.equals(pool, from, to, b, off, off + len);
    }

    private void insert(int node, int h) {
        int mask = table.length - 1;
        int slot = h & mask;
        while (table[slot] != 0) slot = (slot + 1) & mask;
        table[slot] = node + 1;
    }

    private void rehash() {
        table = new int[table.length * 2];
        for (int i = 0; i < size; i++) insert(i, hashes[i]);
    }

    /** Bytes retained, for memory reports. */
    long memoryBytes() {
        return pool.length + 4L * offsets.length + 4L * hashes.length + 4L * table.length;
    }

    /** Drops growth slack once building is over. */
    void trim() {
        pool = Arrays.copyOf(pool, poolSize);
        offsets = Arrays.copyOf(offsets, Math.max(size, 1));
        hashes = Arrays.copyOf(hashes, Math.max(size, 1));
    }

    private void checkNode(int node) {
        if (node < 0 || node >= size) throw new IndexOutOfBoundsException("node " + node + " not in [0, " + size + ")");
    }

    /** FNV-1a over the bytes, finished with a murmur3 mix so that linear probing sees well-spread slots. */
    private static int hash(byte[] b, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off, end = off + len; i < end; i++) h = (h ^ b[i]) * 0x01000193;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
