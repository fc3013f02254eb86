/**
 * The {@code jdbc} source: record kinds and metrics read from any database with a JDBC driver, one SQL query each,
 * with the window as the named parameters {@code :from} and {@code :to} (docs/sources.md, "The jdbc source").
 */
@NullMarked
package io.companyos.sources.jdbc;

import org.jspecify.annotations.NullMarked;
