/** Pieces shared by the built-in sources; not part of the public API. */
@NullMarked
package io.companyos.sources.builtin.internal;

import org.jspecify.annotations.NullMarked;
