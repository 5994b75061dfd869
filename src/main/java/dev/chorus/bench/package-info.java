/**
 * Benchmarks ({@code chorus bench}) that time Chorus beside a baseline run in the same process.
 */
package dev.chorus.bench;
