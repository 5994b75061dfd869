/**
 * The main job as a library call: {@link dev.chorus.analysis.Analysis} runs every step of {@code chorus analyze} and
 * returns an {@link dev.chorus.analysis.AnalysisResult}; it computes, it writes nothing.
 */
package dev.chorus.analysis;
