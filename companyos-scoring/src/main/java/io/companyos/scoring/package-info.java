/** Pure, allocation-light functions that turn rows and numbers into the metrics packs show. */
@NullMarked
package io.companyos.scoring;

import org.jspecify.annotations.NullMarked;
