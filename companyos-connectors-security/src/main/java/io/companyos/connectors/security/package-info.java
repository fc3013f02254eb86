/**
 * The {@code security-exports} source: vulnerability findings read from the files scanners write —
 * SARIF 2.1.0, CycloneDX (with VEX), OSV records, Trivy JSON reports and GitHub Dependabot alert lists —
 * detected per file, mapped to {@link io.companyos.model.data.Vulnerability} and counted once per CVE and
 * component (see docs/connectors.md).
 */
@NullMarked
package io.companyos.connectors.security;

import org.jspecify.annotations.NullMarked;
