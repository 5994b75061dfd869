package dev.chorus.diffusion;

import dev.chorus.community.ClusterAudience;
import dev.chorus.community.Communities;
import dev.chorus.graph.Adjacency;
import dev.chorus.graph.InteractionGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Seeds chosen for the audience they bring from outside their group (outside audience: distinct people of another
 * group who acted on them, {@link ClusterAudience#outside}); ties by the smaller original id throughout.
 * <ul>
 * <li>{@link #choirs}: seeds from the top choirs: in rounds over {@code choirOrder}, each round taking the next
 * {@code perCluster} members of each choir by outside audience (widest first; members nobody outside acts on are
 * never taken), so the budget goes first to the best choirs' best-heard members and only then deeper into them. When
 * the choirs' heard members run out, the arm has fewer than k seeds: it says how many choir voices there are;</li>
 * <li>{@link #voices}: aggregate influence (many ordinary engaged people instead of one loud one): per community,
 * its most engaged member with an outside audience &ge; 1 (engagement: mutual ties, people it acts on who act on
 * it, or distinct neighbours on undirected input; ties by outside audience); then the k such voices with the
 * widest outside audience, one per community. With fewer than k communities that have a voice, fewer seeds.</li>
 * </ul>
 * O(n + m) plus sorting the members of the listed choirs.
 */
public final class AudienceSeeds {
    private AudienceSeeds() {
    }

    public static int[] choirs(InteractionGraph g, Communities clusters, int[] choirOrder, int k, int perCluster) {
        if (perCluster < 1) throw new IllegalArgumentException("perCluster must be >= 1, got " + perCluster);
        int[] audience = ClusterAudience.outside(g, clusters.membership());
        Comparator<Integer> wider = Comparator.<Integer>comparingInt(u -> -audience[u]).thenComparing(u -> g.ids().id(u));
        int[] slot = new int[clusters.count()];
        java.util.Arrays.fill(slot, -1);
        List<List<Integer>> heard = new ArrayList<>();
        for (int c : choirOrder) {
            if (c < 0 || c >= slot.length) throw new IllegalArgumentException("cluster " + c + " does not exist (" + slot.length + " clusters)");
            slot[c] = heard.size();
            heard.add(new ArrayList<>());
        }
        int[] member = clusters.membership();
        for (int u = 0; u < member.length; u++) if (slot[member[u]] >= 0 && audience[u] > 0) heard.get(slot[member[u]]).add(u);
        for (List<Integer> m : heard) m.sort(wider);
        int budget = Math.min(k, g.nodeCount());
        List<Integer> out = new ArrayList<>(budget);
        for (int round = 0; out.size() < budget; round++) {
            boolean any = false;
            for (List<Integer> m : heard) {
                for (int i = round * perCluster; i < Math.min(m.size(), (round + 1) * perCluster) && out.size() < budget; i++) {
                    out.add(m.get(i));
                    any = true;
                }
            }
            if (!any) break;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public static int[] voices(InteractionGraph g, Communities communities, int k) {
        int n = g.nodeCount();
        int[] member = communities.membership();
        int[] audience = ClusterAudience.outside(g, member);
        int[] engaged = new int[n];
        Adjacency out = g.out();
        Adjacency und = g.undirected();
        for (int u = 0; u < n; u++) {
            if (!g.isDirected()) {
                engaged[u] = und.degree(u);
                continue;
            }
            for (int e = out.start(u); e < out.end(u); e++) if (g.isReciprocated(e)) engaged[u]++;
        }
        Comparator<Integer> better = Comparator.<Integer>comparingInt(u -> -engaged[u]).thenComparingInt(u -> -audience[u])
                .thenComparing(u -> g.ids().id(u));
        int[] voice = new int[communities.count()];
        java.util.Arrays.fill(voice, -1);
        for (int u = 0; u < n; u++) {
            if (audience[u] == 0) continue;
            int c = member[u];
            if (voice[c] < 0 || better.compare(u, voice[c]) < 0) voice[c] = u;
        }
        return java.util.Arrays.stream(voice).filter(u -> u >= 0).boxed()
                .sorted(Comparator.<Integer>comparingInt(u -> -audience[u]).thenComparing(u -> g.ids().id(u)))
                .limit(Math.min(k, n)).mapToInt(Integer::intValue).toArray();
    }
}
