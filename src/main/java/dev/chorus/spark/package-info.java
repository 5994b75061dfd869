/**
 * The Apache Spark/GraphX engine for graphs beyond one machine (the only package that imports Spark, a {@code provided}
 * dependency).
 */
package dev.chorus.spark;
