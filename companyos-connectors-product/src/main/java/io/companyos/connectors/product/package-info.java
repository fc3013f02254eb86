/**
 * The {@code product-exports} source: product events read from PostHog batch exports (JSON Lines, optionally gzipped)
 * and Amplitude Export API archives (a zip of gzipped JSON lines, one file per hour), served as
 * {@link io.companyos.model.data.ProductEvent} (see docs/connectors.md).
 */
@NullMarked
package io.companyos.connectors.product;

import org.jspecify.annotations.NullMarked;
