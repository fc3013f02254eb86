/** The composite health score: KPIs normalized to 0..100, weighted into dimensions and an overall score with an exact explanation. */
@NullMarked
package io.companyos.scoring.health;

import org.jspecify.annotations.NullMarked;
