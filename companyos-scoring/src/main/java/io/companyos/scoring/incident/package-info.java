/** Incident statistics: counts and time to restore by severity, open incidents, repeat detection. */
@NullMarked
package io.companyos.scoring.incident;

import org.jspecify.annotations.NullMarked;
