/** The smallest metric-source plugin, as docs/getting-started.md shows it: one record kind, the sources TCK. */
package io.companyos.examples.start.plugin;
