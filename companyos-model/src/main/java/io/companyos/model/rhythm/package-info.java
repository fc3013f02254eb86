/** The operating rhythm: cadences, meetings, their frequency rules and agendas. */
@NullMarked
package io.companyos.model.rhythm;

import org.jspecify.annotations.NullMarked;
