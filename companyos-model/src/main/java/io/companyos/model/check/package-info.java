/** Health-check rules and threshold expressions. */
@NullMarked
package io.companyos.model.check;

import org.jspecify.annotations.NullMarked;
