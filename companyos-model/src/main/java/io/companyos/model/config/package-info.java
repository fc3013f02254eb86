/** Loading definitions from YAML with located, coded problems: {@link io.companyos.model.config.DefinitionLoader}. */
@NullMarked
package io.companyos.model.config;

import org.jspecify.annotations.NullMarked;
