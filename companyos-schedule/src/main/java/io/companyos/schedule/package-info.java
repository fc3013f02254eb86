/**
 * When things happen: meeting occurrences from the rhythm's frequency rules, pack generation times
 * (cron or lead time before the meeting), the rhythm as an RFC 5545 calendar.
 */
@NullMarked
package io.companyos.schedule;

import org.jspecify.annotations.NullMarked;
