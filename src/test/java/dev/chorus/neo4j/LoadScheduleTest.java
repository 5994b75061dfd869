package dev.chorus.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.graph.Adjacency;
import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The load schedule, checked by brute force: every pair once, concurrent batches on disjoint users. */
class LoadScheduleTest {
    /** A random graph with hubs, loops and reciprocal pairs. */
    static InteractionGraph random(boolean directed, int n, int rows, long seed) {
        Random rnd = new Random(seed);
        GraphBuilder b = new GraphBuilder(directed);
        for (int i = 0; i < rows; i++) {
            int u = rnd.nextInt(5) == 0 ? rnd.nextInt(5) : rnd.nextInt(n); // a fifth of the rows touch 5 hubs
            int v = rnd.nextInt(20) == 0 ? u : rnd.nextInt(n);
            b.add("u" + u, "u" + v, 1.0);
        }
        b.addNode("lonely");
        return b.build();
    }

    @Test
    void everyStoredPairOnceAndConcurrentBatchesShareNoUser() {
        for (boolean directed : new boolean[] {true, false}) {
            InteractionGraph g = random(directed, 3_000, 20_000, directed ? 1 : 2);
            Adjacency out = g.out();
            // brute force: the stored pairs, as the loader writes them
            Set<Long> stored = new HashSet<>();
            for (int u = 0; u < g.nodeCount(); u++) {
                for (int e = out.start(u); e < out.end(u); e++) {
                    if (directed || out.neighbor(e) >= u) stored.add((long) e);
                }
            }
            for (int writers : new int[] {1, 2, 3, 4}) {
                for (int batchSize : new int[] {1, 97, 5_000}) {
                    if (batchSize == 1 && writers > 2) continue;
                    LoadSchedule s = new LoadSchedule(g, batchSize, writers);
                    assertEquals(writers == 1 ? 2 : LoadSchedule.PARTS_PER_WRITER * writers + 1, s.phases);
                    Set<Long> seenArcs = new HashSet<>();
                    boolean[] seenUsers = new boolean[g.nodeCount()];
                    long total = 0;
                    for (int phase = 0; phase < s.phases; phase++) {
                        List<Set<Integer>> touched = new ArrayList<>();
                        for (int w = 0; w < writers; w++) {
                            Set<Integer> mine = new HashSet<>();
                            int lastPhase = 0;
                            for (LoadSchedule.Batch b : s.batches.get(w)) {
                                assertTrue(b.phase() >= lastPhase, "a writer's phases only go forward");
                                lastPhase = b.phase();
                                assertTrue(b.size() >= 1 && b.size() <= batchSize);
                                assertEquals(b.phase() == 0, b.users());
                                if (b.phase() != phase) continue;
                                total++;
                                for (int i = b.from(); i < b.to(); i++) {
                                    if (b.users()) {
                                        int u = s.userOrder[i];
                                        assertTrue(!seenUsers[u], "user " + u + " once");
                                        seenUsers[u] = true;
                                        mine.add(u);
                                        // users go in id order
                                        if (i > 0) assertTrue(g.ids().id(s.userOrder[i - 1]).compareTo(g.ids().id(u)) < 0);
                                    } else {
                                        int e = s.arcs[w][i];
                                        assertTrue(seenArcs.add((long) e), "pair " + e + " once");
                                        assertTrue(e >= out.start(s.sources[w][i]) && e < out.end(s.sources[w][i]), "source of arc " + e);
                                        mine.add(s.sources[w][i]);
                                        mine.add(out.neighbor(e));
                                    }
                                }
                            }
                            for (Set<Integer> other : touched) {
                                for (int u : mine) assertTrue(!other.contains(u), "phase " + phase + ": user " + u + " in two writers' batches");
                            }
                            touched.add(mine);
                        }
                    }
                    assertEquals(stored, seenArcs, "every stored pair, nothing else");
                    for (boolean seen : seenUsers) assertTrue(seen);
                    assertEquals(s.totalBatches(), total);
                    if (writers == 1) {
                        // one writer keeps the stored (source, arc) order
                        for (int i = 1; i < s.arcs[0].length; i++) assertTrue(s.arcs[0][i] > s.arcs[0][i - 1]);
                    }
                }
            }
        }
    }

    @Test
    void tournamentRoundsAreDisjointAndCoverEveryPairOfPartsOnce() {
        for (int parts = 2; parts <= 64; parts += 2) {
            int[][] bucketOf = new int[parts][parts];
            LoadSchedule.tournament(parts, bucketOf);
            Set<Integer> buckets = new HashSet<>();
            List<Set<Integer>> partsInRound = new ArrayList<>();
            for (int r = 0; r < parts; r++) partsInRound.add(new HashSet<>());
            for (int a = 0; a < parts; a++) {
                for (int b = a; b < parts; b++) {
                    assertEquals(bucketOf[a][b], bucketOf[b][a]);
                    assertTrue(buckets.add(bucketOf[a][b]), parts + " parts: bucket of {" + a + ", " + b + "} shared");
                    int round = bucketOf[a][b] / parts;
                    assertTrue(round >= 0 && round < parts);
                    assertEquals(a == b, round == parts - 1, "pairs inside a part have the last round to themselves");
                    // a part is in at most one bucket of a round
                    assertTrue(partsInRound.get(round).add(a) && (a == b || partsInRound.get(round).add(b)),
                            parts + " parts: round " + round + " uses part " + a + " or " + b + " twice");
                }
            }
            assertEquals(parts * (parts + 1) / 2, buckets.size());
        }
    }

    @Test
    void roundsGiveEveryWriterAFairShareEvenWithHubs() {
        // a fifth of the rows on 5 hubs: the buckets of the hubs' parts are far bigger than the others
        InteractionGraph g = random(true, 50_000, 200_000, 3);
        for (int writers : new int[] {2, 3}) {
            LoadSchedule s = new LoadSchedule(g, 1_000_000, writers);
            // the time of a round is its busiest writer's: summed over rounds, within 10% of a perfect split
            long slowest = 0;
            for (int phase = 1; phase < s.phases; phase++) {
                long max = 0;
                for (int w = 0; w < writers; w++) {
                    int p = phase;
                    max = Math.max(max, s.batches.get(w).stream().filter(b -> b.phase() == p).mapToLong(LoadSchedule.Batch::size).sum());
                }
                slowest += max;
            }
            double perfect = (double) g.edgeCount() / writers;
            assertTrue(slowest <= 1.10 * perfect, writers + " writers: " + slowest + " pairs in the slowest writers' rounds against " + perfect);
        }
    }
}
