/** JMH benchmarks; run with {@code java -jar companyos-benchmarks/target/benchmarks.jar} or see docs/performance.md. */
package io.companyos.benchmarks;
