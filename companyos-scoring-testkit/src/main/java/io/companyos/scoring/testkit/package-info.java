/**
 * The scoring laws as plain objects — a description, a generator and a check — so that any pipeline can
 * property-test its own scoring configuration with any library; {@link io.companyos.scoring.testkit.LawRunner}
 * runs them without one and {@link io.companyos.scoring.testkit.QuickTheoriesLaws} adapts them to QuickTheories.
 */
@NullMarked
package io.companyos.scoring.testkit;

import org.jspecify.annotations.NullMarked;
