/** Financials and FinOps: ARR movements and retention, cloud cost from FOCUS rows, budget variance, coverage, forecast. */
@NullMarked
package io.companyos.scoring.finops;

import org.jspecify.annotations.NullMarked;
