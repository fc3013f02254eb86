/**
 * Recommendation rules as data: which rule kinds run, with which thresholds, in which pack section and for which owner
 * role of the RACI matrix. The rules are read from {@code recommendations.yaml} (built-in defaults, merged by id with a
 * company's own file); {@code companyos-scoring} evaluates them.
 */
@NullMarked
package io.companyos.model.recommend;

import org.jspecify.annotations.NullMarked;
