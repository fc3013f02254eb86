/**
 * The {@code incident-exports} source: incidents read from PagerDuty REST v2 exports (incident pages, log entries for
 * resolve times) and from any other tool's incident CSV or JSON through a column mapping, with priorities and
 * urgencies mapped to P1–P4, served as {@link io.companyos.model.data.Incident} (see docs/connectors.md).
 */
@NullMarked
package io.companyos.connectors.incidents;

import org.jspecify.annotations.NullMarked;
