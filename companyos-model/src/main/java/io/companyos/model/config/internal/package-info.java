/** The YAML reading machinery behind {@link io.companyos.model.config.DefinitionLoader}; not exported. */
@NullMarked
package io.companyos.model.config.internal;

import org.jspecify.annotations.NullMarked;
