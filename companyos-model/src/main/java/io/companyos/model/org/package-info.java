/** The organisation around the rhythm: roles, the RACI matrix, dashboards with access levels, rhythm KPIs. */
@NullMarked
package io.companyos.model.org;

import org.jspecify.annotations.NullMarked;
