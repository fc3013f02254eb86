/** Embedding CompanyOS in plain Java: load the rhythm, open sources, assemble and render a pack. */
@NullMarked
package io.companyos.examples.embed;

import org.jspecify.annotations.NullMarked;
