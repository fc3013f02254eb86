/** The KPI catalog: every KPI the packs show, with its one definition, unit, good direction and window rule. */
@NullMarked
package io.companyos.scoring.catalog;

import org.jspecify.annotations.NullMarked;
