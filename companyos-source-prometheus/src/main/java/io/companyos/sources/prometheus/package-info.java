/** The {@code prometheus} source: instant and range PromQL queries over the Prometheus HTTP API. */
@NullMarked
package io.companyos.sources.prometheus;

import org.jspecify.annotations.NullMarked;
