/** Series basics every metric shares: deltas against the previous period, trends with a dead band, good direction. */
@NullMarked
package io.companyos.scoring;

import org.jspecify.annotations.NullMarked;
