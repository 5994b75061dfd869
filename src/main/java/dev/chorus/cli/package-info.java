/**
 * The picocli commands: they parse options, call the library and choose exit codes; no computation or file format
 * lives here.
 */
package dev.chorus.cli;
