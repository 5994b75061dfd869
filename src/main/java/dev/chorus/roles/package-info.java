/**
 * Per-person engagement numbers, the role rules (hub, bridge, engager, ...) with thresholds resolved from the data, and
 * the ranking of passionate clusters.
 */
package dev.chorus.roles;
