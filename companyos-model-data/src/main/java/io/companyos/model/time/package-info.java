/** Time windows and periods that every query and every pack value is bound to. */
@NullMarked
package io.companyos.model.time;

import org.jspecify.annotations.NullMarked;
