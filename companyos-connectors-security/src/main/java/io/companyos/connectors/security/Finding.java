package io.companyos.connectors.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One finding as one export states it, before findings of several exports are counted once.
 *
 * @param id the tool's id for it (CVE, GHSA, OSV id, rule id)
 * @param cve the CVE id when the export names one
 * @param severity critical/high/medium/low, or null when the export gives none
 * @param file the export it was read from
 * @param order the export's place in reading order, then the finding's place in it (for stable merging)
 */
record Finding(String id, @Nullable String cve, @Nullable String severity, String component, String title,
    Instant detectedAt, @Nullable Instant resolvedAt, String file, long order) {}
