/**
 * The company's settings of the composite health score ({@code health-model.yaml}), as read by companyos-model
 * and scored by companyos-scoring.
 */
@NullMarked
package io.companyos.model.health;

import org.jspecify.annotations.NullMarked;
