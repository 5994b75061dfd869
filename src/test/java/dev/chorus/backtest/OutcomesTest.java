package dev.chorus.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.graph.GraphBuilder;
import dev.chorus.graph.InteractionGraph;
import org.junit.jupiter.api.Test;

/** Engagers, reach and attention on small temporal graphs, worked out by hand from the contract's definitions. */
class OutcomesTest {
    /** Train: s1, s2, a, z (z has no future row); future people b..h, x only exist after the split. */
    private static InteractionGraph train() {
        return new GraphBuilder(true).add("a", "s1", 1).add("s2", "s1", 1).add("z", "s2", 1).build();
    }

    private static int[] seeds(InteractionGraph g, String... ids) {
        int[] s = new int[ids.length];
        for (int i = 0; i < ids.length; i++) s[i] = g.ids().index(ids[i]);
        return s;
    }

    /*
     * Seeds S = {s1, s2}. Rows in input order (source acted on target at time):
     *   0: a  s1 10   a engages a seed and is reached at 10
     *   1: b  a   5   backwards chain: b acted on a at 5, before a was reached at 10: b is not reached
     *   2: s2 s1  7   seeds acting on each other: neither engager nor reach
     *   3: c  a  10   same time as row 0, later in input order: c is reached
     *   4: e  f  12   same time as row 5 but earlier in input order: f is not reached yet, e is not
     *   5: f  s2 12   f engages s2, reached at 12
     *   6: g  s1  3   g engages s1 (seeds are reached at the split, before every future row)
     *   7: a  s2 20   a engages a second seed: still one engager
     *   8: h  x  30   x is never reached: h is not
     *   9: s1 a  40   a seed acting on a reached person: nothing new
     *  10: a  a  41   a self-action
     * engagers = {a, f, g} = 3; reach = {a, c, f, g} = 4.
     */
    private static FutureRows future(InteractionGraph g) {
        return new FutureRows().add("a", "s1", 10).add("b", "a", 5).add("s2", "s1", 7).add("c", "a", 10)
                .add("e", "f", 12).add("f", "s2", 12).add("g", "s1", 3).add("a", "s2", 20).add("h", "x", 30)
                .add("s1", "a", 40).add("a", "a", 41).link(g);
    }

    @Test
    void engagersAndReachByHand() {
        InteractionGraph g = train();
        Outcomes.Observed o = Outcomes.of(future(g), seeds(g, "s1", "s2"));
        assertEquals(3, o.engagers());
        assertEquals(4, o.reach());
    }

    @Test
    void oneSeed() {
        InteractionGraph g = train();
        FutureRows f = future(g);
        // S = {s1}: engagers a, s2, g. Sweep: g(3) s2(7, via s1) a(10) c(10) f(12, via s2; e's row came first) -> 5
        Outcomes.Observed o = Outcomes.of(f, seeds(g, "s1"));
        assertEquals(3, o.engagers());
        assertEquals(5, o.reach());
        // S = {a}: engagers b, c, s1 (a's self-action is not engagement). Sweep: b(5) c(10) s1(40) -> 3
        o = Outcomes.of(f, seeds(g, "a"));
        assertEquals(3, o.engagers());
        assertEquals(3, o.reach());
        // S = {z}: no future row at all
        o = Outcomes.of(f, seeds(g, "z"));
        assertEquals(0, o.engagers());
        assertEquals(0, o.reach());
    }

    @Test
    void unsortedInputIsSweptByTimeWithTiesInInputOrder() {
        InteractionGraph g = train();
        // the same chain written newest first: time order, not file order, decides
        FutureRows f = new FutureRows().add("d", "c", 9).add("c", "b", 8).add("b", "s1", 7).link(g);
        assertEquals(3, Outcomes.of(f, seeds(g, "s1")).reach());
        // equal times: only the input order counts, so the chain written last-link-first does not carry
        f = new FutureRows().add("d", "c", 7).add("c", "b", 7).add("b", "s1", 7).link(g);
        assertEquals(1, Outcomes.of(f, seeds(g, "s1")).reach());
        f = new FutureRows().add("b", "s1", 7).add("c", "b", 7).add("d", "c", 7).link(g);
        assertEquals(3, Outcomes.of(f, seeds(g, "s1")).reach());
    }

    @Test
    void attentionCountsDistinctFutureActorsOfTrainPeople() {
        InteractionGraph g = train();
        int[] att = Outcomes.attention(future(g), g.nodeCount());
        assertEquals(3, att[g.ids().index("s1")]); // a, s2, g
        assertEquals(2, att[g.ids().index("s2")]); // f, a
        assertEquals(3, att[g.ids().index("a")]); // b, c, s1 (not a itself)
        assertEquals(0, att[g.ids().index("z")]);
    }
}
