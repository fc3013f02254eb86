/**
 * The {@code cost-exports} source: FOCUS cost rows read from the exports the clouds deliver (an AWS Data Exports folder
 * with its manifests, Azure Cost Management FOCUS exports, GCP's FOCUS view saved as CSV), each row read by the rules of
 * {@code costs.csv}, served as {@link io.companyos.model.data.CostRow} (see docs/connectors.md).
 */
@NullMarked
package io.companyos.connectors.costs;

import org.jspecify.annotations.NullMarked;
