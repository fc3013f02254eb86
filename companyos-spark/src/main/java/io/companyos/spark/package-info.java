/**
 * The KPI catalog on Apache Spark 4: {@link io.companyos.spark.SparkKpis} computes KPIs over record tables
 * ({@link io.companyos.spark.SparkTables}: Parquet, CSV or the session's catalog) and returns the Java reference's own
 * result types in a {@link io.companyos.spark.SparkResult} with provenance. Spark is a {@code provided} dependency: the
 * cluster brings its own.
 */
@NullMarked
package io.companyos.spark;

import org.jspecify.annotations.NullMarked;
