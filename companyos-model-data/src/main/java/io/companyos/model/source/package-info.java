/** Configuration of a company's metric sources ({@code sources.yaml}). */
@NullMarked
package io.companyos.model.source;

import org.jspecify.annotations.NullMarked;
