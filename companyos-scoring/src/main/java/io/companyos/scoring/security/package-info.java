/** Security posture: vulnerabilities by severity with remediation SLAs, critical CVEs, security event trends. */
@NullMarked
package io.companyos.scoring.security;

import org.jspecify.annotations.NullMarked;
