/**
 * Backtest: split timed interactions at a time T, choose seeds and compute rankings on the rows before T
 * (train), and score them against what happened after T (future): who engaged with the seeds, how far
 * time-respecting chains of interactions carried them, and which people drew attention. Config -> compute ->
 * result like every algorithm package; the CLI ({@code chorus backtest}, {@code analyze --backtest}) only parses
 * and calls, {@code dev.chorus.output.BacktestJson} formats.
 */
package dev.chorus.backtest;
