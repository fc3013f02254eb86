/** OKR progress from start, target and current values, with on-track status. */
@NullMarked
package io.companyos.scoring.okr;

import org.jspecify.annotations.NullMarked;
