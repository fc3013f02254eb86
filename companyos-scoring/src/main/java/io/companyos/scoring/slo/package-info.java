/** Service level objectives: attainment, error budget, burn rate and multi-window burn-rate alerts (Google SRE workbook, ch. 5). */
@NullMarked
package io.companyos.scoring.slo;

import org.jspecify.annotations.NullMarked;
