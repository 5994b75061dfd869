package dev.chorus.roles;

import dev.chorus.community.ClusterAudience;
import dev.chorus.community.ClusterCohesion;
import dev.chorus.graph.InteractionGraph;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The kind of a cluster, {@code choir}, {@code ring} or {@code other}, by rules whose thresholds resolve from the
 * data as the {@link Roles} thresholds do. A cluster is <em>cohesive</em> when it has {@link ClusterConfig#minSize()}
 * to {@link ClusterConfig#maxSize()} members and a cohesion score ({@link PassionateClusters}) of at least
 * {@link ClusterConfig#minScore()}. With {@code reach} from {@link ClusterAudience} and s the size:
 * <ul>
 * <li>{@code choir}: cohesive and heard outside: reach &gt; 0 and reach / s at least {@code choir_min_reach_per_member}
 * = {@link ClusterConfig#choirMinAudienceShare()} x {@code typical_audience}, the mean number of distinct people who
 * act on a person in this graph (arcs without self-loops / nodes): from outside alone, its members are heard by a
 * fair share of what a person is heard by in all;</li>
 * <li>{@code ring}: cohesive, reciprocal and (nearly) unheard outside, the pattern of bought or traded engagement:
 * internal reciprocity at least {@code ring_min_reciprocity} = max({@link ClusterConfig#ringMinReciprocity()},
 * mean + {@link RoleConfig#minZ()} sd of the people's reciprocity ({@link Engagement})), so that answering only
 * counts where it stands out from how this graph usually answers (above 1 no cluster is a ring), and reach / s at
 * most {@code ring_max_reach_per_member} = {@link ClusterConfig#ringMaxAudienceShare()} x {@code typical_audience};</li>
 * <li>{@code other}: the rest (not cohesive, or between heard and unheard, or unheard without the reciprocity).</li>
 * </ul>
 * On undirected input, reciprocity is not recorded, and a closed cohesive group (a family, a team) cannot be told
 * from traded engagement without it: no cluster is a {@code ring} there; unheard cohesive clusters are
 * {@code other}, and {@code choir} keeps its rule (the audience is then every outside neighbour). O(n + m) to resolve.
 *
 * @param directed              whether the graph records direction (rings need it)
 * @param typicalAudience       mean distinct people acting on a person
 * @param choirMinReachPerMember a choir's reach per member is at least this
 * @param ringMaxReachPerMember a ring's reach per member is at most this
 * @param ringMinReciprocity    a ring's internal reciprocity is at least this (NaN on undirected input)
 * @param config                the cluster settings the rules read
 */
public record ClusterKinds(boolean directed, double typicalAudience, double choirMinReachPerMember, double ringMaxReachPerMember,
                           double ringMinReciprocity, ClusterConfig config) {
    public static final String CHOIR = "choir";
    public static final String RING = "ring";
    public static final String OTHER = "other";

    /**
     * The thresholds of {@code g}.
     *
     * @param reciprocity per person, {@link Engagement}'s {@code reciprocity} column (NaN entries are skipped)
     * @param minZ        as the role rules use it
     */
    public static ClusterKinds resolve(InteractionGraph g, double[] reciprocity, ClusterConfig config, double minZ) {
        double[] r = java.util.Arrays.stream(reciprocity).filter(x -> !Double.isNaN(x)).toArray();
        MetricSummary people = r.length < 2 ? new MetricSummary(r.length, Double.NaN, Double.NaN, Double.NaN)
                : new MetricSummary(r.length, new Mean().evaluate(r), new StandardDeviation().evaluate(r), Double.NaN);
        return resolve(g.isDirected(), g.nodeCount(), (long) g.arcCount() - g.selfLoopCount(), people, config, minZ);
    }

    /**
     * The thresholds from the few numbers they read, for engines that hold the graph in pieces (Spark): the same rules
     * as {@link #resolve(InteractionGraph, double[], ClusterConfig, double)}, which calls this.
     *
     * @param nodes       people in the graph
     * @param arcs        arcs without self-loops; on undirected input both directions of every pair (as
     *                    {@link InteractionGraph#arcCount()} counts them)
     * @param reciprocity count, mean and sample standard deviation of the people's defined (not NaN) reciprocity;
     *                    the percentile is not read
     */
    public static ClusterKinds resolve(boolean directed, long nodes, long arcs, MetricSummary reciprocity, ClusterConfig config, double minZ) {
        double typical = nodes == 0 ? 0 : (double) arcs / nodes;
        double ring = Double.NaN;
        if (directed) {
            double usual = reciprocity.count() < 2 ? 0 : reciprocity.mean() + minZ * reciprocity.sd();
            ring = Math.max(config.ringMinReciprocity(), usual);
        }
        return new ClusterKinds(directed, typical, config.choirMinAudienceShare() * typical, config.ringMaxAudienceShare() * typical,
                ring, config);
    }

    /** The resolved values by name, as {@code report.json} lists them. */
    public Map<String, Double> thresholds() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("min_cohesion", config.minScore());
        t.put("typical_audience", typicalAudience);
        t.put("choir_min_reach_per_member", choirMinReachPerMember);
        t.put("ring_max_reach_per_member", ringMaxReachPerMember);
        t.put("ring_min_reciprocity", ringMinReciprocity);
        return t;
    }

    public boolean cohesive(ClusterCohesion c, double cohesionScore) {
        return c.size() >= config.minSize() && c.size() <= config.maxSize() && cohesionScore >= config.minScore();
    }

    public String kind(ClusterCohesion c, ClusterAudience a, double cohesionScore) {
        if (!cohesive(c, cohesionScore)) return OTHER;
        double perMember = (double) a.reach() / c.size();
        if (a.reach() > 0 && perMember >= choirMinReachPerMember) return CHOIR;
        if (directed && c.reciprocity() >= ringMinReciprocity && perMember <= ringMaxReachPerMember) return RING;
        return OTHER;
    }
}
