/**
 * Reading and writing SLO specs as a company already writes them: OpenSLO v1, Sloth {@code prometheus/v1} and
 * Pyrra {@code pyrra.dev/v1alpha1} read into {@link io.companyos.model.slo.SloSpec}s ({@link
 * io.companyos.model.slo.specs.SloSpecs}), and written back as OpenSLO ({@link
 * io.companyos.model.slo.specs.OpenSloWriter}). See docs/slos.md for the field-by-field mapping.
 */
@NullMarked
package io.companyos.model.slo.specs;

import org.jspecify.annotations.NullMarked;
