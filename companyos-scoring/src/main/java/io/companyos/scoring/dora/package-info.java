/** The four DORA keys from changes, deployments and incidents, with performance bands. */
@NullMarked
package io.companyos.scoring.dora;

import org.jspecify.annotations.NullMarked;
