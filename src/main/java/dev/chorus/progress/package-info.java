/**
 * The {@link dev.chorus.progress.Progress} interface algorithms report to; no terminal code lives here.
 */
package dev.chorus.progress;
