/**
 * The automated health check: evaluates the rhythm's {@code health_checks} against a metric source and
 * fires {@link io.companyos.schedule.check.Action}s with de-duplication, cool-down and recovery notices.
 */
@NullMarked
package io.companyos.schedule.check;

import org.jspecify.annotations.NullMarked;
