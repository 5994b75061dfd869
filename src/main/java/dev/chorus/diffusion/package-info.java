/**
 * Propagation: one {@link dev.chorus.diffusion.Propagation} (a model with its edge weights) drives Monte Carlo
 * simulation (independent cascade, linear threshold, complex contagion, SIR), seed selection (IMM, CELF, baselines)
 * and the seeding experiment that compares strategies.
 */
package dev.chorus.diffusion;
