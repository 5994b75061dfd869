package dev.chorus.roles;

/**
 * Settings of {@link Engagement}. It has none: every column is defined by the graph and the partition, and one
 * O(n + m) pass is fast enough that threads would not pay. The record keeps the config -> compute -> result shape
 * that every algorithm shares, as {@code KCoreConfig} does.
 */
public record EngagementConfig() {
    public static EngagementConfig defaults() {
        return new EngagementConfig();
    }
}
