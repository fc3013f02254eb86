/** Section assemblers, the template data tree and the FreeMarker set-up; not part of the public API. */
@NullMarked
package io.companyos.render.internal;

import org.jspecify.annotations.NullMarked;
