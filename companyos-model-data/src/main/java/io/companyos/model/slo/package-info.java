/**
 * Service-level objectives in one model ({@link io.companyos.model.slo.SloSpec}): service, objective, window and
 * SLI queries, whichever spec they were read from. The readers and the OpenSLO writer are in {@code
 * io.companyos.model.slo.specs} (companyos-model). See docs/slos.md.
 */
@NullMarked
package io.companyos.model.slo;

import org.jspecify.annotations.NullMarked;
