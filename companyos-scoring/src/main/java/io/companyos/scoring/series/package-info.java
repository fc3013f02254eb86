/** Time series on primitive arrays: aggregation by reporting period and rolling windows. */
@NullMarked
package io.companyos.scoring.series;

import org.jspecify.annotations.NullMarked;
