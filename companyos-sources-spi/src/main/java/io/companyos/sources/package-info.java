/**
 * Metric-source SPI: {@link io.companyos.sources.MetricSourceProvider} creates a
 * {@link io.companyos.sources.MetricSource}, whose every answer is a {@link io.companyos.sources.Dataset}
 * carrying {@link io.companyos.sources.Provenance}. Interfaces here grow only by default methods.
 */
@NullMarked
package io.companyos.sources;

import org.jspecify.annotations.NullMarked;
