/**
 * The {@code sample} source: a deterministic synthetic company with five quarters of internally
 * consistent data on a fixed calendar (see {@link io.companyos.sources.sample.SampleSourceProvider}), the
 * embedded default behind {@code companyos render --all}.
 */
@NullMarked
package io.companyos.sources.sample;

import org.jspecify.annotations.NullMarked;
