/**
 * Fixed-chunk parallel loops whose results do not depend on the thread count.
 */
package dev.chorus.parallel;
