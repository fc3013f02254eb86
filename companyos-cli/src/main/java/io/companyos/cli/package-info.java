/** The {@code companyos} command line: one subcommand per file, registered in {@link io.companyos.cli.CompanyOsCommand}. */
@NullMarked
package io.companyos.cli;

import org.jspecify.annotations.NullMarked;
