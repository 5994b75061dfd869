/**
 * Propagation: influence graphs, independent cascade, linear threshold, complex contagion and SIR by Monte Carlo, seed
 * selection (IMM, CELF, baselines) and the seeding experiment that compares strategies.
 */
package dev.chorus.diffusion;
