/**
 * An example metric-source plugin, written the way a third party would: a provider registered with
 * {@link java.util.ServiceLoader}, a source that reads a JSON release log, and a contract test.
 */
@NullMarked
package io.companyos.examples.source;

import org.jspecify.annotations.NullMarked;
