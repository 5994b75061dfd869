package dev.chorus.community;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How tightly knit one community is: the numbers a strategist ranks "passionate clusters" by. Computed by
 * {@link Cohesion}, which documents each formula. {@link #COLUMNS} and {@link #asMap()} give the numeric
 * fields in one fixed order under snake_case names, so that JSON, CSV and Neo4j properties carry the same
 * fields under the same names; {@link #core()} is the one list-valued field.
 * <p>
 * Some values are not finite by definition: {@code reciprocity} is NaN for undirected inputs and
 * {@code internal_external_ratio} is +Infinity for a community with no outside interaction (NaN if it has
 * none at all). Writers decide how to show them (JSON has no NaN: write null).
 *
 * @param community             community index in the {@link Communities} it was computed from
 * @param size                  members
 * @param internalEdges         distinct member pairs that interacted (edges of the undirected view)
 * @param internalWeight        interaction weight between members
 * @param externalWeight        interaction weight between members and non-members (the cut)
 * @param density               internal edges / possible member pairs
 * @param reciprocity           share of internal arcs answered by the reverse arc
 * @param conductance           cut / smaller side's volume, in [0, 1]
 * @param averageClustering     mean local clustering coefficient of the members (in the whole graph)
 * @param internalTriangles     triangles with all three corners in the community
 * @param triangleDensity       internal triangles / possible member triples
 * @param internalExternalRatio internal weight / external weight
 * @param weightPerPair         internal weight / possible member pairs
 * @param core                  original ids of the most internally engaged members, most engaged first
 */
public record ClusterCohesion(int community, int size, long internalEdges, double internalWeight, double externalWeight,
                              double density, double reciprocity, double conductance, double averageClustering,
                              long internalTriangles, double triangleDensity, double internalExternalRatio,
                              double weightPerPair, List<String> core) {
    /** Names of the numeric fields, in the order of {@link #asMap()}. */
    public static final List<String> COLUMNS = List.of("community", "size", "internal_edges", "internal_weight",
            "external_weight", "density", "reciprocity", "conductance", "avg_clustering", "internal_triangles",
            "triangle_density", "internal_external_ratio", "weight_per_pair");

    public ClusterCohesion {
        core = List.copyOf(core);
    }

    /** The numeric fields by {@link #COLUMNS} name, in that order: Integer, Long or Double values. */
    public Map<String, Number> asMap() {
        Number[] values = {community, size, internalEdges, internalWeight, externalWeight, density, reciprocity,
                conductance, averageClustering, internalTriangles, triangleDensity, internalExternalRatio, weightPerPair};
        Map<String, Number> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) m.put(COLUMNS.get(i), values[i]);
        return Collections.unmodifiableMap(m);
    }
}
