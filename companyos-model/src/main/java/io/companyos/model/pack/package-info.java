/** Meeting-pack definitions: schedule, recipients, sections with typed parameters, delivery. */
@NullMarked
package io.companyos.model.pack;

import org.jspecify.annotations.NullMarked;
