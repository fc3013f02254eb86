/**
 * The {@code pptx} pack exporter: a PowerPoint deck of a {@link io.companyos.render.PackDocument}, built
 * with Apache POI. See {@link io.companyos.export.pptx.PptxExporter}.
 */
@NullMarked
package io.companyos.export.pptx;

import org.jspecify.annotations.NullMarked;
