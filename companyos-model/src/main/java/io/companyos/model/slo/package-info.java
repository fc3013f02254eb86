/**
 * Service-level objectives as a company already writes them: OpenSLO v1, Sloth {@code prometheus/v1} and Pyrra
 * {@code pyrra.dev/v1alpha1} specs read into one model ({@link io.companyos.model.slo.SloSpec}), and written back as
 * OpenSLO. See docs/slos.md for the field-by-field mapping.
 */
@NullMarked
package io.companyos.model.slo;

import org.jspecify.annotations.NullMarked;
