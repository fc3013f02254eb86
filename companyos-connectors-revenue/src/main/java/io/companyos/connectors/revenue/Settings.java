package io.companyos.connectors.revenue;

import org.jspecify.annotations.Nullable;

/**
 * How to read the Stripe exports of one source.
 *
 * @param currency the only currency read (option {@code currency}, lower case), or null to read the one currency the
 *     exports hold
 */
record Settings(@Nullable String currency) {}
