/** Contract tests for metric-source plugins: extend {@link io.companyos.sources.tck.MetricSourceContract}. */
@NullMarked
package io.companyos.sources.tck;

import org.jspecify.annotations.NullMarked;
