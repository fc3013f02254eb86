/** Reporting windows: which period a number covers and which window it is compared with. */
@NullMarked
package io.companyos.scoring.window;

import org.jspecify.annotations.NullMarked;
