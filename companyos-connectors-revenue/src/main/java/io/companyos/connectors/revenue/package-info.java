/**
 * The {@code revenue-exports} source: accounts and ARR movements worked out from the lists the Stripe API returns
 * ({@code GET /v1/subscriptions}, {@code GET /v1/invoices}, {@code GET /v1/customers}), served as
 * {@link io.companyos.model.data.Account} and {@link io.companyos.model.data.ArrMovement} (see docs/connectors.md).
 */
@NullMarked
package io.companyos.connectors.revenue;

import org.jspecify.annotations.NullMarked;
