/**
 * Per-person engagement numbers, the role rules (hub, bridge, engager, ...) with thresholds resolved from the data,
 * the kinds of clusters (choirs heard outside, rings that only hear themselves) and the ranking of the choirs.
 */
package dev.chorus.roles;
