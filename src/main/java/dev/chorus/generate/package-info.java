/**
 * Synthetic interaction graphs with planted structure, for benchmarks and tests at any size.
 */
package dev.chorus.generate;
