/** The exporter SPI: one {@link io.companyos.render.export.PackExporter} per output format beyond the built-ins. */
@NullMarked
package io.companyos.render.export;

import org.jspecify.annotations.NullMarked;
